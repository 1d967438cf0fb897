package org.discern.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import org.discern.cli.CliRunner;
import org.discern.plugin.CommandPlugin;
import org.junit.jupiter.api.Test;

/** The training plug-in as the discern command finds it: on the class path, through ServiceLoader. */
class TrainPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        List<CommandPlugin> found = ServiceLoader.load(CommandPlugin.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        assertEquals(1, found.size());
        assertTrue(found.get(0) instanceof TrainPlugin);
        // fresh command objects on every call: picocli keeps option values in them
        assertFalse(found.get(0).commands().get(0) == found.get(0).commands().get(0));
    }

    @Test
    void helpListsTrainAndPredictWithTheirSummaries() {
        CliRunner.Result h = CliRunner.run("--help");
        assertEquals(0, h.code(), h.err());
        String out = h.out().replaceAll("\n {15}", " ");
        assertTrue(out.contains("\n  train      Train a small network under imbalance strategies and compare them.\n"),
                h.out());
        assertTrue(out.contains("\n  predict    Score a CSV table or an image folder with a model saved by "
                + "'discern train'.\n"), h.out());
        assertFalse(out.contains("Not installed"), h.out());
        assertTrue(out.indexOf("\n  demo ") < out.indexOf("\n  train ") && out.indexOf("\n  predict ")
                < out.indexOf("\n  help "), h.out());
    }

    @Test
    void pluginCommandsPrintTheDiscernVersion() {
        for (String[] args : List.of(new String[] {"train", "--version"}, new String[] {"predict", "--version"},
                new String[] {"train", "synth-fraud", "--version"})) {
            CliRunner.Result v = CliRunner.run(args);
            assertEquals(0, v.code(), v.err());
            assertEquals(CliRunner.run("--version").out(), v.out());
            assertTrue(v.out().startsWith("discern "), v.out());
        }
    }
}
