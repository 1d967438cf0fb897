package org.discern.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;

import org.discern.io.OutputFiles;
import org.discern.report.internal.ChartPainter;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes charts to PNG, SVG or PDF files. Line charts ({@link XYChart}) are drawn by Discern's
 * {@link ChartPainter} (round axis ticks, text as text: an SVG holds real {@code <text>}
 * elements), onto a bitmap for PNG and onto VectorGraphics2D for SVG and PDF; other XChart charts
 * (the confusion-matrix heat map) go through XChart's own encoders. Files are written exactly at
 * the given path (no extension is added), whole or not at all ({@link OutputFiles}).
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** A chart file format. */
    public enum Format {
        /** Bitmap at the chart's pixel size. */
        PNG,
        /** Scalable vector graphics. */
        SVG,
        /** Portable document format (vector). */
        PDF;

        /** The format named by a file's extension ({@code .png}, {@code .svg}, {@code .pdf}, any case). */
        public static Format ofFile(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1);
            return switch (ext) {
                case "png" -> PNG;
                case "svg" -> SVG;
                case "pdf" -> PDF;
                default -> throw new IllegalArgumentException("file extension must be .png, .svg or .pdf, got "
                        + file.getFileName());
            };
        }

        /** The file extension, lower case, without the dot. */
        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Writes the chart in the format given by the file's extension. */
    public static void write(Chart<?, ?> chart, Path file) throws IOException {
        write(chart, file, Format.ofFile(file));
    }

    /** Writes the chart in the given format, replacing the file whole ({@link OutputFiles}). */
    public static void write(Chart<?, ?> chart, Path file, Format format) throws IOException {
        OutputFiles.writeBytes(file, out -> write(chart, out, format));
    }

    /** Writes the chart to a stream in the given format (the stream is not closed). */
    public static void write(Chart<?, ?> chart, OutputStream out, Format format) throws IOException {
        if (chart instanceof XYChart xy) {
            if (format == Format.PNG) {
                ImageIO.write(image(xy), "png", out);
            } else {
                vector(format, xy.getWidth(), xy.getHeight(), g -> ChartPainter.paint(xy, g, xy.getWidth(), xy.getHeight()))
                        .writeTo(out);
            }
            return;
        }
        switch (format) {
            case PNG -> BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
            case SVG -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
            case PDF -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.PDF);
            default -> throw new IllegalStateException("unknown format " + format);
        }
    }

    /** The chart as an SVG document. */
    public static String svg(Chart<?, ?> chart) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        write(chart, out, Format.SVG);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The chart drawn into an image of its pixel size. */
    public static BufferedImage image(Chart<?, ?> chart) {
        if (chart instanceof XYChart xy) {
            BufferedImage img = new BufferedImage(xy.getWidth(), xy.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                ChartPainter.paint(xy, g, xy.getWidth(), xy.getHeight());
            } finally {
                g.dispose();
            }
            return img;
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    // (logical family, style) -> the physical font VectorGraphics2D looks up for it, at size 12
    private static final java.util.Map<String, java.awt.Font> PHYSICAL = new java.util.concurrent.ConcurrentHashMap<>();

    /** The physical font VectorGraphics2D would write for {@code font}: looked up once per family and style. */
    private static java.awt.Font physical(java.awt.Font font) {
        java.awt.Font base = PHYSICAL.computeIfAbsent(font.getFamily() + "/" + font.getStyle(), k -> de.erichseifert
                .vectorgraphics2d.util.GraphicsUtils.getPhysicalFont(new java.awt.Font(font.getFamily(), font.getStyle(), 12)));
        if (base.getFamily().equals(font.getFamily())) {
            return font;
        }
        java.awt.Font f = base.deriveFont(font.getStyle(), font.getSize2D());
        return font.isTransformed() ? f.deriveFont(font.getTransform()) : f;
    }

    /**
     * Paints into a vector document of the given size. Fonts are set as the physical font the SVG
     * and PDF processors would look up for a logical font (the same font, so the same document):
     * once per family and style here, instead of once per text there, where each look-up lays a sample text out
     * in every installed font (226 fonts here: 70% of the report's drawing time).
     */
    private static Document vector(Format format, int w, int h, java.util.function.Consumer<Graphics2D> paint) {
        VectorGraphics2D g = new VectorGraphics2D() {
            @Override
            public void setFont(java.awt.Font font) {
                super.setFont(font == null ? null : physical(font));
            }
        };
        paint.accept(g);
        Processor processor = format == Format.SVG ? new SVGProcessor() : new PDFProcessor(true);
        return processor.getDocument(g.getCommands(), new PageSize(0, 0, w, h));
    }

    /** Checks a grid's arguments; returns {columns, rows}. */
    private static int[] grid(List<XYChart> panels, int columns) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("panels must not be empty");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        int cols = Math.min(columns, panels.size());
        return new int[] {cols, (panels.size() + cols - 1) / cols};
    }

    private static void paintGrid(List<XYChart> panels, int cols, Graphics2D g) {
        int w = panels.get(0).getWidth();
        int h = panels.get(0).getHeight();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w * cols, h * ((panels.size() + cols - 1) / cols));
        java.awt.geom.AffineTransform base = g.getTransform();
        for (int i = 0; i < panels.size(); i++) {
            g.translate((i % cols) * w, (i / cols) * h);
            ChartPainter.paint(panels.get(i), g, w, h);
            g.setTransform(base);
        }
    }

    /**
     * Writes panels (e.g. {@link Charts#rocPanels}) as one PNG grid, row by row, {@code columns}
     * panels wide; every cell has the size of the first panel. Written whole or not at all.
     */
    public static void writeGridPng(List<XYChart> panels, int columns, Path file) throws IOException {
        int[] cr = grid(panels, columns);
        int w = panels.get(0).getWidth();
        int h = panels.get(0).getHeight();
        BufferedImage img = new BufferedImage(w * cr[0], h * cr[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paintGrid(panels, cr[0], g);
        } finally {
            g.dispose();
        }
        OutputFiles.writeBytes(file, out -> ImageIO.write(img, "png", out));
    }

    /**
     * Writes panels as one vector grid (SVG or PDF), laid out as {@link #writeGridPng}: row by
     * row, {@code columns} panels wide, every cell of the first panel's size. Written atomically.
     *
     * @param format {@link Format#SVG} or {@link Format#PDF}
     */
    public static void writeGridVector(List<XYChart> panels, int columns, Path file, Format format)
            throws IOException {
        int[] cr = grid(panels, columns);
        if (format == Format.PNG) {
            throw new IllegalArgumentException("writeGridVector writes SVG or PDF; use writeGridPng for PNG");
        }
        int w = panels.get(0).getWidth();
        int h = panels.get(0).getHeight();
        Document doc = vector(format, w * cr[0], h * cr[1], g -> paintGrid(panels, cr[0], g));
        OutputFiles.writeBytes(file, doc::writeTo);
    }
}
