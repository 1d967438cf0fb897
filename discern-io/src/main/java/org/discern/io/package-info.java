/**
 * Reading predictions (CSV/TSV, optionally gzip-compressed; NumPy {@code .npy}/{@code .npz}) into
 * primitive arrays, and writing results (JSON, CSV). Every reader error is an
 * {@link org.discern.io.InputException} naming file, line, column, what was expected and what was
 * found.
 *
 * <p>Results: {@link org.discern.io.SummaryJson} is the one JSON writer of an evaluation summary
 * (core's {@code EvaluationSummary}); {@link org.discern.io.ComparisonJson} and
 * {@link org.discern.io.DecisionJson} write {@code compare}'s, {@code threshold}'s and
 * {@code calibrate}'s JSON. Every key comes from core's registry ({@code Field}, {@code MetricKey}).
 *
 * <p>NumPy: {@link org.discern.io.NpyArray} reads a {@code .npy} file (versions 1.0-3.0, every
 * bool/int/uint/float dtype, both byte orders, C and Fortran order) and converts it to a row-major
 * Java array; {@link org.discern.io.NpzArchive} reads an array from an {@code .npz} archive by key;
 * {@link org.discern.io.NpyInput} turns arrays into labels, scores and whole prediction sets.
 *
 * <p>Data holders shared by the readers, the command line and the metrics:
 * {@link org.discern.io.ScoreMatrix} (n x K scores, float or double),
 * {@link org.discern.io.LabelArray} (class indices or an indicator matrix, as read),
 * {@link org.discern.io.MultiClassPredictions} and {@link org.discern.io.MultiLabelPredictions};
 * {@link org.discern.io.ClassNames} reads {@code --class-names} files.
 *
 * <p>Predictions in: {@link org.discern.io.PredictionReader#read(InputSpec)} is the one entry
 * point. It tells the format from the content (CSV/TSV, gzip, {@code .npz}; a {@code .npy} pair
 * from the spec), the {@link org.discern.io.Layout} (binary {@code label,score}, multi-class
 * {@code label} + one score column per class, multi-label {@code label_<name>}/{@code score_<name>})
 * in one place, and reads the input once into the sealed {@link org.discern.io.Predictions}.
 * Package-private readers do the work per layout on top of {@link org.discern.io.DelimitedFile};
 * {@link org.discern.io.DidYouMean} suggests the closest name when a column or class is missing.
 */
package org.discern.io;
