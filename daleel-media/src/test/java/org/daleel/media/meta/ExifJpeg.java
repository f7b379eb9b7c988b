package org.daleel.media.meta;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes small test pictures: a JPEG (from ImageIO) with a hand-built EXIF APP1 segment spliced in
 * after SOI, holding a big-endian TIFF with IFD0 (Make, Model, Software, DateTime), an Exif IFD
 * (DateTimeOriginal, OffsetTimeOriginal) and a GPS IFD; and a PNG with no metadata.
 */
final class ExifJpeg {
    private static final int ASCII = 2;
    private static final int BYTE = 1;
    private static final int LONG = 4;
    private static final int RATIONAL = 5;

    private ExifJpeg() {}

    /** One IFD entry; {@code value} holds the encoded value bytes. */
    private record Entry(int tag, int type, int count, byte[] value) {}

    static byte[] jpeg(
            String make,
            String model,
            String software,
            String dateTime,
            String dateTimeOriginal,
            double lat,
            double lon,
            double altitude) {
        List<Entry> gps = List.of(
                new Entry(0x0000, BYTE, 4, new byte[] {2, 3, 0, 0}),
                ascii(0x0001, lat >= 0 ? "N" : "S"),
                new Entry(0x0002, RATIONAL, 3, dms(Math.abs(lat))),
                ascii(0x0003, lon >= 0 ? "E" : "W"),
                new Entry(0x0004, RATIONAL, 3, dms(Math.abs(lon))),
                new Entry(0x0005, BYTE, 1, new byte[] {0}),
                new Entry(0x0006, RATIONAL, 1, rationals(new long[] {Math.round(altitude * 10), 10})));
        List<Entry> exif = List.of(ascii(0x9003, dateTimeOriginal), ascii(0x9011, "+03:00"));
        List<Entry> ifd0 = new ArrayList<>(
                List.of(ascii(0x010F, make), ascii(0x0110, model), ascii(0x0131, software), ascii(0x0132, dateTime)));
        int ifd0Size = size(ifd0) + 2 * 12;
        int exifStart = 8 + ifd0Size;
        int gpsStart = exifStart + size(exif);
        ifd0.add(new Entry(
                0x8769, LONG, 1, ByteBuffer.allocate(4).putInt(exifStart).array()));
        ifd0.add(new Entry(
                0x8825, LONG, 1, ByteBuffer.allocate(4).putInt(gpsStart).array()));

        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        tiff.writeBytes(ifd(ifd0, 8));
        tiff.writeBytes(ifd(exif, exifStart));
        tiff.writeBytes(ifd(gps, gpsStart));

        ByteArrayOutputStream app1 = new ByteArrayOutputStream();
        app1.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        app1.writeBytes(tiff.toByteArray());
        byte[] plain = encode(picture(), "jpeg");
        int length = app1.size() + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes(app1.toByteArray());
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG as ImageIO writes it: no EXIF, no XMP. */
    static byte[] png() {
        return encode(picture(), "png");
    }

    private static BufferedImage picture() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 90);
            }
        }
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry ascii(int tag, String s) {
        byte[] b = (s + "\0").getBytes(StandardCharsets.UTF_8);
        return new Entry(tag, ASCII, b.length, b);
    }

    /** Degrees, minutes, seconds as three rationals (seconds in 1/1000). */
    private static byte[] dms(double value) {
        long deg = (long) value;
        double minutes = (value - deg) * 60;
        long min = (long) minutes;
        long sec = Math.round((minutes - min) * 60 * 1000);
        return rationals(new long[] {deg, 1, min, 1, sec, 1000});
    }

    private static byte[] rationals(long[] parts) {
        ByteBuffer b = ByteBuffer.allocate(parts.length * 4);
        for (long p : parts) {
            b.putInt((int) p);
        }
        return b.array();
    }

    /** Bytes an IFD takes with its out-of-line values. */
    private static int size(List<Entry> entries) {
        int size = 2 + 12 * entries.size() + 4;
        for (Entry e : entries) {
            if (e.value().length > 4) {
                size += even(e.value().length);
            }
        }
        return size;
    }

    private static int even(int n) {
        return n + (n & 1);
    }

    private static byte[] ifd(List<Entry> entries, int start) {
        ByteBuffer dir = ByteBuffer.allocate(2 + 12 * entries.size() + 4);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int dataStart = start + dir.capacity();
        dir.putShort((short) entries.size());
        for (Entry e : entries) {
            dir.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
            if (e.value().length <= 4) {
                byte[] inline = new byte[4];
                System.arraycopy(e.value(), 0, inline, 0, e.value().length);
                dir.put(inline);
            } else {
                dir.putInt(dataStart + data.size());
                data.writeBytes(e.value());
                if ((e.value().length & 1) == 1) {
                    data.write(0);
                }
            }
        }
        dir.putInt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(dir.array());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }
}
