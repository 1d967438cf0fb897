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
 * skipped and counted, with a warning naming it.
 */
public final class ImageFolderReader {
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
            List<Path> images;
            try (Stream<Path> s = Files.list(sub)) {
                images = s.filter(p -> Files.isRegularFile(p) && isImageName(p)).sorted().toList();
            }
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
        int total = 0;
        for (Integer o : order) {
            names.add(classes.get(o));
            total += files.get(o).size();
        }
        int d = shape.values();
        float[] values = new float[total * d];
        int[] labels = new int[total];
        List<String> warnings = new ArrayList<>();
        int rows = 0;
        for (int c = 0; c < order.length; c++) {
            for (Path f : files.get(order[c])) {
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
                labels[rows++] = c;
            }
        }
        if (rows == 0) {
            throw new InputException(dir.toString(), 0, null, "no image could be decoded");
        }
        List<String> columns = new ArrayList<>(d);
        for (int ch = 0; ch < shape.channels(); ch++) {
            for (int y = 0; y < shape.height(); y++) {
                for (int x = 0; x < shape.width(); x++) {
                    columns.add("c" + ch + "_y" + y + "_x" + x);
                }
            }
        }
        Table t = Table.wrapMulticlass(dir.toString(), columns, Arrays.copyOf(values, rows * d), rows, "class",
                Arrays.copyOf(labels, rows), names);
        return new Images(t, shape, total - rows, warnings);
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
