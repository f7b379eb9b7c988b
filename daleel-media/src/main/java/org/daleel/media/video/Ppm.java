package org.daleel.media.video;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads binary PPM ({@code P6}, 8 bits) frames one after another from a stream, as ffmpeg pipes them. */
final class Ppm {
    private Ppm() {}

    /**
     * The next frame, or null at the end of the stream.
     *
     * @param maxSide frames with a larger side are refused (the pipe is not what was asked for)
     * @throws IOException on a malformed or truncated frame
     */
    static BufferedImage read(InputStream in, int maxSide) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        if (first != 'P' || in.read() != '6') {
            throw new IOException("not a binary PPM frame");
        }
        int width = number(in);
        int height = number(in);
        int max = number(in);
        if (width < 1 || height < 1 || width > maxSide || height > maxSide || max != 255) {
            throw new IOException("unexpected PPM frame " + width + "×" + height + " with maximum " + max);
        }
        byte[] rgb = in.readNBytes(width * height * 3);
        if (rgb.length != width * height * 3) {
            throw new EOFException("truncated PPM frame");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0, k = 0; y < height; y++) {
            for (int x = 0; x < width; x++, k += 3) {
                row[x] = (rgb[k] & 0xff) << 16 | (rgb[k + 1] & 0xff) << 8 | (rgb[k + 2] & 0xff);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    /** A decimal header field after whitespace (and comments); consumes the one whitespace after it. */
    private static int number(InputStream in) throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '#') {
            if (c == '#') {
                while (c != '\n' && c >= 0) {
                    c = in.read();
                }
            }
            c = in.read();
        }
        int value = 0;
        int digits = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            if (++digits > 6) {
                throw new IOException("PPM header number too long");
            }
            c = in.read();
        }
        if (digits == 0) {
            throw new IOException("malformed PPM header");
        }
        return value;
    }
}
