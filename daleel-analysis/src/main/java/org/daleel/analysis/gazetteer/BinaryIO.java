package org.daleel.analysis.gazetteer;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Raw big-endian arrays for the compiled gazetteer file: a length, then the elements. */
final class BinaryIO {
    private static final int CHUNK = 1 << 16;

    private BinaryIO() {}

    static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        ByteBuffer b = ByteBuffer.allocate(CHUNK * 4);
        for (int from = 0; from < a.length; from += CHUNK) {
            int n = Math.min(CHUNK, a.length - from);
            b.clear();
            b.asIntBuffer().put(a, from, n);
            out.write(b.array(), 0, n * 4);
        }
    }

    static void writeLongs(DataOutputStream out, long[] a) throws IOException {
        out.writeInt(a.length);
        ByteBuffer b = ByteBuffer.allocate(CHUNK * 8);
        for (int from = 0; from < a.length; from += CHUNK) {
            int n = Math.min(CHUNK, a.length - from);
            b.clear();
            b.asLongBuffer().put(a, from, n);
            out.write(b.array(), 0, n * 8);
        }
    }

    static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        ByteBuffer b = ByteBuffer.allocate(CHUNK * 8);
        for (int from = 0; from < a.length; from += CHUNK) {
            int n = Math.min(CHUNK, a.length - from);
            b.clear();
            b.asDoubleBuffer().put(a, from, n);
            out.write(b.array(), 0, n * 8);
        }
    }

    static void writeChars(DataOutputStream out, char[] a) throws IOException {
        out.writeInt(a.length);
        ByteBuffer b = ByteBuffer.allocate(CHUNK * 2);
        for (int from = 0; from < a.length; from += CHUNK) {
            int n = Math.min(CHUNK, a.length - from);
            b.clear();
            b.asCharBuffer().put(a, from, n);
            out.write(b.array(), 0, n * 2);
        }
    }

    static void writeBytes(DataOutputStream out, byte[] a) throws IOException {
        out.writeInt(a.length);
        out.write(a);
    }

    /** A string of any length (DataOutputStream.writeUTF stops at 64 KB). */
    static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    static int[] readInts(ByteBuffer in) throws IOException {
        int n = length(in, 4);
        int[] a = new int[n];
        in.asIntBuffer().get(a);
        in.position(in.position() + n * 4);
        return a;
    }

    static long[] readLongs(ByteBuffer in) throws IOException {
        int n = length(in, 8);
        long[] a = new long[n];
        in.asLongBuffer().get(a);
        in.position(in.position() + n * 8);
        return a;
    }

    static double[] readDoubles(ByteBuffer in) throws IOException {
        int n = length(in, 8);
        double[] a = new double[n];
        in.asDoubleBuffer().get(a);
        in.position(in.position() + n * 8);
        return a;
    }

    static char[] readChars(ByteBuffer in) throws IOException {
        int n = length(in, 2);
        char[] a = new char[n];
        in.asCharBuffer().get(a);
        in.position(in.position() + n * 2);
        return a;
    }

    static byte[] readBytes(ByteBuffer in) throws IOException {
        int n = length(in, 1);
        byte[] a = new byte[n];
        in.get(a);
        return a;
    }

    static String readString(ByteBuffer in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    static int readInt(ByteBuffer in) throws IOException {
        if (in.remaining() < 4) {
            throw new IOException("gazetteer file: truncated");
        }
        return in.getInt();
    }

    private static int length(ByteBuffer in, int width) throws IOException {
        if (in.remaining() < 4) {
            throw new IOException("gazetteer file: truncated before an array length");
        }
        int n = in.getInt();
        if (n < 0 || (long) n * width > in.remaining()) {
            throw new IOException("gazetteer file: expected an array of at most " + in.remaining() / width
                    + " elements, found length " + n);
        }
        return n;
    }
}
