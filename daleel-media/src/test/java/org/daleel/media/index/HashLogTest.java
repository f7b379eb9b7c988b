package org.daleel.media.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.function.Function;
import org.daleel.core.IntegrityException;
import org.daleel.match.Hash256;
import org.daleel.match.HashIndex;
import org.daleel.match.HashMatch;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@link HashLog} file format under both adapters: crash tails and damaged records. */
class HashLogTest {

    @TempDir
    Path dir;

    private static Function<Path, HashIndex> adapter(String name) {
        return "brute-force".equals(name) ? BruteForceHashIndex::open : PackedMultiIndexHashIndex::open;
    }

    private static Hash256 random(Random random) {
        return new Hash256(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"brute-force", "multi-index"})
    void a_partial_last_record_from_a_crash_is_dropped(String name) throws IOException {
        Hash256 h = random(new Random(11));
        try (HashIndex index = adapter(name).apply(dir)) {
            index.add(1, h);
            index.add(2, h.flip(3));
        }
        Path log = dir.resolve(HashLog.LOG_FILE);
        long complete = Files.size(log);
        Files.write(log, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 3, 42}, StandardOpenOption.APPEND);

        try (HashIndex index = adapter(name).apply(dir)) {
            assertThat(index.size()).isEqualTo(2);
            index.add(3, h.flip(5));
        }
        assertThat(Files.size(log)).isEqualTo(complete + HashLog.RECORD_SIZE);
        try (HashIndex index = adapter(name).apply(dir)) {
            assertThat(index.search(h, 1))
                    .containsExactly(new HashMatch(1, 0), new HashMatch(2, 1), new HashMatch(3, 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"brute-force", "multi-index"})
    void a_damaged_record_is_an_integrity_error_naming_the_file_and_offset(String name) throws IOException {
        Hash256 h = random(new Random(12));
        try (HashIndex index = adapter(name).apply(dir)) {
            for (long id = 0; id < 10; id++) {
                index.add(id, h);
            }
        }
        Path log = dir.resolve(HashLog.LOG_FILE);
        long offset = HashLog.HEADER_SIZE + 4L * HashLog.RECORD_SIZE;
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset + 20);
            b.put(0, (byte) (b.get(0) ^ 0x10));
            b.rewind();
            ch.write(b, offset + 20);
        }

        assertThatThrownBy(() -> adapter(name).apply(dir))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining(log.toString())
                .hasMessageContaining("offset " + offset);
    }
}
