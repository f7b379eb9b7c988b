package org.daleel.extract.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.daleel.core.InvalidInputException;
import org.daleel.extract.WarcRecords.ArchivedRecord;

/**
 * A WARC cut anywhere is either read to its end (cut between records) or rejected with an
 * {@link InvalidInputException}; whatever was yielded before is a prefix of the whole file's records.
 */
class JwarcRecordsPropertiesTest {
    private static Path dir;
    private static final byte[] PLAIN = WarcFixtures.crawl(false).bytes();
    private static final byte[] GZIP = WarcFixtures.crawl(true).bytes();
    private static List<String> all;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("warc-props");
        Path whole = dir.resolve("whole.warc");
        Files.write(whole, PLAIN);
        JwarcRecordsTest.Seen seen = new JwarcRecordsTest.Seen();
        new JwarcRecords().read(whole, 1 << 20, seen);
        all = seen.records.stream().map(ArchivedRecord::url).toList();
    }

    @AfterContainer
    static void removeDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            files.forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.delete(dir);
    }

    @Provide
    Arbitrary<byte[]> cutWarcs() {
        return Arbitraries.of(PLAIN, GZIP)
                .flatMap(
                        bytes -> Arbitraries.integers().between(0, bytes.length).map(n -> Arrays.copyOf(bytes, n)));
    }

    @Property(tries = 200)
    void a_cut_warc_is_read_to_a_record_boundary_or_rejected(@ForAll("cutWarcs") byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("cut.warc"), bytes);
        JwarcRecordsTest.Seen seen = new JwarcRecordsTest.Seen();
        try {
            new JwarcRecords().read(file, 1 << 20, seen);
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).startsWith("WARC " + file + ": record at offset ");
        }
        assertThat(seen.urls()).hasSizeLessThanOrEqualTo(all.size());
        assertThat(all.subList(0, seen.urls().size())).isEqualTo(seen.urls());
    }
}
