package org.discern.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy with optional per-sample weights (DJL's own losses take one scalar weight).
 * Binary (one logit z): {@code max(z, 0) - z y + log(1 + exp(-|z|))}, the numerically stable form
 * of {@code -y ln s(z) - (1 - y) ln(1 - s(z))}. K classes (K logits): {@code -log_softmax(z)[y]}.
 * The result is the mean over the batch of weight times loss (the weights are not renormalised,
 * as in Keras' {@code class_weight}).
 *
 * <p>Labels: {@code NDList(y)} or {@code NDList(y, w)}, both of shape (batch); y is 0/1 (binary)
 * or the class index (multi-class), as float.
 */
final class WeightedCrossEntropy extends Loss {
    private final int outputs;

    WeightedCrossEntropy() {
        this(1);
    }

    WeightedCrossEntropy(int outputs) {
        super(outputs == 1 ? "weighted_binary_cross_entropy" : "weighted_softmax_cross_entropy");
        this.outputs = outputs;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray z = predictions.singletonOrThrow();
        NDArray y = labels.get(0);
        NDArray perRow;
        if (outputs == 1) {
            NDArray zf = z.reshape(-1);
            perRow = zf.maximum(0f).sub(zf.mul(y)).add(zf.abs().neg().exp().add(1f).log());
        } else {
            NDArray oneHot = y.toType(DataType.INT64, false).oneHot(outputs).toType(DataType.FLOAT32, false);
            perRow = z.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
        }
        if (labels.size() > 1) {
            perRow = perRow.mul(labels.get(1));
        }
        return perRow.mean();
    }
}
