package org.discern.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy on one logit with optional per-sample weights (DJL's own losses take one
 * scalar weight): {@code max(z, 0) - z y + log(1 + exp(-|z|))}, the numerically stable form of
 * {@code -y ln s(z) - (1 - y) ln(1 - s(z))}. The result is the mean over the batch of weight
 * times loss (the weights are not renormalised, as in Keras' {@code class_weight}).
 *
 * <p>Labels: {@code NDList(y)} or {@code NDList(y, w)}, both of shape (batch).
 */
final class WeightedCrossEntropy extends Loss {
    WeightedCrossEntropy() {
        super("weighted_binary_cross_entropy");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray z = predictions.singletonOrThrow();
        NDArray y = labels.get(0);
        NDArray zf = z.reshape(-1);
        NDArray perRow = zf.maximum(0f).sub(zf.mul(y)).add(zf.abs().neg().exp().add(1f).log());
        if (labels.size() > 1) {
            perRow = perRow.mul(labels.get(1));
        }
        return perRow.mean();
    }
}
