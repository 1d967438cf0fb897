package org.discern.train;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.discern.io.InputException;

/**
 * Reads an image folder, one sub-folder per class ({@code DIR/CLASS/*.png|jpg|jpeg}), into a
 * multi-class {@link Table}: each image is resized (bilinear) to the requested shape, converted to
 * grayscale or RGB, and becomes one row of {@code channels * height * width} values in [0, 1]
 * (columns {@code c0_y0_x0, ...}). Classes are the sub-folder names, in numeric order when all are
 * numbers, else in text order; files are read in name order. An image that cannot be decoded is
 * skipped and counted, with a warning naming it. {@link #readForScoring} reads images for a saved
 * image model the same way, from class sub-folders or from one folder of unlabelled images.
 */
public final class ImageFolderReader {
    /** Name of the label column of the tables read here (also the model's label column). */
    public static final String LABEL_COLUMN = "class";

    private ImageFolderReader() {
    }

    /**
     * The table and what was skipped.
     *
     * @param table the decoded images
     * @param shape the shape every image was resized to
     * @param skipped number of files that could not be decoded
     * @param warnings one line per skipped file
     */
    public record Images(Table table, ImageShape shape, int skipped, List<String> warnings) {
        public Images {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads the folder.
     *
     * @throws InputException when the folder has fewer than two class sub-folders with images
     */
    public static Images read(Path dir, ImageShape shape) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), 0, null, "not a folder");
        }
        List<String> classes = new ArrayList<>();
        List<List<Path>> files = new ArrayList<>();
        List<Path> subs;
        try (Stream<Path> s = Files.list(dir)) {
            subs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path sub : subs) {
            List<Path> images = imagesIn(sub);
            if (!images.isEmpty()) {
                classes.add(sub.getFileName().toString());
                files.add(images);
            }
        }
        if (classes.size() < 2) {
            throw new InputException(dir.toString(), 0, null, "expected one sub-folder of PNG/JPEG images per class "
                    + "(at least 2), found " + classes.size());
        }
        Integer[] order = new Integer[classes.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        boolean numeric = classes.stream().allMatch(c -> c.matches("-?\\d+(\\.\\d+)?"));
        if (numeric) {
            Arrays.sort(order, (a, b) -> Double.compare(Double.parseDouble(classes.get(a)),
                    Double.parseDouble(classes.get(b))));
        }
        List<String> names = new ArrayList<>();
        List<Path> ordered = new ArrayList<>();
        List<Integer> classOf = new ArrayList<>();
        for (int c = 0; c < order.length; c++) {
            names.add(classes.get(order[c]));
            for (Path f : files.get(order[c])) {
                ordered.add(f);
                classOf.add(c);
            }
        }
        Decoded d = decode(dir, ordered, shape);
        Table t = Table.wrapMulticlass(dir.toString(), columns(shape), d.values(), d.rows(), LABEL_COLUMN,
                d.labels(classOf), names);
        return new Images(t, shape, ordered.size() - d.rows(), d.warnings());
    }

    /**
     * Images to score with a model trained on images of {@code shape} and {@code classes}, with
     * the file each row came from.
     *
     * @param folder the folder read
     * @param images the decoded images: labelled (a multi-class table over the model's classes)
     *        when the folder has class sub-folders, else unlabelled
     * @param files each row's file, relative to the folder, '/'-separated
     */
    public record ScoringImages(Path folder, Images images, List<String> files) {
        public ScoringImages {
            files = List.copyOf(files);
        }
    }

    /**
     * Reads images to score: either a folder of PNG/JPEG files (unlabelled, in name order) or, as
     * for training, one sub-folder per class, each named by one of the model's classes (labelled,
     * so that the scores can be evaluated). Resized and converted as for training; an image that
     * cannot be decoded is skipped and counted, with a warning naming it.
     *
     * @param classes the model's classes, in output order
     * @throws InputException when the folder has no image, has both images and class sub-folders,
     *         or a sub-folder is not one of {@code classes}
     */
    public static ScoringImages readForScoring(Path dir, ImageShape shape, List<String> classes) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), 0, null, "not a folder");
        }
        List<Path> top = imagesIn(dir);
        List<Path> subs;
        try (Stream<Path> s = Files.list(dir)) {
            subs = s.filter(Files::isDirectory).sorted().toList();
        }
        List<Path> ordered = new ArrayList<>(top);
        List<Integer> classOf = new ArrayList<>();
        for (Path sub : subs) {
            List<Path> images = imagesIn(sub);
            if (images.isEmpty()) {
                continue;
            }
            if (!top.isEmpty()) {
                throw new InputException(dir.toString(), 0, null, "holds images and also class sub-folders of images ("
                        + sub.getFileName() + "); give a folder of images to score, or one sub-folder per class");
            }
            int c = classes.indexOf(sub.getFileName().toString());
            if (c < 0) {
                throw new InputException(sub.toString(), 0, null, "sub-folder '" + sub.getFileName()
                        + "' is not a class of the model; its classes are " + classes);
            }
            for (Path f : images) {
                ordered.add(f);
                classOf.add(c);
            }
        }
        if (ordered.isEmpty()) {
            throw new InputException(dir.toString(), 0, null, "expected PNG/JPEG images, or one sub-folder of them "
                    + "per class, found none");
        }
        Decoded d = decode(dir, ordered, shape);
        List<String> names = new ArrayList<>();
        for (int i : d.decoded()) {
            names.add(dir.relativize(ordered.get(i)).toString().replace(java.io.File.separatorChar, '/'));
        }
        Table t;
        if (top.isEmpty()) {
            t = Table.wrapMulticlass(dir.toString(), columns(shape), d.values(), d.rows(), LABEL_COLUMN,
                    d.labels(classOf), classes);
        } else {
            t = Table.unlabelled(dir.toString(), columns(shape), d.values(), d.rows());
        }
        return new ScoringImages(dir, new Images(t, shape, ordered.size() - d.rows(), d.warnings()), names);
    }

    private static List<Path> imagesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && isImageName(p)).sorted().toList();
        }
    }

    /**
     * Decoded pixels, {@code rows * shape.values()} values; {@code decoded[i]} is the index in the
     * file list of row i.
     */
    private record Decoded(float[] values, int rows, int[] decoded, List<String> warnings) {
        /** The class of each row, from the class of each file. */
        int[] labels(List<Integer> classOfFile) {
            int[] labels = new int[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = classOfFile.get(decoded[i]);
            }
            return labels;
        }
    }

    /** Decodes the files in order, skipping (with a warning) those that are not images. */
    private static Decoded decode(Path dir, List<Path> files, ImageShape shape) throws IOException {
        int d = shape.values();
        float[] values = new float[files.size() * d];
        int[] decoded = new int[files.size()];
        List<String> warnings = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            BufferedImage img;
            try {
                img = ImageIO.read(f.toFile());
            } catch (IOException | RuntimeException e) {
                img = null;
            }
            if (img == null) {
                warnings.add("skipped " + f + ": cannot be decoded as an image");
                continue;
            }
            pixels(img, shape, values, rows * d);
            decoded[rows++] = i;
        }
        if (rows == 0) {
            throw new InputException(dir.toString(), 0, null, "no image could be decoded");
        }
        return new Decoded(Arrays.copyOf(values, rows * d), rows, Arrays.copyOf(decoded, rows), warnings);
    }

    /** Pixel column names, channel by channel, row by row: {@code c0_y0_x0, c0_y0_x1, ...}. */
    public static List<String> columns(ImageShape shape) {
        List<String> columns = new ArrayList<>(shape.values());
        for (int ch = 0; ch < shape.channels(); ch++) {
            for (int y = 0; y < shape.height(); y++) {
                for (int x = 0; x < shape.width(); x++) {
                    columns.add("c" + ch + "_y" + y + "_x" + x);
                }
            }
        }
        return columns;
    }

    private static boolean isImageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    /** Resizes and writes channels-first values in [0, 1] at {@code out[at..]}. */
    static void pixels(BufferedImage img, ImageShape shape, float[] out, int at) {
        int w = shape.width();
        int h = shape.height();
        BufferedImage scaled = new BufferedImage(w, h,
                shape.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (shape.channels() == 1) {
                    out[at + y * w + x] = scaled.getRaster().getSample(x, y, 0) / 255f;
                } else {
                    int rgb = scaled.getRGB(x, y);
                    out[at + y * w + x] = ((rgb >> 16) & 0xff) / 255f;
                    out[at + plane + y * w + x] = ((rgb >> 8) & 0xff) / 255f;
                    out[at + 2 * plane + y * w + x] = (rgb & 0xff) / 255f;
                }
            }
        }
    }
}
