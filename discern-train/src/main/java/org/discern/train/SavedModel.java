package org.discern.train;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.discern.io.InputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A trained model (binary, tabular multi-class, or an image CNN) as saved in a strategy directory:
 * {@code model.json} (network shape, strategy, label, priors, thresholds; for image models the
 * image shape), {@code preprocessing.json} (see {@link Preprocessing}; the identity on pixel
 * columns for image models) and {@code network.params} (DJL parameters). Scores new tables with
 * the saved preprocessing, and image models also image folders ({@link ImageFolderReader}).
 * Close it to free the native memory.
 */
public final class SavedModel implements AutoCloseable {
    /** Format tag written into model.json. */
    public static final String FORMAT = "discern-train-model/1";
    static final String MODEL_JSON = "model.json";
    static final String PREPROCESSING_JSON = "preprocessing.json";
    static final String PARAMS = "network.params";

    private final Path dir;
    private final Strategy strategy;
    private final String labelColumn;
    private final String positiveValue;
    private final String negativeValue;
    private final PriorCorrection prior;
    private final double costThreshold;
    private final Preprocessing preprocessing;
    private final Network network;
    private final List<String> classes; // multi-class models only
    private final ImageShape image; // image models only

    private SavedModel(Path dir, Strategy strategy, String labelColumn, String positiveValue, String negativeValue,
            PriorCorrection prior, double costThreshold, Preprocessing preprocessing, Network network) {
        this(dir, strategy, labelColumn, positiveValue, negativeValue, prior, costThreshold, preprocessing, network,
                null, null);
    }

    private SavedModel(Path dir, Strategy strategy, String labelColumn, String positiveValue, String negativeValue,
            PriorCorrection prior, double costThreshold, Preprocessing preprocessing, Network network,
            List<String> classes, ImageShape image) {
        this.dir = dir;
        this.strategy = strategy;
        this.labelColumn = labelColumn;
        this.positiveValue = positiveValue;
        this.negativeValue = negativeValue;
        this.prior = prior;
        this.costThreshold = costThreshold;
        this.preprocessing = preprocessing;
        this.network = network;
        this.classes = classes == null ? null : List.copyOf(classes);
        this.image = image;
    }

