package org.discern.train;

/**
 * Shape of image inputs, channels first: each row of features is {@code channels * height * width}
 * pixel values in [0, 1], channel by channel, each channel row by row.
 *
 * @param channels 1 (grayscale) or 3 (RGB)
 * @param height pixels, &gt;= 4
 * @param width pixels, &gt;= 4
 */
public record ImageShape(int channels, int height, int width) {

    /** Validates. */
    public ImageShape {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (height < 4 || width < 4) {
            throw new IllegalArgumentException("image size must be at least 4x4, got " + width + "x" + height);
        }
    }

    /** Parses {@code WIDTHxHEIGHT}, e.g. {@code 64x64}. */
    public static ImageShape parse(String size, int channels) {
        String[] p = size.toLowerCase(java.util.Locale.ROOT).split("x", -1);
        if (p.length != 2) {
            throw new IllegalArgumentException("size must be WIDTHxHEIGHT, e.g. 64x64, got '" + size + "'");
        }
        try {
            return new ImageShape(channels, Integer.parseInt(p[1].strip()), Integer.parseInt(p[0].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size must be WIDTHxHEIGHT, e.g. 64x64, got '" + size + "'", e);
        }
    }

    /** channels * height * width. */
    public int values() {
        return channels * height * width;
    }
}
