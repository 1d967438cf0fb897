package org.discern.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.discern.io.OutputFiles;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes charts to PNG, SVG or PDF files (SVG and PDF through XChart's VectorGraphics2D encoder).
 * Files are written exactly at the given path (no extension is added), whole or not at all
 * ({@link OutputFiles}).
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
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Writes panels (e.g. {@link Charts#rocPanels}) as one PNG grid, row by row, {@code columns}
     * panels wide; every cell has the size of the first panel. Written whole or not at all.
     */
    public static void writeGridPng(List<XYChart> panels, int columns, Path file) throws IOException {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("panels must not be empty");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        int w = panels.get(0).getWidth();
        int h = panels.get(0).getHeight();
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        BufferedImage grid = new BufferedImage(w * cols, h * rows, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = grid.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            for (int i = 0; i < panels.size(); i++) {
                java.awt.Graphics2D cell = (java.awt.Graphics2D) g.create((i % cols) * w, (i / cols) * h, w, h);
                try {
                    panels.get(i).paint(cell, w, h);
                } finally {
                    cell.dispose();
                }
            }
        } finally {
            g.dispose();
        }
        OutputFiles.writeBytes(file, out -> ImageIO.write(grid, "png", out));
    }

    /**
     * Writes panels as one vector grid (SVG or PDF), laid out as {@link #writeGridPng}: row by
     * row, {@code columns} panels wide, every cell of the first panel's size. Written atomically.
     *
     * @param format {@link Format#SVG} or {@link Format#PDF}
     */
    public static void writeGridVector(List<XYChart> panels, int columns, Path file, Format format)
            throws IOException {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("panels must not be empty");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        if (format == Format.PNG) {
            throw new IllegalArgumentException("writeGridVector writes SVG or PDF; use writeGridPng for PNG");
        }
        int w = panels.get(0).getWidth();
        int h = panels.get(0).getHeight();
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        de.erichseifert.vectorgraphics2d.VectorGraphics2D g = new de.erichseifert.vectorgraphics2d.VectorGraphics2D();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w * cols, h * rows);
        for (int i = 0; i < panels.size(); i++) {
            java.awt.Graphics2D cell = (java.awt.Graphics2D) g.create((i % cols) * w, (i / cols) * h, w, h);
            try {
                panels.get(i).paint(cell, w, h);
            } finally {
                cell.dispose();
            }
        }
        de.erichseifert.vectorgraphics2d.Processor processor = format == Format.SVG
                ? new de.erichseifert.vectorgraphics2d.svg.SVGProcessor()
                : new de.erichseifert.vectorgraphics2d.pdf.PDFProcessor(true);
        de.erichseifert.vectorgraphics2d.Document doc = processor.getDocument(g.getCommands(),
                new de.erichseifert.vectorgraphics2d.util.PageSize(0, 0, w * cols, h * rows));
        OutputFiles.writeBytes(file, doc::writeTo);
    }
}