    /**
     * Writes a multi-class model (softmax network) into {@code dir}: tabular, or with an image
     * shape the CNN trained on images of that shape.
     */
    static void saveMulticlass(Path dir, Network net, Strategy strategy, String labelColumn, List<String> classes,
            Preprocessing preprocessing, ImageShape image) throws IOException {
        Files.createDirectories(dir);
        net.save(dir.resolve(PARAMS));
        preprocessing.save(dir.resolve(PREPROCESSING_JSON));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("task", "multiclass");
        m.put("strategy", strategy.id());
        m.put("label_column", labelColumn);
        m.put("classes", classes);
        if (image != null) {
            Map<String, Object> im = new LinkedHashMap<>();
            im.put("width", image.width());
            im.put("height", image.height());
            im.put("channels", image.channels());
            m.put("image", im);
        }
        m.put("network", networkJson(net.spec()));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(MODEL_JSON).toFile(), m);
    }

    private static Map<String, Object> networkJson(NetworkSpec spec) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("inputs", spec.inputs());
        n.put("hidden", spec.hidden());
        n.put("dropout", spec.dropout());
        n.put("outputs", spec.outputs());
        n.put("engine", "DJL " + ai.djl.engine.Engine.getDjlVersion() + " " + DjlRuntime.ENGINE);
        return n;
    }

    /** Writes the three files of a model into {@code dir} (created if needed). */
    static void save(Path dir, Network net, Strategy strategy, Table train, PriorCorrection prior,
            double costThreshold, Preprocessing preprocessing) throws IOException {
        Files.createDirectories(dir);
        net.save(dir.resolve(PARAMS));
        preprocessing.save(dir.resolve(PREPROCESSING_JSON));
        NetworkSpec spec = net.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("task", "binary");
        m.put("strategy", strategy.id());
        m.put("label_column", train.labelColumn());
        m.put("positive_value", train.positiveValue());
        m.put("negative_value", train.negativeValue());
        m.put("network", networkJson(spec));
        m.put("training_prior", prior.trainingPrior());
        m.put("true_prior", prior.truePrior());
        m.put("cost_threshold", EvaluationJson.num(costThreshold));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(MODEL_JSON).toFile(), m);
    }

    /**
     * Loads a model directory written by {@code discern train}.
     *
     * @throws InputException when a file is missing or not what was expected
     */
    public static SavedModel load(Path dir) throws IOException {
        Path mj = dir.resolve(MODEL_JSON);
        for (String f : List.of(MODEL_JSON, PREPROCESSING_JSON, PARAMS)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new InputException(dir.resolve(f).toString(), 0, null,
                        "missing: a model directory written by 'discern train' holds " + MODEL_JSON + ", "
                                + PREPROCESSING_JSON + " and " + PARAMS);
            }
        }
        JsonNode m = new ObjectMapper().readTree(mj.toFile());
        if (!FORMAT.equals(m.path("format").asText())) {
            throw new InputException(mj.toString(), 0, null, "expected format '" + FORMAT + "', found '"
                    + m.path("format").asText() + "'");
        }
        try {
            JsonNode n = m.get("network");
            List<Integer> hidden = new ArrayList<>();
            n.get("hidden").forEach(h -> hidden.add(h.asInt()));
            NetworkSpec spec = new NetworkSpec(n.get("inputs").asInt(),
                    hidden.stream().mapToInt(Integer::intValue).toArray(), n.get("dropout").asDouble(),
                    n.get("outputs").asInt());
            Preprocessing p = Preprocessing.load(dir.resolve(PREPROCESSING_JSON));
            if (p.columns().size() != spec.inputs()) {
                throw new InputException(mj.toString(), 0, null, "network has " + spec.inputs() + " inputs but "
                        + PREPROCESSING_JSON + " lists " + p.columns().size() + " columns");
            }
            if ("multiclass".equals(m.path("task").asText())) {
                List<String> cls = new ArrayList<>();
                m.get("classes").forEach(c -> cls.add(c.asText()));
                if (cls.size() != spec.outputs()) {
                    throw new InputException(mj.toString(), 0, null, "network has " + spec.outputs() + " outputs but "
                            + cls.size() + " classes are listed");
                }
                JsonNode im = m.get("image");
                ImageShape image = im == null ? null : new ImageShape(im.get("channels").asInt(),
                        im.get("height").asInt(), im.get("width").asInt());
                if (image != null && image.values() != spec.inputs()) {
                    throw new InputException(mj.toString(), 0, null, "network has " + spec.inputs() + " inputs but "
                            + "images of " + image.width() + "x" + image.height() + "x" + image.channels() + " have "
                            + image.values() + " values");
                }
                Network net = Network.load(spec, image, dir.resolve(PARAMS));
                return new SavedModel(dir, Strategy.parse(m.get("strategy").asText()), m.get("label_column").asText(),
                        null, null, null, Double.NaN, p, net, cls, image);
            }
            JsonNode ct = m.get("cost_threshold");
            Network net = Network.load(spec, null, dir.resolve(PARAMS));
            return new SavedModel(dir, Strategy.parse(m.get("strategy").asText()), m.get("label_column").asText(),
                    m.get("positive_value").asText(), m.get("negative_value").asText(),
                    new PriorCorrection(m.get("training_prior").asDouble(), m.get("true_prior").asDouble()),
                    ct == null || ct.isNull() ? Double.NaN : ct.asDouble(), p, net);
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new InputException(mj.toString(), 0, null, "not a valid model description: " + e.getMessage(), e);
        }
    }

    /** The directory the model was loaded from. */
    public Path directory() {
        return dir;
    }

    public Strategy strategy() {
        return strategy;
    }

    /** Whether this is a multi-class (softmax) model. */
    public boolean multiclass() {
        return classes != null;
    }

    /**
     * The shape of the images an image model was trained on (images to score are resized to it);
     * null for models trained on a table.
     */
    public ImageShape image() {
        return image;
    }

    /** Class names of a multi-class model, in output order; null for binary models. */
    public List<String> classes() {
        return classes;
    }

    /** Name of the label column of the training data. */
    public String labelColumn() {
        return labelColumn;
    }

    /** Label text of positives in the training data (null for multi-class models). */
    public String positiveValue() {
        return positiveValue;
    }

    /** Label text of negatives in the training data. */
    public String negativeValue() {
        return negativeValue;
    }

    /** Training and true priors (for {@link #scorePriorCorrected}); null for multi-class models. */
    public PriorCorrection priorCorrection() {
        return prior;
    }

    /** Threshold minimising cost on the validation split (raw score scale); NaN if none. */
    public double costThreshold() {
        return costThreshold;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /**
     * Reads new data the way the training data was read (same log transform); the label column is
     * optional.
     */
    public Table read(Path csv, TableReader.Impute impute) throws IOException {
        if (classes != null) {
            return preprocessing.readerFor(labelColumn).impute(impute).knownClasses(classes).labelOptional(true)
                    .build().read(csv);
        }
        return preprocessing.readerFor(labelColumn).impute(impute).knownLabels(positiveValue, negativeValue)
                .labelOptional(true)
                .build().read(csv);
    }

    /** Multi-class models: class probabilities, row-major rows x classes (softmax in double). */
    public double[] classProbabilities(Table t) throws InputException {
        if (classes == null) {
            throw new IllegalStateException("not a multi-class model");
        }
        return network.classProbabilities(preprocessing.apply(t), t.rows());
    }

    /** Probabilities of the positive class as the network outputs them (binary models). */
    public double[] score(Table t) throws InputException {
        if (classes != null) {
            throw new IllegalStateException("a multi-class model: use classProbabilities");
        }
        return network.positiveProbabilities(preprocessing.apply(t), t.rows());
    }

    /** Probabilities corrected to the true prior (equal to {@link #score} for baseline models). */
    public double[] scorePriorCorrected(Table t) throws InputException {
        return prior.apply(score(t));
    }

    /**
     * Scores a CSV file and writes {@code label,score} (the label column's text as in the input,
     * when it has one) or just {@code score}, one line per input row, in input order; for
     * multi-class models {@code [label,]score_CLASS...}, one probability per class.
     *
     * @param out the file to write, whole or not at all, never over {@code data} or into the model
     *        directory ({@link org.discern.io.OutputFiles})
     * @param priorCorrected write probabilities corrected to the true prior instead of the raw ones
     *        (binary models only)
     * @return the number of rows scored
     */
    public int scoreFile(Path data, Path out, boolean priorCorrected, TableReader.Impute impute) throws IOException {
        if (classes != null) {
            if (priorCorrected) {
                throw new IllegalArgumentException("prior correction applies to binary models only");
            }
            return scoreMulticlass(data, out, impute);
        }
        Table t = read(data, impute);
        double[] p = priorCorrected ? scorePriorCorrected(t) : score(t);
        org.discern.io.OutputFiles.write(out, w -> {
            w.write(t.labelled() ? "label,score\n" : "score\n");
            for (int i = 0; i < p.length; i++) {
                if (t.labelled()) {
                    w.write(csvText(t.label(i) ? t.positiveValue() : t.negativeValue()));
                    w.write(',');
                }
                w.write(Double.toString(p[i]));
                w.write('\n');
            }
        }, data, dir);
        return t.rows();
    }

    private int scoreMulticlass(Path data, Path out, TableReader.Impute impute) throws IOException {
        Table t = read(data, impute);
        double[] p = classProbabilities(t);
        org.discern.io.OutputFiles.write(out, w -> writeClassProbabilities(w, t, p, null), data, dir);
        return t.rows();
    }

    /**
     * Scores images read for this image model ({@link ImageFolderReader#readForScoring} with
     * {@link #image()} and {@link #classes()}) and writes {@code file,[label,]score_CLASS...}, one
     * line per image in the order read, {@code label} when the images came in class sub-folders.
     *
     * @param out the file to write, whole or not at all, never into the image folder or the model
     *        directory ({@link org.discern.io.OutputFiles})
     * @return the number of images scored
     * @throws IllegalStateException when this is not an image model
     */
    public int scoreImages(ImageFolderReader.ScoringImages images, Path out) throws IOException {
        if (image == null) {
            throw new IllegalStateException("not an image model");
        }
        Table t = images.images().table();
        double[] p = classProbabilities(t);
        org.discern.io.OutputFiles.write(out, w -> writeClassProbabilities(w, t, p, images.files()),
                images.folder(), dir);
        return t.rows();
    }

    /** {@code [file,][label,]score_CLASS...}: the class probabilities of each row of {@code t}. */
    private void writeClassProbabilities(Writer w, Table t, double[] p, List<String> files) throws IOException {
        int k = classes.size();
        List<String> header = new ArrayList<>();
        if (files != null) {
            header.add("file");
        }
        if (t.labelled()) {
            header.add("label");
        }
        for (String c : classes) {
            header.add(csvText("score_" + c));
        }
        w.write(String.join(",", header) + "\n");
        for (int i = 0; i < t.rows(); i++) {
            StringBuilder sb = new StringBuilder();
            if (files != null) {
                sb.append(csvText(files.get(i))).append(',');
            }
            if (t.labelled()) {
                sb.append(csvText(classes.get(t.classIndex(i)))).append(',');
            }
            for (int c = 0; c < k; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(p[i * k + c]);
            }
            w.write(sb.append('\n').toString());
        }
    }

    private static String csvText(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        network.close();
    }
}
