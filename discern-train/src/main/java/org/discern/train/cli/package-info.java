/**
 * The commands of the training plug-in ({@code discern train}, {@code discern train synth-fraud},
 * {@code discern predict}) and {@link org.discern.train.cli.TrainPlugin}, which hands them to the
 * {@code discern} command through {@link org.discern.plugin.CommandPlugin}. Usage errors are
 * picocli {@code ParameterException}s (exit 2); bad data is an
 * {@link org.discern.io.InputException} (exit 3).
 */
package org.discern.train.cli;
