package org.discern.train;

import ai.djl.engine.Engine;

/**
 * The one place where Discern configures Deep Java Library before the first engine call.
 *
 * <p>DJL must never look for native libraries on the network (the PyTorch natives come from the
 * {@code pytorch-native-cpu} and {@code pytorch-jni} jars on the class path), so
 * {@code ai.djl.offline} is set to {@code true}. PyTorch gets one intra-op and one inter-op
 * thread unless the caller set {@code ai.djl.pytorch.num_threads} /
 * {@code ai.djl.pytorch.num_interop_threads} itself: the networks here are small, and more
 * threads only add contention on shared machines (and break bitwise reproducibility).
 */
final class DjlRuntime {
    static final String ENGINE = "PyTorch";

    private DjlRuntime() {
    }

    private static final class Holder {
        static final Engine ENGINE_INSTANCE = start();

        private static Engine start() {
            setIfAbsent("ai.djl.offline", "true");
            setIfAbsent("ai.djl.pytorch.num_threads", "1");
            setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
            // no usage reporting from a command-line tool
            setIfAbsent("OPT_OUT_TRACKING", "true");
            return Engine.getEngine(ENGINE);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The PyTorch engine, configured for offline single-threaded use on first call. */
    static Engine engine() {
        return Holder.ENGINE_INSTANCE;
    }

    /** Seeds PyTorch's generator (weight initialisation, dropout masks). */
    static void seed(long seed) {
        // PyTorch takes a 32-bit seed through DJL; fold the 64-bit one
        engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }
}
