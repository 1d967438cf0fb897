package org.discern.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.discern.metrics.BinaryMetrics;

/**
 * CPU time of {@link BinaryMetrics#rocAuc(float[], boolean[])} on {@link BinaryData}, summed over
 * all of the JVM's threads: {@code BinaryCpuTime N [CALLS]}.
 *
 * <p>A companion to the JMH figures on a shared machine. Wall time under load measures the
 * scheduler as much as the code; the process CPU time per call is what the call costs whatever
 * else runs (cache contention from other processes still inflates it somewhat). On an idle
 * machine the wall time is at most about this figure, and about half of it when the counting
 * pass runs on two cores. The first half of the calls warm up and are not reported.
 */
public final class BinaryCpuTime {
    private BinaryCpuTime() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        BinaryData d = BinaryData.generate(n, BinaryData.SEED);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double sink = 0;
        for (int i = 0; i < calls / 2; i++) {
            sink += BinaryMetrics.rocAuc(d.scores, d.labels);
        }
        int measured = calls - calls / 2;
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            sink += BinaryMetrics.rocAuc(d.scores, d.labels);
        }
        long wall = System.nanoTime() - wall0;
        long cpu = os.getProcessCpuTime() - cpu0;
        System.out.printf(Locale.ROOT,
                "rocAuc n=%d: %d calls, process CPU %.1f ms/call, wall %.1f ms/call, load %s (check %.6f)%n",
                n, measured, cpu / 1e6 / measured, wall / 1e6 / measured,
                String.format(Locale.ROOT, "%.2f", os.getSystemLoadAverage()), sink / calls);
    }
}
