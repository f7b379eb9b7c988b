package org.daleel.media.crop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/** Meta's PDQ test photos (test resources) used by the crop-robust evaluation. */
final class TestPictures {
    private TestPictures() {}

    /**
     * The distinct photos of Meta's set with PDQ quality of at least 50 and a size worth cropping
     * (the 34x42 thumbnail, the blank and the two near-flat LabelMe pictures are left out).
     */
    static final List<String> PHOTOS = List.of(
            "dih/bridge-1-original.jpg",
            "pen-and-coaster.png",
            "misc-images/c.png",
            "labelme-subset/q0122.jpg",
            "labelme-subset/q0291.jpg",
            "labelme-subset/q0746.jpg",
            "labelme-subset/q1050.jpg",
            "labelme-subset/q2821.jpg");

    /** c.png and pen-and-coaster.png are two photos of the same coaster: a match is right, not false. */
    static final Set<Set<String>> RELATED = Set.of(Set.of("c.png", "pen-and-coaster.png"));

    static Path image(String name) {
        try {
            return Path.of(TestPictures.class
                    .getResource("/conformance/pdq/images/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(TestPictures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IOException("not an image: " + file);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CropEvaluation.Picture> photos() {
        List<CropEvaluation.Picture> out = new ArrayList<>();
        for (String name : PHOTOS) {
            out.add(new CropEvaluation.Picture(Path.of(name).getFileName().toString(), read(image(name))));
        }
        return out;
    }

    static List<CropEvaluation.Picture> synthetic(int from, int count) {
        List<CropEvaluation.Picture> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(new CropEvaluation.Picture("synthetic-" + i, Synthetic.picture(i)));
        }
        return out;
    }
}
