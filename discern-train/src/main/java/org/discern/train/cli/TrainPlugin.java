package org.discern.train.cli;

import java.util.List;

import org.discern.plugin.CommandPlugin;

/**
 * The training plug-in of the {@code discern} command: {@code train} (with {@code train
 * synth-fraud}) and {@code predict}. Listed in {@code META-INF/services}, found by the command
 * when this jar and its dependencies are on the class path (the launcher adds
 * {@code discern-train/target/plugin/*}).
 */
public final class TrainPlugin implements CommandPlugin {

    /** For {@link java.util.ServiceLoader}. */
    public TrainPlugin() {
    }

    @Override
    public List<Object> commands() {
        return List.of(new TrainCommand(), new PredictCommand());
    }
}
