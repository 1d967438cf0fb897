package org.discern.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * A dense network on DJL's PyTorch engine, with the few operations the workbench needs: one
 * optimiser step on a batch given as a row-major float array, inference in chunks, access to the
 * output bias, parameter snapshots (for restoring the best epoch) and saving/loading the
 * parameters. Not thread-safe.
 */
final class Network implements AutoCloseable {
    /** Rows per inference chunk: large enough to amortise the per-call overhead. */
    private static final int CHUNK = 16384;
    /** Factor on the framework's initial output weights (see {@link #forTraining}). */
    static final float OUTPUT_WEIGHT_SCALE = 0.1f;

    private final NetworkSpec spec;
    private final Model model;
    private final SequentialBlock block;
    private final Linear output;
    private final Trainer trainer; // null for inference-only networks
    private final ParameterStore inferenceStore;

    private Network(NetworkSpec spec, Model model, SequentialBlock block, Linear output, Trainer trainer) {
        this.spec = spec;
        this.model = model;
        this.block = block;
        this.output = output;
        this.trainer = trainer;
        this.inferenceStore = new ParameterStore(model.getNDManager(), false);
    }

    /**
     * The small CNN for images: conv 3x3 (16 filters, same padding), ReLU, max-pool 2x2, conv 3x3
     * (32 filters), ReLU, max-pool 2x2, dropout, flatten, dense to the outputs.
     */
    private static SequentialBlock buildCnn(NetworkSpec spec, ImageShape shape, Linear[] outputHolder) {
        SequentialBlock b = new SequentialBlock();
        b.add(list -> new NDList(list.singletonOrThrow().reshape(-1, shape.channels(), shape.height(),
                shape.width())));
        for (int filters : new int[] {16, 32}) {
            b.add(ai.djl.nn.convolutional.Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .setFilters(filters).build());
            b.add(Activation.reluBlock());
            b.add(ai.djl.nn.pooling.Pool.maxPool2dBlock(new Shape(2, 2)));
        }
        if (spec.dropout() > 0) {
            b.add(Dropout.builder().optRate((float) spec.dropout()).build());
        }
        b.add(ai.djl.nn.Blocks.batchFlattenBlock());
        Linear out = Linear.builder().setUnits(spec.outputs()).build();
        b.add(out);
        outputHolder[0] = out;
        return b;
    }

    private static SequentialBlock build(NetworkSpec spec, Linear[] outputHolder) {
        SequentialBlock b = new SequentialBlock();
        for (int units : spec.hidden()) {
            b.add(Linear.builder().setUnits(units).build());
            b.add(Activation.reluBlock());
            if (spec.dropout() > 0) {
                b.add(Dropout.builder().optRate((float) spec.dropout()).build());
            }
        }
        Linear out = Linear.builder().setUnits(spec.outputs()).build();
        b.add(out);
        outputHolder[0] = out;
        return b;
    }

    /**
     * A freshly initialised network ready to train with Adam. PyTorch's generator must be seeded
     * (see {@link DjlRuntime#seed}) before this call for reproducible initial weights.
     */
    static Network forTraining(NetworkSpec spec, double learningRate) {
        return forTraining(spec, null, learningRate);
    }

