(function () {
  'use strict';
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });
  var data = JSON.parse(document.getElementById('discern-data').textContent);
  var tables = data.tables;
  var slider = document.getElementById('threshold-slider');
  var select = document.getElementById('class-select');
  var cur = data.initialTable;
  var pos = 0;

  function $(id) { return document.getElementById(id); }
  function threshold(tab, p) {
    if (p === 0) { return Infinity; }
    var t = tab.t[p - 1];
    return tab.f32 ? Math.fround(t) : t;
  }
  // the library clamps tiny negative residues of weighted sums to 0 (ConfusionMatrix.of)
  function clamp(v) { return v < 0 && v > -1e-9 ? 0 : v; }
  function confusion(tab, p) {
    var tp = p === 0 ? 0 : tab.tp[p - 1];
    var fp = p === 0 ? 0 : tab.fp[p - 1];
    return { t: threshold(tab, p), tp: tp, fp: fp, tn: clamp(tab.N - fp), fn: clamp(tab.P - tp) };
  }
  function ratio(a, b) { return b === 0 ? NaN : a / b; }
  function fmtCount(v) {
    if (Math.round(v) === v) { return String(v); }
    return v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  }
  function fmtRate(v) { return isNaN(v) ? 'undefined' : v.toFixed(4); }
  function fmtThreshold(t) {
    if (t === Infinity) { return '+\u221e (nothing predicted positive)'; }
    return String(Number(t.toPrecision(6)));
  }
  function setText(id, s) { var el = $(id); if (el) { el.textContent = s; } }

  function place(svgId, x, y) {
    var svg = $(svgId);
    if (!svg) { return; }
    var x0 = +svg.getAttribute('data-x0'), y0 = +svg.getAttribute('data-y0');
    var w = +svg.getAttribute('data-w'), h = +svg.getAttribute('data-h');
    var m = svg.querySelector('.marker');
    var cx = svg.querySelector('.cross-x'), cy = svg.querySelector('.cross-y');
    if (isNaN(x) || isNaN(y)) { m.setAttribute('visibility', 'hidden'); cx.setAttribute('visibility', 'hidden'); cy.setAttribute('visibility', 'hidden'); return; }
    var px = x0 + x * w, py = y0 + (1 - y) * h;
    m.setAttribute('visibility', 'visible'); cx.setAttribute('visibility', 'visible'); cy.setAttribute('visibility', 'visible');
    m.setAttribute('cx', px.toFixed(2)); m.setAttribute('cy', py.toFixed(2));
    cx.setAttribute('x1', px.toFixed(2)); cx.setAttribute('x2', px.toFixed(2));
    cy.setAttribute('y1', py.toFixed(2)); cy.setAttribute('y2', py.toFixed(2));
  }

  function update(p) {
    var tab = tables[cur];
    pos = Math.max(0, Math.min(tab.t.length, p));
    if (+slider.value !== pos) { slider.value = String(pos); }
    var c = confusion(tab, pos);
    var tpr = ratio(c.tp, c.tp + c.fn), fpr = ratio(c.fp, c.fp + c.tn);
    var precision = ratio(c.tp, c.tp + c.fp), recall = tpr;
    var f1 = ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
    var spec = ratio(c.tn, c.tn + c.fp), acc = ratio(c.tp + c.tn, c.tp + c.fp + c.tn + c.fn);
    setText('ro-threshold', fmtThreshold(c.t));
    setText('ro-tpr', fmtRate(tpr)); setText('ro-fpr', fmtRate(fpr));
    setText('ro-precision', fmtRate(precision)); setText('ro-recall', fmtRate(recall));
    setText('ro-f1', fmtRate(f1)); setText('ro-specificity', fmtRate(spec)); setText('ro-accuracy', fmtRate(acc));
    setText('cm-tp', fmtCount(c.tp)); setText('cm-fp', fmtCount(c.fp));
    setText('cm-tn', fmtCount(c.tn)); setText('cm-fn', fmtCount(c.fn));
    place('roc-chart', fpr, tpr);
    place('pr-chart', recall, isNaN(precision) ? 1 : precision);
    return c;
  }

  // last position whose threshold is >= t (the library's rule: positive iff score >= t)
  function positionAt(tab, t) {
    var lo = 0, hi = tab.t.length;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (threshold(tab, mid) >= t) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  }

  function selectTable(i) {
    var t = threshold(tables[cur], pos);
    cur = i;
    var tab = tables[cur];
    slider.max = String(tab.t.length);
    var groups = document.querySelectorAll('svg.chart .curve, svg.chart .base');
    for (var k = 0; k < groups.length; k++) {
      var on = +groups[k].getAttribute('data-table') === cur;
      groups[k].classList.toggle('sel', on);
      if (on) { groups[k].parentNode.appendChild(groups[k]); }
    }
    var rows = document.querySelectorAll('#class-table tbody tr[data-table]');
    for (var r = 0; r < rows.length; r++) { rows[r].classList.toggle('sel', +rows[r].getAttribute('data-table') === cur); }
    setText('ro-class', tab.name);
    setText('ro-auc', tab.auc === null ? 'undefined' : tab.auc.toFixed(4));
    setText('ro-ap', tab.ap === null ? 'undefined' : tab.ap.toFixed(4));
    if (select && +select.value !== cur) { select.value = String(cur); }
    update(t === Infinity ? 0 : positionAt(tab, t));
  }

  function nearest(svg, ev, toXY) {
    var r = svg.getBoundingClientRect();
    var vb = svg.viewBox.baseVal;
    var sx = (ev.clientX - r.left) * vb.width / r.width, sy = (ev.clientY - r.top) * vb.height / r.height;
    var x0 = +svg.getAttribute('data-x0'), y0 = +svg.getAttribute('data-y0');
    var w = +svg.getAttribute('data-w'), h = +svg.getAttribute('data-h');
    var tab = tables[cur], best = -1, bestD = Infinity;
    for (var p = 0; p <= tab.t.length; p++) {
      var xy = toXY(confusion(tab, p));
      if (isNaN(xy[0]) || isNaN(xy[1])) { continue; }
      var dx = x0 + xy[0] * w - sx, dy = y0 + (1 - xy[1]) * h - sy, d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = p; }
    }
    if (best >= 0) { update(best); }
  }
  function hook(id, toXY) {
    var svg = $(id);
    if (!svg) { return; }
    svg.addEventListener('mousemove', function (ev) { nearest(svg, ev, toXY); });
    svg.addEventListener('pointerdown', function (ev) { nearest(svg, ev, toXY); });
  }
  hook('roc-chart', function (c) { return [ratio(c.fp, c.fp + c.tn), ratio(c.tp, c.tp + c.fn)]; });
  hook('pr-chart', function (c) { var p = ratio(c.tp, c.tp + c.fp); return [ratio(c.tp, c.tp + c.fn), isNaN(p) ? 1 : p]; });
  slider.addEventListener('input', function () { update(+slider.value); });
  if (select) { select.addEventListener('change', function () { selectTable(+select.value); }); }

  // sortable per-class table
  var sortable = document.querySelectorAll('table.sortable');
  Array.prototype.forEach.call(sortable, function (table) {
    var heads = table.querySelectorAll('th');
    Array.prototype.forEach.call(heads, function (th, col) {
      th.addEventListener('click', function () {
        var desc = !th.classList.contains('desc');
        Array.prototype.forEach.call(heads, function (h) { h.classList.remove('asc', 'desc'); });
        th.classList.add(desc ? 'desc' : 'asc');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var va = a.cells[col].getAttribute('data-v'), vb = b.cells[col].getAttribute('data-v');
          var na = parseFloat(va), nb = parseFloat(vb), c;
          if (isNaN(na) || isNaN(nb)) {
            c = isNaN(na) && isNaN(nb) ? String(va).localeCompare(String(vb)) : (isNaN(na) ? 1 : -1);
            return desc && !(isNaN(na) !== isNaN(nb)) ? -c : c;
          }
          c = na < nb ? -1 : (na > nb ? 1 : 0);
          return desc ? -c : c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  // rows of classes whose curves are not drawn (many classes) have no table to select
  var classRows = document.querySelectorAll('#class-table tbody tr[data-table]');
  Array.prototype.forEach.call(classRows, function (tr) {
    tr.addEventListener('click', function () { selectTable(+tr.getAttribute('data-table')); });
  });
  var cmToggle = $('cm-toggle');
  if (cmToggle) {
    cmToggle.addEventListener('change', function () {
      var attr = cmToggle.checked ? 'data-share' : 'data-count';
      var cells = document.querySelectorAll('table.cmk td[data-count]');
      for (var i = 0; i < cells.length; i++) { cells[i].textContent = cells[i].getAttribute(attr); }
    });
  }

  selectTable(cur);
  update(data.initialPosition);

  // test hook: #test=class:2,slider:0.3 moves the controls and writes the state into the page
  var hash = decodeURIComponent(location.hash || '');
  if (hash.indexOf('#test=') === 0) {
    var result = {};
    hash.substring(6).split(',').forEach(function (cmd) {
      var kv = cmd.split(':');
      if (kv[0] === 'class') { selectTable(+kv[1]); }
      if (kv[0] === 'slider') {
        var tab = tables[cur];
        slider.value = String(positionAt(tab, parseFloat(kv[1])));
        slider.dispatchEvent(new Event('input'));
      }
    });
    var c = confusion(tables[cur], pos);
    result.table = cur;
    result.position = pos;
    result.threshold = c.t === Infinity ? 'Infinity' : String(c.t);
    result.shown = { tp: $('cm-tp').textContent, fp: $('cm-fp').textContent, tn: $('cm-tn').textContent, fn: $('cm-fn').textContent,
      threshold: $('ro-threshold').textContent, tpr: $('ro-tpr').textContent, fpr: $('ro-fpr').textContent,
      precision: $('ro-precision').textContent, recall: $('ro-recall').textContent };
    result.charts = [];
    var charts = document.querySelectorAll('svg.chart');
    for (var i = 0; i < charts.length; i++) {
      var paths = charts[i].querySelectorAll('path.curve');
      var drawn = 0;
      for (var j = 0; j < paths.length; j++) { if ((paths[j].getAttribute('d') || '').length > 10 && paths[j].getTotalLength() > 0) { drawn++; } }
      var m = charts[i].querySelector('.marker');
      result.charts.push({ id: charts[i].id, curves: drawn, marker: m ? m.getAttribute('visibility') : 'none' });
    }
    result.errors = errors;
    var out = $('test-result');
    out.textContent = JSON.stringify(result);
    out.setAttribute('data-done', 'true');
  }
})();
