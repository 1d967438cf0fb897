package org.discern.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A minimal Chrome DevTools Protocol client for the browser tests: starts headless Chromium with a
 * fresh profile and {@code --remote-debugging-port=0}, reads the port from the profile's
 * {@code DevToolsActivePort}, attaches to the page over the JDK's {@link WebSocket} and sends
 * commands; events (console, exceptions, network requests) are collected.
 */
final class Cdp implements AutoCloseable {
    /** Where Chromium is; {@code -Ddiscern.chromium=PATH} overrides. */
    static final Path CHROMIUM = Paths.get(System.getProperty("discern.chromium", "/usr/bin/chromium"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Every event received, in order. */
    final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private Cdp(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium and attaches to its page; enables the page, runtime, log and network domains. */
    static Cdp start() throws Exception {
        Path profile = Files.createTempDirectory("discern-chromium");
        List<String> args = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "about:blank");
        Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        Path active = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String port = null;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("chromium exited with " + p.exitValue() + ": "
                        + Files.readString(profile.resolve("chromium.log")));
            }
            if (Files.exists(active)) {
                List<String> lines = Files.readAllLines(active);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    port = lines.get(0).trim();
                    break;
                }
            }
            Thread.sleep(50);
        }
        if (port == null) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium wrote no DevToolsActivePort in 60 s");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String ws = null;
        for (int attempt = 0; attempt < 100 && ws == null; attempt++) {
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode t : JSON.readTree(list)) {
                if ("page".equals(t.path("type").asText())) {
                    ws = t.get("webSocketDebuggerUrl").asText();
                }
            }
            if (ws == null) {
                Thread.sleep(50);
            }
        }
        if (ws == null) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium has no page target");
        }
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), listener).get(30, TimeUnit.SECONDS);
        Cdp cdp = new Cdp(p, profile, socket);
        listener.cdp = cdp;
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
            cdp.send(domain + ".enable", Map.of());
        }
        return cdp;
    }

    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        volatile Cdp cdp;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    JsonNode n = JSON.readTree(message);
                    if (n.has("id")) {
                        CompletableFuture<JsonNode> f = cdp.pending.remove(n.get("id").asInt());
                        if (f != null) {
                            f.complete(n);
                        }
                    } else {
                        cdp.events.add(n);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("not JSON from chromium: " + message, e);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    /** Sends a command and waits for its result (throws on a protocol error). */
    JsonNode send(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
        JsonNode r = f.get(60, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + ": " + r.get("error"));
        }
        return r.get("result");
    }

    /** Evaluates an expression in the page and returns its value (JSON-compatible). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("page threw on '" + expression + "': " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Sets the viewport size (CSS pixels). */
    void viewport(int width, int height) throws Exception {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", false));
    }

    /** Opens a URL and waits until the page's script has filled the readout. */
    void open(String url) throws Exception {
        send("Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode ready = eval("document.readyState === 'complete' && !!document.getElementById('cm-tp')"
                    + " && document.getElementById('cm-tp').textContent !== ''");
            if (ready.asBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("page not ready in 60 s: " + url);
    }

    /** A left click at a point of the viewport. */
    void click(double x, double y) throws Exception {
        mouse("mouseMoved", x, y, 0);
        mouse("mousePressed", x, y, 1);
        mouse("mouseReleased", x, y, 1);
    }

    void mouse(String type, double x, double y, int clicks) throws Exception {
        send("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", clicks > 0 ? "left" : "none",
                "buttons", type.equals("mousePressed") ? 1 : 0, "clickCount", clicks));
    }

    /** Presses and releases a key (e.g. "ArrowRight", "Enter") in the focused element. */
    void key(String key, int keyCode) throws Exception {
        send("Input.dispatchKeyEvent", Map.of("type", "rawKeyDown", "key", key, "code", key, "windowsVirtualKeyCode",
                keyCode, "nativeVirtualKeyCode", keyCode));
        send("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", key, "code", key, "windowsVirtualKeyCode", keyCode,
                "nativeVirtualKeyCode", keyCode));
    }

    /** Types text into the focused element. */
    void type(String text) throws Exception {
        send("Input.insertText", Map.of("text", text));
    }

    /** The element's box in the viewport: [left, top, right, bottom]. */
    double[] box(String selector) throws Exception {
        JsonNode r = eval("(function(){var r=document.querySelector(" + JSON.writeValueAsString(selector)
                + ").getBoundingClientRect();return [r.left,r.top,r.right,r.bottom];})()");
        return new double[] {r.get(0).asDouble(), r.get(1).asDouble(), r.get(2).asDouble(), r.get(3).asDouble()};
    }

    /** A PNG of the viewport, or of the whole page. */
    void screenshot(Path file, boolean fullPage) throws Exception {
        JsonNode r = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", fullPage));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, java.util.Base64.getDecoder().decode(r.get("data").asText()));
    }

    /** The page as PDF, as printing it would give (print style sheet). */
    void pdf(Path file) throws Exception {
        JsonNode r = send("Page.printToPDF", Map.of("printBackground", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, java.util.Base64.getDecoder().decode(r.get("data").asText()));
    }

    /** Console messages, uncaught exceptions and log entries of level error or warning. */
    List<String> consoleMessages() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            String m = e.path("method").asText();
            if (m.equals("Runtime.consoleAPICalled") || m.equals("Runtime.exceptionThrown")) {
                out.add(e.toString());
            }
            if (m.equals("Log.entryAdded")) {
                String level = e.path("params").path("entry").path("level").asText();
                if (level.equals("error") || level.equals("warning")) {
                    out.add(e.toString());
                }
            }
        }
        return out;
    }

    /** URLs of every network request the pages made (the page's own file included). */
    List<String> requests() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.path("method").asText().equals("Network.requestWillBeSent")) {
                out.add(e.path("params").path("request").path("url").asText());
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser goes anyway
        }
        // the browser's helper processes (network, GPU, renderers) write into the profile too: end them all
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        try {
            for (ProcessHandle h : all) {
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    h.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    /** Deletes a directory tree, tolerating files that vanish meanwhile; a few passes for late writers. */
    private static void deleteTree(Path root) throws IOException {
        for (int pass = 0; pass < 5 && Files.exists(root); pass++) {
            List<Path> paths = new ArrayList<>();
            try (Stream<Path> s = Files.walk(root)) {
                s.forEach(paths::add);
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                // a file vanished while listing: list again
                continue;
            }
            paths.sort(Comparator.reverseOrder());
            for (Path f : paths) {
                f.toFile().delete();
            }
        }
    }

    static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
