package org.discern.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.discern.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTrainingTest {

    /** Class 0: horizontal bar, 1: vertical bar, 2: a filled corner square; noisy 12x12 grayscale. */
    static void writeShapes(Path dir, int perClass, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        for (int c = 0; c < 3; c++) {
            Path sub = dir.resolve("shape" + c);
            Files.createDirectories(sub);
            for (int i = 0; i < perClass; i++) {
                BufferedImage img = new BufferedImage(12, 12, BufferedImage.TYPE_BYTE_GRAY);
                int at = 2 + r.nextInt(8);
                for (int y = 0; y < 12; y++) {
                    for (int x = 0; x < 12; x++) {
                        boolean on = c == 0 ? Math.abs(y - at) <= 1 : c == 1 ? Math.abs(x - at) <= 1 : x < 6 && y < 6;
                        int v = (on ? 200 : 30) + r.nextInt(40);
                        img.getRaster().setSample(x, y, 0, v);
                    }
                }
                ImageIO.write(img, "png", sub.resolve(String.format(java.util.Locale.ROOT, "%03d.png", i)).toFile());
            }
        }
    }

    @Test
    void readsFoldersSkipsUndecodableImagesAndTrainsTheCnn(@TempDir Path dir) throws Exception {
        writeShapes(dir, 60, 1);
        Files.writeString(dir.resolve("shape1").resolve("broken.png"), "not a png");
        Files.writeString(dir.resolve("shape2").resolve("notes.txt"), "ignored: not an image name");
        ImageFolderReader.Images images = ImageFolderReader.read(dir, ImageShape.parse("12x12", 1));
        assertEquals(1, images.skipped());
        assertEquals(List.of("skipped " + dir.resolve("shape1").resolve("broken.png")
                + ": cannot be decoded as an image"), images.warnings());
        Table t = images.table();
        assertEquals(180, t.rows());
        assertEquals(List.of("shape0", "shape1", "shape2"), t.classNames());
        assertEquals(144, t.width());
        // a pixel of the corner square of the first shape2 image: (200 + noise) / 255
        int row = 120;
        assertEquals(2, t.classIndex(row));
        assertTrue(t.value(row, 0) >= 200 / 255f && t.value(row, 0) < 240 / 255f, "pixel " + t.value(row, 0));

        TrainOptions o = TrainOptions.builder().epochs(6).batchSize(32).learningRate(0.01).dropout(0.25).build();
        List<MulticlassWorkbench.Result> rs = MulticlassWorkbench.forImages(o, List.of(Strategy.BASELINE),
                images.shape(), null).run(t, null);
        assertTrue(rs.get(0).test().rocAucOvrMacro() > 0.9, "CNN macro AUC " + rs.get(0).test().rocAucOvrMacro());
    }

    @Test
    void rgbChannelsAreChannelsFirst() {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                img.setRGB(x, y, (255 << 16) | (51 << 8) | (y == 0 && x == 1 ? 102 : 0));
            }
        }
        float[] out = new float[48];
        ImageFolderReader.pixels(img, new ImageShape(3, 4, 4), out, 0);
        assertEquals(1f, out[0]);
        assertEquals(51 / 255f, out[16]);
        assertEquals(102 / 255f, out[32 + 1]);
        assertEquals(0f, out[32]);
    }

    @Test
    void badFoldersAndSizes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("only"));
        ImageIO.write(new BufferedImage(5, 5, BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("only/a.png").toFile());
        InputException e = assertThrows(InputException.class,
                () -> ImageFolderReader.read(dir, new ImageShape(1, 8, 8)));
        assertEquals(dir + ": expected one sub-folder of PNG/JPEG images per class (at least 2), found 1",
                e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> ImageShape.parse("64", 1));
        assertEquals("size must be WIDTHxHEIGHT, e.g. 64x64, got '64'", s.getMessage());
        assertEquals(new ImageShape(3, 32, 48), ImageShape.parse("48x32", 3));
    }

    @Test
    void digitsExampleTrainsAboveChance() throws Exception {
        Path digits = Path.of("..", "examples", "digits", "images");
        ImageFolderReader.Images images = ImageFolderReader.read(digits, ImageShape.parse("8x8", 1));
        assertEquals(1797, images.table().rows());
        assertEquals(0, images.skipped());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), images.table().classNames());
        TrainOptions o = TrainOptions.builder().epochs(8).batchSize(64).learningRate(0.01).dropout(0.25).build();
        MulticlassWorkbench.Result r = MulticlassWorkbench.forImages(o, List.of(Strategy.BASELINE), images.shape(),
                null).run(images.table(), null).get(0);
        assertTrue(r.test().accuracy() > 0.8, "digits accuracy " + r.test().accuracy());
    }
}
