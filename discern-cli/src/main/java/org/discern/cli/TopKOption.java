package org.discern.cli;

import java.util.List;

import picocli.CommandLine.Option;

/** {@code --top-k}, declared once for the commands that evaluate multi-class predictions. */
public final class TopKOption {
    @Option(names = "--top-k", paramLabel = "K", split = ",", defaultValue = "2,3",
            description = "Multi-class: report top-K accuracy for each K (default: ${DEFAULT-VALUE}).")
    List<Integer> topK;

    /** The values, validated. */
    int[] values() {
        int[] ks = new int[topK.size()];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = topK.get(i);
            if (ks[i] < 1) {
                throw new UsageException("--top-k values must be >= 1, got " + ks[i]);
            }
        }
        return ks;
    }
}