    /**
     * As {@link #forTraining(NetworkSpec, double)}; with an image shape the network is the small
     * CNN ({@code spec.hidden()} is then not used; {@code spec.inputs()} must equal the shape's
     * value count).
     */
    static Network forTraining(NetworkSpec spec, ImageShape image, double learningRate) {
        if (image != null && image.values() != spec.inputs()) {
            throw new IllegalArgumentException("image shape " + image + " has " + image.values() + " values, network "
                    + "has " + spec.inputs() + " inputs");
        }
        if (spec.outputs() == 2) {
            throw new IllegalArgumentException("a binary network has 1 output (sigmoid), not 2");
        }
        DjlRuntime.engine();
        Linear[] out = new Linear[1];
        SequentialBlock block = image == null ? build(spec, out) : buildCnn(spec, image, out);
        Model model = Model.newInstance("discern", Device.cpu(), DjlRuntime.ENGINE);
        model.setBlock(block);
        DefaultTrainingConfig config = new DefaultTrainingConfig(new WeightedCrossEntropy(spec.outputs()))
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build())
                .optDevices(new Device[] {Device.cpu()});
        Trainer trainer = model.newTrainer(config);
        trainer.initialize(new Shape(1, spec.inputs()));
        // The untrained network should predict (close to) what its output bias says, so that a
        // bias initialised to the prior gives the analytic initial loss: scale DJL's default draw
        // of the output weights down by OUTPUT_WEIGHT_SCALE.
        NDArray w = out[0].getParameters().get("weight").getArray();
        w.set(w.mul(OUTPUT_WEIGHT_SCALE).toFloatArray());
        return new Network(spec, model, block, out[0], trainer);
    }

    /**
     * A network for inference with the parameters saved by {@link #save(Path)}: the dense network
     * of {@code spec}, or with an image shape the small CNN (as {@link #forTraining(NetworkSpec,
     * ImageShape, double)}).
     */
    static Network load(NetworkSpec spec, ImageShape image, Path file) throws IOException {
        DjlRuntime.engine();
        Linear[] out = new Linear[1];
        SequentialBlock block = image == null ? build(spec, out) : buildCnn(spec, image, out);
        Model model = Model.newInstance("discern", Device.cpu(), DjlRuntime.ENGINE);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, spec.inputs()));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                DataInputStream data = new DataInputStream(in)) {
            block.loadParameters(model.getNDManager(), data);
        } catch (MalformedModelException e) {
            model.close();
            throw new IOException(file + ": not a saved network of shape " + spec, e);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return new Network(spec, model, block, out[0], null);
    }

    NetworkSpec spec() {
        return spec;
    }

    /** Writes the parameters (DJL's block format). */
    void save(Path file) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file));
                DataOutputStream data = new DataOutputStream(os)) {
            block.saveParameters(data);
        }
    }

    /** Sets every output bias to the given values (one per output). */
    void setOutputBias(float[] bias) {
        if (bias.length != spec.outputs()) {
            throw new IllegalArgumentException("bias needs " + spec.outputs() + " values, got " + bias.length);
        }
        output.getParameters().get("bias").getArray().set(bias);
    }

    /** The current output biases. */
    float[] outputBias() {
        return output.getParameters().get("bias").getArray().toFloatArray();
    }

    /** A copy of every parameter, in block order. */
    float[][] snapshot() {
        List<Parameter> params = block.getParameters().values();
        float[][] copy = new float[params.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = params.get(i).getArray().toFloatArray();
        }
        return copy;
    }

    /** Restores parameters taken by {@link #snapshot()} of this network. */
    void restore(float[][] snapshot) {
        List<Parameter> params = block.getParameters().values();
        for (int i = 0; i < snapshot.length; i++) {
            params.get(i).getArray().set(snapshot[i]);
        }
    }

    /**
     * One Adam step on a batch.
     *
     * @param x row-major features, {@code rows * inputs} values (only the first rows used)
     * @param y 0/1 targets (binary) or class indices (multi-class), {@code rows} values
     * @param w per-row loss weights or null for 1
     * @return the batch loss before the step (weighted mean over the rows)
     */
    double trainStep(float[] x, float[] y, float[] w, int rows) {
        if (trainer == null) {
            throw new IllegalStateException("network was loaded for inference only");
        }
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray xs = m.create(FloatBuffer.wrap(x, 0, rows * spec.inputs()), new Shape(rows, spec.inputs()));
            NDArray ys = m.create(FloatBuffer.wrap(y, 0, rows), new Shape(rows));
            NDList labels = w == null ? new NDList(ys)
                    : new NDList(ys, m.create(FloatBuffer.wrap(w, 0, rows), new Shape(rows)));
            double loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList pred = trainer.forward(new NDList(xs));
                NDArray l = trainer.getLoss().evaluate(labels, pred);
                loss = l.getFloat();
                gc.backward(l);
            }
            trainer.step();
            return loss;
        }
    }

    /**
     * Output logits in inference mode (no dropout), row-major {@code rows x outputs}.
     *
     * @param x row-major features of {@code rows} rows
     */
    float[] logits(float[] x, int rows) {
        int d = spec.inputs();
        int k = spec.outputs();
        float[] out = new float[rows * k];
        for (int start = 0; start < rows; start += CHUNK) {
            int n = Math.min(CHUNK, rows - start);
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDArray xs = m.create(FloatBuffer.wrap(x, start * d, n * d), new Shape(n, d));
                NDArray z = block.forward(inferenceStore, new NDList(xs), false).singletonOrThrow();
                float[] zs = z.toFloatArray();
                System.arraycopy(zs, 0, out, start * k, n * k);
            }
        }
        return out;
    }

    /** Binary networks: probability of the positive class, sigmoid of the logit in double. */
    double[] positiveProbabilities(float[] x, int rows) {
        if (spec.outputs() != 1) {
            throw new IllegalStateException("not a binary network: " + spec.outputs() + " outputs");
        }
        float[] z = logits(x, rows);
        double[] p = new double[rows];
        for (int i = 0; i < rows; i++) {
            p[i] = sigmoid(z[i]);
        }
        return p;
    }

    /**
     * Multi-class networks: softmax of the logits in double, row-major {@code rows x outputs}
     * (each row sums to 1 up to rounding).
     */
    double[] classProbabilities(float[] x, int rows) {
        int k = spec.outputs();
        if (k < 3) {
            throw new IllegalStateException("not a multi-class network: " + k + " output(s)");
        }
        float[] z = logits(x, rows);
        double[] p = new double[rows * k];
        for (int i = 0; i < rows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, z[i * k + c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(z[i * k + c] - max);
                p[i * k + c] = e;
                sum += e;
            }
            for (int c = 0; c < k; c++) {
                p[i * k + c] /= sum;
            }
        }
        return p;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    Block block() {
        return block;
    }

    @Override
    public void close() {
        if (trainer != null) {
            trainer.close();
        }
        model.close();
    }
}
