package org.discern.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code discern} command. The only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        OutOfMemory.install(err, args);
        int code;
        try {
            code = Cli.run(args, out, err);
        } catch (OutOfMemoryError e) {
            code = OutOfMemory.report(e, err);
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
