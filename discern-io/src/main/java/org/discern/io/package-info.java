/**
 * Reading predictions (CSV/TSV, optionally gzip-compressed; NumPy {@code .npy}/{@code .npz}) into
 * primitive arrays, and writing results (JSON, CSV). Every reader error is an
 * {@link org.discern.io.InputException} naming file, line, column, what was expected and what was
 * found.
 */
package org.discern.io;
