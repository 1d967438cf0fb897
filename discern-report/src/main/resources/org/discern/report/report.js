(function () {
  'use strict';
  // The page's script. It draws core's curves (embedded as points) and shows, at the chosen
  // threshold, core's operating-point counts (embedded rows) and their ratios as
  // ConfusionMatrix defines them, in evaluate's format. It computes no metric of its own.
  var NS = 'http://www.w3.org/2000/svg';
  function $(id) { return document.getElementById(id); }
  var data = JSON.parse($('discern-data').textContent);
  var curves = data.curves;

  // ---------------------------------------------------------------- embedded rows
  curves.forEach(function (c) {
    var o = c.ops;
    if (!o) { return; }
    var i;
    if (o.f32) { for (i = 0; i < o.t.length; i++) { o.t[i] = Math.fround(o.t[i]); } }
    if (o.delta) {
      // unweighted counts are written as differences: integers, summed back exactly
      for (i = 1; i < o.tp.length; i++) { o.tp[i] += o.tp[i - 1]; o.fp[i] += o.fp[i - 1]; }
    }
    if (o.rd) { for (i = 1; i < o.rd.length; i++) { o.rd[i] += o.rd[i - 1]; } }
  });
  var selectable = [];
  curves.forEach(function (c, i) { if (c.ops) { selectable.push(i); } });
  var cur = selectable[0];
  var pos = curves[cur].ops.initial;
  var typed = null; // the threshold typed in the box, while the position is the one it gave
  var pinned = -1;

  function threshold(o, p) { return p === 0 ? Infinity : o.t[p - 1]; }
  // the library clamps tiny negative residues of weighted sums to 0 (ConfusionMatrix.of)
  function clamp(v) { return v < 0 && v > -1e-9 ? 0 : v; }
  function ratio(a, b) { return b === 0 ? NaN : a / b; }
  // the confusion matrix at a position and its ratios, as org.discern.metrics.ConfusionMatrix
  function matrix(o, p) {
    var tp = p === 0 ? 0 : o.tp[p - 1], fp = p === 0 ? 0 : o.fp[p - 1];
    var m = { t: threshold(o, p), tp: tp, fp: fp, tn: clamp(o.N - fp), fn: clamp(o.P - tp) };
    m.recall = ratio(m.tp, m.tp + m.fn);
    m.specificity = ratio(m.tn, m.tn + m.fp);
    m.fpr = ratio(m.fp, m.fp + m.tn);
    m.precision = ratio(m.tp, m.tp + m.fp);
    m.npv = ratio(m.tn, m.tn + m.fn);
    m.f1 = ratio(2 * m.tp, 2 * m.tp + m.fp + m.fn);
    m.accuracy = ratio(m.tp + m.tn, m.tp + m.fp + m.tn + m.fn);
    m.balanced_accuracy = isNaN(m.recall) ? m.specificity : (isNaN(m.specificity) ? m.recall : (m.recall + m.specificity) / 2);
    return m;
  }
  // last position whose threshold is >= t (positive iff score >= t)
  function positionAt(o, t) {
    var lo = 0, hi = o.t.length;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (o.t[mid - 1] >= t) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  }
  // whether the embedded row at position p is the table's row for threshold t (no hidden score in [t, t_p))
  function exactAt(o, p, t) {
    if (!o.rd) { return true; }
    if (p > 0 && o.t[p - 1] === t) { return true; }
    var next = p < o.rd.length ? o.rd[p] : o.size;
    var here = p === 0 ? -1 : o.rd[p - 1];
    return next === here + 1;
  }

  // ---------------------------------------------------------------- formatting (as evaluate prints)
  function group(s) { return s.replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function number(v) { return isFinite(v) ? v.toFixed(6) : 'undefined'; }
  function count(v) {
    if (isFinite(v) && Math.round(v) === v && Math.abs(v) < 1e15) { return (v < 0 ? '-' : '') + group(String(Math.abs(v))); }
    return number(v);
  }
  function fixed4(v) { return v === null || isNaN(v) ? 'undefined' : v.toFixed(4); }
  function showThreshold(t) {
    if (t === Infinity) { return '+\u221e (nothing predicted positive)'; }
    return String(t);
  }
  // a score for reading (the slider's range): six significant digits, thousands separated, and
  // very small or large scores as "8.16567 \u00d7 10\u207b\u00b9\u2070" instead of a raw exponent
  function score(v) {
    if (!isFinite(v)) { return showThreshold(v); }
    var a = Math.abs(v);
    if (a === 0 || (a >= 1e-4 && a < 1e15)) {
      var parts = String(Number(v.toPrecision(6))).split('.');
      return group(parts[0]) + (parts.length > 1 ? '.' + parts[1] : '');
    }
    var e = v.toExponential(5).split('e');
    return String(Number(e[0])) + ' \u00d7 10' + e[1].replace(/^\+/, '').replace(/[-0-9]/g, function (ch) {
      return '\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079'.charAt('-0123456789'.indexOf(ch));
    });
  }
  function per(v, total) {
    if (!(total > 0)) { return ''; }
    var scale = Math.pow(10, Math.max(2, Math.ceil(Math.log(total) / Math.LN10)));
    var r = v / total * scale;
    return group(String(Math.round(r * 10) / 10).replace(/^(\d+)$/, '$1.0')) + ' per ' + group(String(scale));
  }
  function setText(id, s) { var el = $(id); if (el) { el.textContent = s; } }

  // ---------------------------------------------------------------- charts
  var W = 460, H = 400, L = 58, R = 12, T = 12, B = 44, PW = W - L - R, PH = H - T - B;
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) { e.setAttribute(k, attrs[k]); } }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  // the smallest positive x of a chart's curves, to one decade below: where a log axis starts
  function logFloor(key) {
    var min = 1;
    curves.forEach(function (c) {
      var p = c[key];
      if (!p) { return; }
      for (var i = 0; i < p.x.length; i++) { if (p.x[i] > 0 && p.x[i] < min) { min = p.x[i]; } }
    });
    return Math.pow(10, Math.floor(Math.log(min) / Math.LN10 + 1e-9));
  }

  function Chart(kind) {
    this.kind = kind;
    this.key = kind === 'roc' ? 'roc' : 'pr';
    this.svg = $(kind + '-chart');
    this.log = false;
    this.floor = logFloor(this.key);
    this.view = null;
  }
  Chart.prototype.fx = function (x) {
    if (!this.log) { return x; }
    return Math.log(Math.max(x, this.floor)) / Math.LN10;
  };
  Chart.prototype.full = function () {
    return this.log ? [Math.log(this.floor) / Math.LN10, 0, 0, 1] : [0, 1, 0, 1];
  };
  Chart.prototype.px = function (x) { var v = this.view; return L + (this.fx(x) - v[0]) / (v[1] - v[0]) * PW; };
  Chart.prototype.py = function (y) { var v = this.view; return T + (1 - (y - v[2]) / (v[3] - v[2])) * PH; };
  Chart.prototype.reset = function () { this.view = this.full(); this.draw(); };

  function niceTicks(a, b) {
    var span = b - a, raw = span / 5, mag = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    var step = [1, 2, 5, 10].map(function (m) { return m * mag; }).filter(function (s) { return s >= raw; })[0] || 10 * mag;
    var out = [], start = Math.ceil(a / step - 1e-9) * step;
    for (var v = start; v <= b + step * 1e-9; v += step) { out.push(Math.round(v / step) * step); }
    var decimals = Math.max(0, -Math.floor(Math.log(step) / Math.LN10 + 1e-9));
    return out.map(function (v) { return { v: v, s: v.toFixed(decimals) }; });
  }
  function percent(v) {
    var p = v * 100;
    var s = p >= 1 ? String(Math.round(p * 100) / 100) : p.toPrecision(1);
    return (s.indexOf('e') >= 0 ? String(Number(s)) : s) + '%';
  }
  Chart.prototype.ticksX = function () {
    var v = this.view, out = [];
    if (!this.log) { return niceTicks(v[0], v[1]); }
    var lo = Math.ceil(v[0] - 1e-9), hi = Math.floor(v[1] + 1e-9);
    var every = Math.max(1, Math.ceil((hi - lo + 1) / 8));
    for (var d = lo; d <= hi; d += every) { out.push({ v: d, s: percent(Math.pow(10, d)) }); }
    if (hi - lo < 2) {
      // less than two decades in view: 2x and 5x too
      [2, 5].forEach(function (m) {
        for (var d2 = Math.floor(v[0]); d2 <= v[1]; d2++) {
          var u = d2 + Math.log(m) / Math.LN10;
          if (u >= v[0] && u <= v[1]) { out.push({ v: u, s: percent(m * Math.pow(10, d2)) }); }
        }
      });
    }
    return out;
  };

  Chart.prototype.path = function (xs, ys, flip) {
    var d = '', pen = false, lx = null, ly = null;
    for (var i = 0; i < xs.length; i++) {
      var x = flip ? 1 - xs[i] : xs[i], y = ys[i];
      if (x === null || y === null || isNaN(x) || isNaN(y)) { pen = false; continue; }
      var sx = this.px(x).toFixed(1), sy = this.py(y).toFixed(1);
      if (sx === lx && sy === ly) { continue; }
      d += (pen ? 'L' : 'M') + sx + ',' + sy;
      pen = true; lx = sx; ly = sy;
    }
    return d;
  };

  Chart.prototype.point = function (m) {
    return this.kind === 'roc' ? [m.fpr, m.recall] : [m.recall, isNaN(m.precision) ? 1 : m.precision];
  };

  Chart.prototype.draw = function () {
    var svg = this.svg, self = this, v = this.view;
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    svg.setAttribute('data-xscale', this.log ? 'log' : 'linear');
    var clipId = svg.id + '-clip';
    var defs = el('defs', {}, svg);
    var cp = el('clipPath', { id: clipId }, defs);
    el('rect', { x: L, y: T, width: PW, height: PH }, cp);
    var ticks = this.ticksX();
    ticks.forEach(function (t) {
      var x = L + (t.v - v[0]) / (v[1] - v[0]) * PW;
      el('line', { 'class': 'grid', x1: x.toFixed(1), y1: T, x2: x.toFixed(1), y2: T + PH }, svg);
      el('text', { 'class': 'tick tick-x', x: x.toFixed(1), y: T + PH + 16, 'text-anchor': 'middle' }, svg).textContent = t.s;
    });
    niceTicks(v[2], v[3]).forEach(function (t) {
      var y = self.py(t.v);
      el('line', { 'class': 'grid', x1: L, y1: y.toFixed(1), x2: L + PW, y2: y.toFixed(1) }, svg);
      el('text', { 'class': 'tick', x: L - 6, y: (y + 4).toFixed(1), 'text-anchor': 'end' }, svg).textContent = t.s;
    });
    el('rect', { 'class': 'axis', x: L, y: T, width: PW, height: PH }, svg);
    var xt = this.kind === 'roc' ? 'False positive rate' : 'Recall';
    el('text', { 'class': 'title', x: L + PW / 2, y: H - 8, 'text-anchor': 'middle' }, svg).textContent = xt + (this.log ? ' (log scale)' : '');
    el('text', { 'class': 'title', transform: 'translate(14 ' + (T + PH / 2) + ') rotate(-90)', 'text-anchor': 'middle' }, svg)
      .textContent = this.kind === 'roc' ? 'True positive rate' : 'Precision';
    var g = el('g', { 'clip-path': 'url(#' + clipId + ')' }, svg);
    var c = curves[cur];
    if (this.kind === 'roc') {
      // chance: y = x, sampled so that it stays a line on the log axis too
      var dx = [], dy = [];
      for (var i = 0; i <= 60; i++) { var u = this.log ? Math.pow(10, v[0] + (v[1] - v[0]) * i / 60) : i / 60; dx.push(u); dy.push(u); }
      el('path', { 'class': 'ref', d: this.path(dx, dy) }, g);
      if (data.band && c.kind === 'class') {
        var b = data.band, xs = [], ys = [];
        for (var k = 0; k < b.spec.length; k++) { xs.push(1 - b.spec[k]); ys.push(b.hi[k]); }
        for (var k2 = b.spec.length - 1; k2 >= 0; k2--) { xs.push(1 - b.spec[k2]); ys.push(b.lo[k2]); }
        el('path', { 'class': 'band', d: this.path(xs, ys) + 'Z' }, g).appendChild(document.createElementNS(NS, 'title')).textContent =
          b.level + ' bootstrap band of the sensitivity at fixed specificities';
      }
      if (data.maxFpr !== null && c.roc) {
        // the partial AUC's region: under the curve, left of max FPR
        var px = [], py = [], r = c.roc;
        for (var j = 0; j < r.x.length && r.x[j] <= data.maxFpr; j++) { px.push(r.x[j]); py.push(r.y[j]); }
        if (j < r.x.length && j > 0) {
          var f = (data.maxFpr - r.x[j - 1]) / (r.x[j] - r.x[j - 1]);
          px.push(data.maxFpr); py.push(r.y[j - 1] + f * (r.y[j] - r.y[j - 1]));
        }
        px.push(data.maxFpr); py.push(0); px.push(0); py.push(0);
        el('path', { 'class': 'pauc', d: this.path(px, py) + 'Z' }, g);
        el('path', { 'class': 'ref pauc-line', d: this.path([data.maxFpr, data.maxFpr], [0, 1]) }, g);
      }
    } else if (c.ops) {
      var prev = c.ops.P / (c.ops.P + c.ops.N);
      el('path', { 'class': 'ref', d: 'M' + L + ',' + this.py(prev).toFixed(1) + 'H' + (L + PW) }, g);
    }
    curves.forEach(function (cv, idx) {
      var p = cv[self.key];
      if (!p) { return; }
      var attrs = { 'class': 'curve', 'data-curve': idx, stroke: cv.colour, d: self.path(p.x, p.y) };
      if (cv.dash) { attrs['stroke-dasharray'] = cv.dash; }
      var e = el('path', attrs, g);
      el('title', {}, e).textContent = cv.name;
    });
    // markers of the chosen criteria, on the current curve; click one to move the threshold there
    if (c.ops) {
      c.markers.forEach(function (mk) {
        var xy = self.point(matrix(c.ops, mk.pos));
        if (isNaN(xy[0]) || isNaN(xy[1])) { return; }
        var x = self.px(xy[0]), y = self.py(xy[1]);
        var d = el('path', { 'class': 'crit', d: 'M' + x.toFixed(1) + ',' + (y - 6).toFixed(1) + 'l6,6l-6,6l-6,-6z', 'data-pos': mk.pos }, g);
        el('title', {}, d).textContent = mk.label + ' (threshold ' + showThreshold(threshold(c.ops, mk.pos)) + ')';
        d.addEventListener('click', function (ev) { ev.stopPropagation(); typed = null; move(mk.pos); });
      });
    }
    el('line', { 'class': 'cross cross-x', visibility: 'hidden' }, svg);
    el('line', { 'class': 'cross cross-y', visibility: 'hidden' }, svg);
    el('circle', { 'class': 'marker', visibility: 'hidden', r: 5 }, svg);
    highlight();
    this.place();
  };

  Chart.prototype.place = function () {
    var svg = this.svg, c = curves[cur];
    var m = svg.querySelector('.marker'), cx = svg.querySelector('.cross-x'), cy = svg.querySelector('.cross-y');
    if (!m) { return; }
    var xy = this.point(matrix(c.ops, pos));
    var x = this.px(xy[0]), y = this.py(xy[1]);
    var ok = !isNaN(x) && !isNaN(y) && x >= L - 0.5 && x <= L + PW + 0.5 && y >= T - 0.5 && y <= T + PH + 0.5;
    [m, cx, cy].forEach(function (e) { e.setAttribute('visibility', ok ? 'visible' : 'hidden'); });
    if (!ok) { return; }
    m.setAttribute('cx', x.toFixed(1)); m.setAttribute('cy', y.toFixed(1));
    cx.setAttribute('x1', x.toFixed(1)); cx.setAttribute('x2', x.toFixed(1)); cx.setAttribute('y1', T); cx.setAttribute('y2', T + PH);
    cy.setAttribute('y1', y.toFixed(1)); cy.setAttribute('y2', y.toFixed(1)); cy.setAttribute('x1', L); cy.setAttribute('x2', L + PW);
  };

  Chart.prototype.toData = function (ev) {
    var r = this.svg.getBoundingClientRect();
    return [(ev.clientX - r.left) * W / r.width, (ev.clientY - r.top) * H / r.height];
  };

  Chart.prototype.hook = function () {
    var self = this, svg = this.svg, drag = null;
    svg.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      var p = self.toData(ev), v = self.view, f = ev.deltaY < 0 ? 0.8 : 1.25;
      var ux = v[0] + (p[0] - L) / PW * (v[1] - v[0]), uy = v[2] + (1 - (p[1] - T) / PH) * (v[3] - v[2]);
      self.zoom([ux + (v[0] - ux) * f, ux + (v[1] - ux) * f, uy + (v[2] - uy) * f, uy + (v[3] - uy) * f]);
    }, { passive: false });
    svg.addEventListener('pointerdown', function (ev) {
      drag = { p: self.toData(ev), v: self.view.slice(), moved: false };
      if (svg.setPointerCapture) { try { svg.setPointerCapture(ev.pointerId); } catch (e) { /* not captured: fine */ } }
    });
    svg.addEventListener('pointermove', function (ev) {
      if (!drag) { return; }
      var p = self.toData(ev), v = drag.v;
      var dx = (p[0] - drag.p[0]) / PW * (v[1] - v[0]), dy = (p[1] - drag.p[1]) / PH * (v[3] - v[2]);
      if (Math.abs(p[0] - drag.p[0]) + Math.abs(p[1] - drag.p[1]) > 3) { drag.moved = true; }
      if (drag.moved) { self.zoom([v[0] - dx, v[1] - dx, v[2] + dy, v[3] + dy]); }
    });
    svg.addEventListener('pointerup', function (ev) {
      if (drag && !drag.moved) { self.nearest(self.toData(ev)); }
      drag = null;
    });
  };
  // a view inside the full one (panning stops at the edges), at least 1/5000 wide
  Chart.prototype.zoom = function (v) {
    var f = this.full();
    var w = Math.min(f[1] - f[0], Math.max(v[1] - v[0], (f[1] - f[0]) / 5000));
    var h = Math.min(f[3] - f[2], Math.max(v[3] - v[2], 1 / 5000));
    var x0 = Math.min(Math.max(v[0], f[0]), f[1] - w), y0 = Math.min(Math.max(v[2], f[2]), f[3] - h);
    this.view = [x0, x0 + w, y0, y0 + h];
    this.draw();
  };
  Chart.prototype.nearest = function (p) {
    var o = curves[cur].ops, best = -1, bestD = Infinity;
    for (var q = 0; q <= o.t.length; q++) {
      var xy = this.point(matrix(o, q));
      var dx = this.px(xy[0]) - p[0], dy = this.py(xy[1]) - p[1], d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = q; }
    }
    if (best >= 0) { typed = null; move(best); }
  };

  var charts = [new Chart('roc'), new Chart('pr')];
  charts[0].log = !!data.logFpr;
  $('roc-log').checked = charts[0].log;
  charts.forEach(function (ch) { ch.view = ch.full(); ch.hook(); });

  // ---------------------------------------------------------------- slider: spaced by score (or log score)
  var slider = $('threshold-slider'), input = $('threshold-input'), sliderLog = $('slider-log');
  var STEPS = 1000;
  function range(o) {
    var hi = o.t.length ? o.t[0] : 1, lo = o.t.length ? o.t[o.t.length - 1] : 0;
    var log = sliderLog && sliderLog.checked && lo > 0;
    return { lo: lo, hi: hi, log: log };
  }
  function sliderThreshold(o, s) {
    var r = range(o), f = s / STEPS;
    if (r.hi === r.lo) { return r.lo; }
    return r.log ? Math.exp(Math.log(r.lo) + f * (Math.log(r.hi) - Math.log(r.lo))) : r.lo + f * (r.hi - r.lo);
  }
  function sliderValue(o, t) {
    var r = range(o);
    if (t === Infinity) { return STEPS; }
    if (r.hi === r.lo) { return 0; }
    var f = r.log ? (Math.log(t) - Math.log(r.lo)) / (Math.log(r.hi) - Math.log(r.lo)) : (t - r.lo) / (r.hi - r.lo);
    return Math.round(Math.max(0, Math.min(1, f)) * STEPS);
  }

  // ---------------------------------------------------------------- the readout
  function move(p) {
    var c = curves[cur], o = c.ops;
    pos = Math.max(0, Math.min(o.t.length, p));
    var m = matrix(o, pos);
    var t = typed !== null ? typed : m.t;
    setText('ro-threshold', typed !== null ? String(typed) : showThreshold(m.t));
    var exact = typed === null || exactAt(o, pos, typed);
    var note = '';
    if (typed !== null && !exact) {
      note = 'The page holds ' + count(o.t.length) + ' of the ' + count(o.size) + ' distinct scores: shown is the nearest ' +
        'embedded threshold at or above ' + typed + ', ' + showThreshold(m.t) + '. For the exact matrix at ' + typed +
        ': discern evaluate --threshold ' + typed + '.';
    } else if (typed !== null && m.t !== typed) {
      note = 'Lowest score at or above ' + typed + ': ' + showThreshold(m.t) + '.';
    }
    setText('ro-note', note);
    setText('ro-fpr', number(m.fpr));
    setText('ro-fp-per', isNaN(m.fpr) ? '' : count(m.fp) + ' of ' + count(m.fp + m.tn) + ' = ' + per(m.fp, m.fp + m.tn));
    ['precision', 'recall', 'specificity', 'npv', 'f1', 'accuracy', 'balanced_accuracy'].forEach(function (k) { setText('ro-' + k, number(m[k])); });
    setText('cm-tp', count(m.tp)); setText('cm-fp', count(m.fp)); setText('cm-tn', count(m.tn)); setText('cm-fn', count(m.fn));
    if (document.activeElement !== input) { input.value = t === Infinity ? '' : String(t); applied = input.value; }
    var sv = sliderValue(o, m.t);
    if (+slider.value !== sv) { slider.value = String(sv); }
    charts.forEach(function (ch) { ch.place(); });
    var marks = document.querySelectorAll('#markers button');
    for (var i = 0; i < marks.length; i++) { marks[i].classList.toggle('on', +marks[i].getAttribute('data-pos') === pos); }
  }

  // an area and, on a line of its own, its interval
  function area(id, v, ci) {
    var e = $(id);
    e.textContent = fixed4(v);
    if (ci) {
      var s = document.createElement('div');
      s.className = 'ci';
      s.textContent = '[' + fixed4(ci[0]) + ', ' + fixed4(ci[1]) + '] ' + ci[2];
      e.appendChild(s);
    }
  }

  function selectCurve(i) {
    if (!curves[i] || !curves[i].ops) { return; }
    var t = typed !== null ? typed : threshold(curves[cur].ops, pos);
    cur = i;
    var c = curves[cur], o = c.ops;
    setText('ro-class', c.name);
    setText('cm-pos', c.name);
    if ($('ro-class')) { $('ro-class').title = c.name; }
    area('ro-auc', c.auc, c.aucCi);
    area('ro-ap', c.ap, c.apCi);
    var select = $('class-select');
    if (select && +select.value !== cur) { select.value = String(cur); }
    var rows = document.querySelectorAll('#class-table tbody tr[data-table]');
    for (var r = 0; r < rows.length; r++) { rows[r].classList.toggle('sel', +rows[r].getAttribute('data-table') === cur); }
    var box = $('markers');
    while (box.firstChild) { box.removeChild(box.firstChild); }
    c.markers.forEach(function (mk) {
      var b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('data-pos', mk.pos);
      b.textContent = mk.label + ': ' + showThreshold(threshold(o, mk.pos));
      b.title = 'criterion ' + mk.spec + ' (core Thresholds): move the threshold here';
      b.addEventListener('click', function () { typed = null; move(mk.pos); });
      box.appendChild(b);
    });
    var r0 = range(o);
    setText('slider-range', 'scores ' + score(r0.lo) + ' \u2013 ' + score(r0.hi));
    charts.forEach(function (ch) { ch.draw(); });
    move(t === Infinity ? 0 : positionAt(o, t));
  }

  // ---------------------------------------------------------------- highlight (legend hover and click)
  var hover = -1;
  function highlight() {
    var on = hover >= 0 ? hover : pinned;
    var paths = document.querySelectorAll('svg.chart path.curve');
    for (var i = 0; i < paths.length; i++) {
      var k = +paths[i].getAttribute('data-curve');
      paths[i].classList.toggle('sel', k === cur);
      paths[i].classList.toggle('hl', k === on);
      if (k === on || (on < 0 && k === cur)) { paths[i].parentNode.appendChild(paths[i]); }
    }
    charts.forEach(function (ch) { ch.svg.classList.toggle('dim', on >= 0); });
    var items = document.querySelectorAll('#legend .item');
    for (var j = 0; j < items.length; j++) {
      var n = +items[j].getAttribute('data-curve');
      items[j].classList.toggle('hl', n === on);
      items[j].classList.toggle('sel', n === cur);
    }
    var minis = document.querySelectorAll('#panels .mini');
    for (var q = 0; q < minis.length; q++) {
      var mq = +minis[q].getAttribute('data-curve');
      minis[q].classList.toggle('hl', mq === on);
      minis[q].classList.toggle('sel', mq === cur);
    }
  }
  Array.prototype.forEach.call(document.querySelectorAll('#legend .item'), function (item) {
    var i = +item.getAttribute('data-curve');
    item.addEventListener('mouseenter', function () { hover = i; highlight(); });
    item.addEventListener('mouseleave', function () { hover = -1; highlight(); });
    item.addEventListener('click', function () {
      pinned = pinned === i ? -1 : i;
      if (curves[i].ops && pinned === i) { selectCurve(i); } else { highlight(); }
    });
  });

  // ---------------------------------------------------------------- controls
  slider.addEventListener('input', function () {
    typed = null;
    var o = curves[cur].ops;
    var p = positionAt(o, sliderThreshold(o, +slider.value));
    move(p);
  });
  function step(ev) {
    var k = ev.key;
    var d = k === 'ArrowLeft' || k === 'ArrowDown' ? 1 : (k === 'ArrowRight' || k === 'ArrowUp' ? -1 : 0);
    if (d === 0) { return; }
    ev.preventDefault();
    typed = null;
    // one distinct threshold lower (one more row flagged) or higher
    move(pos + d);
  }
  slider.addEventListener('keydown', step);
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') { ev.preventDefault(); apply(); return; }
    step(ev);
  });
  var applied = null;
  function apply() {
    var s = input.value.trim();
    // the change event on leaving the box after Enter: already applied
    if (s === '' || s === applied) { return; }
    applied = s;
    var t = Number(s);
    if (isNaN(t)) { setText('ro-note', 'Not a number: ' + s); return; }
    typed = t;
    move(positionAt(curves[cur].ops, t));
  }
  input.addEventListener('change', apply);
  if (sliderLog) {
    var lo = curves[cur].ops.t.length ? curves[cur].ops.t[curves[cur].ops.t.length - 1] : 0;
    sliderLog.disabled = !(lo > 0);
    sliderLog.addEventListener('change', function () { move(pos); });
  }
  var select = $('class-select');
  if (select) { select.addEventListener('change', function () { selectCurve(+select.value); }); }
  charts.forEach(function (ch) {
    var box = $(ch.kind + '-log');
    box.addEventListener('change', function () { ch.log = box.checked; ch.reset(); });
    $(ch.kind + '-reset').addEventListener('click', function () { ch.reset(); });
  });
  $('roc-low').addEventListener('click', function () {
    var ch = charts[0];
    if (ch.log) { ch.zoom([ch.full()[0], -2, 0, 1]); } else { ch.zoom([0, 0.01, 0, 1]); }
  });

  // sortable per-class table; a row click shows the class's curves
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
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
  Array.prototype.forEach.call(document.querySelectorAll('#class-table tbody tr[data-table]'), function (tr) {
    tr.addEventListener('click', function () {
      selectCurve(+tr.getAttribute('data-table'));
      $('curves').scrollIntoView({ block: 'start' });
    });
  });
  var cmToggle = $('cm-toggle');
  if (cmToggle) {
    cmToggle.addEventListener('change', function () {
      var attr = cmToggle.checked ? 'data-share' : 'data-count';
      var cells = document.querySelectorAll('table.cmk td[data-count]');
      for (var i = 0; i < cells.length; i++) { cells[i].textContent = cells[i].getAttribute(attr); }
    });
  }
  // printing: every chart at its full view
  window.addEventListener('beforeprint', function () { charts.forEach(function (ch) { ch.draw(); }); });

  // one-vs-rest small multiples (as roc-panels.png): one small ROC per class, on the ROC chart's
  // FPR scale (log or linear); a click shows the class above
  var panels = $('panels'), minis = [];
  var PS = 150, PL = 4, PT = 4, PP = PS - 2 * PL;
  function drawMini(svg, c) {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var roc = charts[0], v = roc.full();
    var fx = function (x) { return (PL + (roc.fx(x) - v[0]) / (v[1] - v[0]) * PP).toFixed(1); };
    var fy = function (y) { return (PT + (1 - y) * PP).toFixed(1); };
    var line = function (xs, ys) {
      var d = '', lx = null, ly = null;
      for (var k = 0; k < xs.length; k++) {
        var sx = fx(xs[k]), sy = fy(ys[k]);
        if (sx === lx && sy === ly) { continue; }
        d += (d === '' ? 'M' : 'L') + sx + ',' + sy;
        lx = sx; ly = sy;
      }
      return d;
    };
    var dx = [];
    for (var i = 0; i <= 40; i++) { dx.push(roc.log ? Math.pow(10, v[0] + (v[1] - v[0]) * i / 40) : i / 40); }
    el('path', { 'class': 'ref', d: line(dx, dx) }, svg);
    var attrs = { 'class': 'pcurve', stroke: c.colour, d: line(c.roc.x, c.roc.y) };
    if (c.dash) { attrs['stroke-dasharray'] = c.dash; }
    el('path', attrs, svg);
    el('rect', { 'class': 'axis', x: PL, y: PT, width: PP, height: PP }, svg);
  }
  function drawMinis() {
    minis.forEach(function (m) { drawMini(m.svg, curves[m.i]); });
    if (panels) { panels.setAttribute('data-xscale', charts[0].log ? 'log' : 'linear'); }
  }
  if (panels) {
    curves.forEach(function (c, i) {
      if (c.kind !== 'class' || !c.roc) { return; }
      var fig = document.createElement('button');
      fig.type = 'button';
      fig.className = 'mini';
      fig.setAttribute('data-curve', i);
      fig.title = c.name + ' (ROC AUC ' + fixed4(c.auc) + '): show its curves and threshold above';
      var svg = el('svg', { 'class': 'mini-chart', viewBox: '0 0 ' + PS + ' ' + PS, width: PS, height: PS }, fig);
      var cap = document.createElement('span');
      cap.className = 'cap';
      var nm = document.createElement('span');
      nm.className = 'name';
      nm.textContent = c.name;
      var au = document.createElement('span');
      au.className = 'num';
      au.textContent = 'AUC ' + fixed4(c.auc);
      cap.appendChild(nm);
      cap.appendChild(au);
      fig.appendChild(cap);
      fig.addEventListener('click', function () {
        selectCurve(i);
        $('curves').scrollIntoView({ block: 'start' });
      });
      panels.appendChild(fig);
      minis.push({ i: i, svg: svg });
    });
    $('roc-log').addEventListener('change', drawMinis);
    drawMinis();
  }

  selectCurve(cur);
  move(curves[cur].ops.initial);
})();
