package org.daleel.media.pdq;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Reads an image's luminance one row at a time, without per-pixel objects.
 *
 * <p>Luma is {@code Y = 0.299 R + 0.587 G + 0.114 B} in float arithmetic on the 8-bit sRGB values
 * that {@link BufferedImage#getRGB} reports (PDQ hashing.pdf; Meta's Java reference converts every
 * pixel through {@code getRGB}). Fast paths read the raster's bytes directly where they are exactly
 * those values (8-bit interleaved sRGB, packed int RGB) or map samples through a table built with
 * the image's own colour model (one band of up to 16 bits: grey, palette); anything else (CMYK,
 * 16-bit colour, premultiplied alpha) goes through {@code getRGB} row by row.
 */
abstract sealed class LumaRows {
    static final float LUMA_R = 0.299f;
    static final float LUMA_G = 0.587f;
    static final float LUMA_B = 0.114f;

    final int width;

    private LumaRows(int width) {
        this.width = width;
    }

    /** Writes the luma of row {@code y} into {@code out[0..width-1]}. */
    abstract void read(int y, float[] out);

    static float luma(int rgb) {
        return LUMA_R * ((rgb >> 16) & 0xff) + LUMA_G * ((rgb >> 8) & 0xff) + LUMA_B * (rgb & 0xff);
    }

    static LumaRows of(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        boolean srgb = cm.getColorSpace().isCS_sRGB();
        if (srgb
                && cm instanceof ComponentColorModel
                && !cm.isAlphaPremultiplied()
                && raster.getDataBuffer() instanceof DataBufferByte bytes
                && bytes.getNumBanks() == 1
                && raster.getSampleModel() instanceof ComponentSampleModel sm
                && (sm.getNumBands() == 3 || sm.getNumBands() == 4)
                && allBits(cm, 8)) {
            return new InterleavedBytes(image, bytes, sm);
        }
        if ((image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt ints
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm) {
            return new PackedInts(image, ints, sm);
        }
        if (raster.getNumBands() == 1 && raster.getSampleModel().getSampleSize(0) <= 16) {
            return new SingleBand(image);
        }
        return new ViaGetRgb(image);
    }

    private static boolean allBits(ColorModel cm, int bits) {
        for (int i = 0; i < cm.getNumComponents(); i++) {
            if (cm.getComponentSize(i) != bits) {
                return false;
            }
        }
        return cm.getTransferType() == DataBuffer.TYPE_BYTE;
    }

    /** 8-bit sRGB samples interleaved in one byte array (JPEG, PNG decodes: TYPE_3BYTE_BGR and kin). */
    private static final class InterleavedBytes extends LumaRows {
        private final byte[] data;
        private final int base;
        private final int scanline;
        private final int pixelStride;
        private final int r;
        private final int g;
        private final int b;

        InterleavedBytes(BufferedImage image, DataBufferByte bytes, ComponentSampleModel sm) {
            super(image.getWidth());
            Raster raster = image.getRaster();
            this.data = bytes.getData();
            this.scanline = sm.getScanlineStride();
            this.pixelStride = sm.getPixelStride();
            this.base = bytes.getOffset()
                    - raster.getSampleModelTranslateY() * scanline
                    - raster.getSampleModelTranslateX() * pixelStride;
            int[] offsets = sm.getBandOffsets();
            this.r = offsets[0];
            this.g = offsets[1];
            this.b = offsets[2];
        }

        @Override
        void read(int y, float[] out) {
            int o = base + y * scanline;
            for (int x = 0; x < width; x++, o += pixelStride) {
                out[x] = LUMA_R * (data[o + r] & 0xff) + LUMA_G * (data[o + g] & 0xff) + LUMA_B * (data[o + b] & 0xff);
            }
        }
    }

    /** Packed 0xAARRGGBB / 0x00RRGGBB ints (images drawn in memory). */
    private static final class PackedInts extends LumaRows {
        private final int[] data;
        private final int base;
        private final int scanline;

        PackedInts(BufferedImage image, DataBufferInt ints, SinglePixelPackedSampleModel sm) {
            super(image.getWidth());
            Raster raster = image.getRaster();
            this.data = ints.getData();
            this.scanline = sm.getScanlineStride();
            this.base =
                    ints.getOffset() - raster.getSampleModelTranslateY() * scanline - raster.getSampleModelTranslateX();
        }

        @Override
        void read(int y, float[] out) {
            int o = base + y * scanline;
            for (int x = 0; x < width; x++) {
                out[x] = luma(data[o + x]);
            }
        }
    }

    /**
     * One band (grey, palette, 1..16 bits): each sample value's luma comes from a table built with
     * the image's colour model, exactly as {@code getRGB} converts it (for linear grey that includes
     * the linear-to-sRGB curve).
     */
    private static final class SingleBand extends LumaRows {
        private final Raster raster;
        private final float[] table;
        private final int[] samples;

        SingleBand(BufferedImage image) {
            super(image.getWidth());
            this.raster = image.getRaster();
            ColorModel cm = image.getColorModel();
            int values = 1 << raster.getSampleModel().getSampleSize(0);
            WritableRaster one = cm.createCompatibleWritableRaster(1, 1);
            this.table = new float[values];
            for (int v = 0; v < values; v++) {
                one.setSample(0, 0, 0, v);
                table[v] = luma(cm.getRGB(one.getDataElements(0, 0, null)));
            }
            this.samples = new int[width];
        }

        @Override
        void read(int y, float[] out) {
            raster.getSamples(0, y, width, 1, 0, samples);
            for (int x = 0; x < width; x++) {
                out[x] = table[samples[x]];
            }
        }
    }

    /** Any other layout (CMYK, 16-bit colour, premultiplied): the image's own {@code getRGB}. */
    private static final class ViaGetRgb extends LumaRows {
        private final BufferedImage image;
        private final int[] rgb;

        ViaGetRgb(BufferedImage image) {
            super(image.getWidth());
            this.image = image;
            this.rgb = new int[width];
        }

        @Override
        void read(int y, float[] out) {
            image.getRGB(0, y, width, 1, rgb, 0, width);
            for (int x = 0; x < width; x++) {
                out[x] = luma(rgb[x]);
            }
        }
    }
}
