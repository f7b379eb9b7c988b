package org.daleel.media.crop;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Edits that reposted photos go through, drawn with Java2D (the evaluation's generators). */
final class Edits {
    private Edits() {}

    /** The part {@code r} of the picture (fractions), copied. */
    static BufferedImage crop(BufferedImage src, Region r) {
        int x = (int) Math.round(r.x() * src.getWidth());
        int y = (int) Math.round(r.y() * src.getHeight());
        int w = Math.max(1, Math.min(src.getWidth() - x, (int) Math.round(r.w() * src.getWidth())));
        int h = Math.max(1, Math.min(src.getHeight() - y, (int) Math.round(r.h() * src.getHeight())));
        return copy(src.getSubimage(x, y, w, h));
    }

    /** A centred crop removing {@code fraction} of the width and of the height (as Edit2 does). */
    static BufferedImage centredCrop(BufferedImage src, double fraction) {
        return crop(src, Region.anchored(1 - fraction, 1 - fraction, 0.5, 0.5));
    }

    static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Resized by {@code factor} with bilinear interpolation. */
    static BufferedImage scale(BufferedImage src, double factor) {
        int w = Math.max(1, (int) (src.getWidth() * factor));
        int h = Math.max(1, (int) (src.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Re-encoded as JPEG at {@code quality} (0..1) and decoded again. */
    static BufferedImage jpeg(BufferedImage src, float quality) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            try (ImageOutputStream os = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(os);
                writer.write(null, new IIOImage(copy(src), null, null), p);
            } finally {
                writer.dispose();
            }
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A translucent black bar with white text over the bottom {@code fraction} of the height (as Edit2). */
    static BufferedImage caption(BufferedImage src, double fraction) {
        BufferedImage out = copy(src);
        int w = out.getWidth(), h = out.getHeight();
        int bar = (int) (h * fraction);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(0, 0, 0, 170));
        g.fillRect(0, h - bar, w, bar);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(6, bar / 2)));
        g.drawString("ALEPPO", 10, h - bar / 4);
        g.dispose();
        return out;
    }

    /** Mirrored left to right. */
    static BufferedImage mirror(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, new AffineTransform(-1, 0, 0, 1, src.getWidth(), 0), null);
        g.dispose();
        return out;
    }

    /**
     * Placed on a plain canvas with margins of the given fractions of the picture's size on each side
     * (letterbox: top and bottom; pillarbox: left and right; frame: all four).
     */
    static BufferedImage border(BufferedImage src, Color colour, double left, double top, double right, double bottom) {
        int w = src.getWidth(), h = src.getHeight();
        int l = (int) (w * left), t = (int) (h * top), r = (int) (w * right), b = (int) (h * bottom);
        BufferedImage out = new BufferedImage(w + l + r, h + t + b, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(src, l, t, null);
        g.dispose();
        return out;
    }

    /**
     * A screenshot of a social-media post: a coloured app bar with a title, a light page with an
     * avatar, a name and lines of text above the photo, the photo scaled to {@code photoWidth} of
     * the page width, and a row of action labels and more text under it.
     *
     * @param dark dark theme (near-black page, light text) instead of a light one
     */
    static BufferedImage screenshot(BufferedImage photo, double photoWidth, boolean dark, long seed) {
        int pageW = 720;
        int pw = (int) (pageW * photoWidth);
        int ph = (int) Math.round(photo.getHeight() * (pw / (double) photo.getWidth()));
        int left = (pageW - pw) / 2 + (int) (seed % 3) * 4;
        int top = 56 + 70 + 3 * 26;
        int pageH = top + ph + 40 + 3 * 26 + 30;
        Color page = dark ? new Color(21, 32, 43) : new Color(250, 250, 250);
        Color ink = dark ? new Color(230, 236, 240) : new Color(20, 23, 26);
        BufferedImage out = new BufferedImage(pageW, pageH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(page);
        g.fillRect(0, 0, pageW, pageH);
        g.setColor(new Color(29, 155, 240));
        g.fillRect(0, 0, pageW, 56);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString("Home  \u00b7  News", 20, 36);
        g.setColor(new Color(120, 140, 160));
        g.fillOval(20, 66, 48, 48);
        g.setColor(ink);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Witness Account @witness_" + seed, 80, 88);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        String[] lines = {
            "BREAKING: shelling hit the market this morning, many",
            "civilians wounded. Share before they delete this.",
            "#Aleppo #Syria"
        };
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 20, 56 + 70 + 20 + i * 26);
        }
        g.drawImage(photo, left, top, pw, ph, null);
        g.setColor(new Color(110, 118, 125));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawString("\u21b0 1.2K     \u21c4 8.4K     \u2661 21K     \u2191", 40, top + ph + 28);
        g.setColor(ink);
        for (int i = 0; i < 3; i++) {
            g.drawString(
                    "Reply " + (i + 1) + ": this is from years ago, look at the buildings", 20, top + ph + 66 + i * 26);
        }
        g.dispose();
        return out;
    }
}
