/**
 * The imbalanced-data workbench: load a table, split it stratified, standardise on the training
 * split, train a small dense network with Deep Java Library (PyTorch CPU engine, fully offline)
 * under several strategies (baseline, class weights, oversampling, undersampling, SMOTE), stop
 * early on validation average precision, and evaluate every strategy on the test split with
 * {@code discern-core}.
 *
 * <p>DJL is configured in one place before its first use: {@code ai.djl.offline=true} (natives
 * come from the {@code pytorch-native-cpu} and {@code pytorch-jni} jars, never from the network)
 * and one PyTorch thread unless the caller chose otherwise.
 */
package org.discern.train;
