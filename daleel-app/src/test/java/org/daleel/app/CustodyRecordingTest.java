package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.daleel.archive.DataDir;
import org.daleel.archive.ImportResult;
import org.daleel.archive.ItemOptions;
import org.daleel.archive.LocalArchive;
import org.daleel.capture.CaptureRequest;
import org.daleel.custody.CustodyEvent;
import org.daleel.item.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive records every new item in the custody ledger before its catalog commit, and duplicates not at all. */
class CustodyRecordingTest {
    @TempDir
    Path tmp;

    @Test
    void a_capture_records_payload_warc_and_resources_and_a_reopened_ledger_keeps_its_name() throws Exception {
        DataDir dir = DataDir.at(tmp.resolve("data"));
        Item item;
        String vkey;
        try (Site site = new Site();
                LocalArchive archive = Wiring.openWriter(dir)) {
            item = archive.capture(new CaptureRequest(site.url("report.html"), "amina", true), ItemOptions.of("amina"));
            List<Long> indices = archive.custody().indices(item.id());
            assertThat(indices).containsExactly(0L);
            CustodyEvent e = archive.custody().event(0);
            assertThat(e.kind()).isEqualTo(CustodyEvent.Kind.CAPTURE);
            assertThat(e.actor()).isEqualTo("amina");
            assertThat(e.note()).isEqualTo(site.url("report.html"));
            assertThat(e.digests())
                    .startsWith(
                            new CustodyEvent.Digest("payload", item.sha256(), item.size()),
                            new CustodyEvent.Digest(
                                    "warc", item.warc().sha256(), item.warc().size()));
            assertThat(e.digests())
                    .filteredOn(d -> d.role().equals("resource"))
                    .hasSize(archive.resources(item.id()).size())
                    .isNotEmpty();
            vkey = archive.custody().verifierKey();
            assertThat(vkey).startsWith(Wiring.LEDGER_ORIGIN_PREFIX);
        }
        try (LocalArchive archive = Wiring.openWriter(dir)) {
            assertThat(archive.custody().verifierKey()).isEqualTo(vkey);
            assertThat(archive.custody().size()).isEqualTo(1);
        }
    }

    @Test
    void imports_record_files_warcs_and_records_and_duplicates_append_nothing() throws Exception {
        Path warc;
        try (Site site = new Site();
                LocalArchive source = Wiring.openWriter(DataDir.at(tmp.resolve("source")))) {
            Item captured =
                    source.capture(new CaptureRequest(site.url("report.html"), "amina", true), ItemOptions.of("amina"));
            warc = tmp.resolve("source")
                    .resolve("warcs")
                    .resolve(captured.warc().fileName());
        }
        Path file = Files.writeString(tmp.resolve("note.txt"), "a witness statement");
        try (LocalArchive archive = Wiring.openWriter(DataDir.at(tmp.resolve("data")))) {
            ImportResult plain = archive.importFile(file, ItemOptions.of("cli:amina"));
            assertThat(archive.custody().size()).isEqualTo(1);
            assertThat(archive.custody().event(0).digests())
                    .containsExactly(new CustodyEvent.Digest(
                            "payload", plain.item().sha256(), plain.item().size()));
            assertThat(archive.importFile(file, ItemOptions.of("cli:amina")).status())
                    .isEqualTo(ImportResult.Status.DUPLICATE);
            assertThat(archive.custody().size()).isEqualTo(1);

            ImportResult imported = archive.importFile(warc, ItemOptions.of("cli:amina"));
            assertThat(imported.records()).isPositive();
            long size = archive.custody().size();
            assertThat(size).isEqualTo(1 + imported.records() + 1L);
            CustodyEvent.Digest warcDigest = new CustodyEvent.Digest(
                    "warc", imported.item().sha256(), imported.item().size());
            assertThat(archive.custody().event(size - 1).digests()).containsExactly(warcDigest);
            assertThat(archive.custody().indices(imported.item().id())).containsExactly(size - 1);
            for (long i = 1; i < size - 1; i++) {
                CustodyEvent record = archive.custody().event(i);
                assertThat(record.kind()).isEqualTo(CustodyEvent.Kind.IMPORT);
                assertThat(record.digests()).hasSize(2).endsWith(warcDigest);
                Item item = archive.get(record.itemId());
                assertThat(record.digests().get(0))
                        .isEqualTo(new CustodyEvent.Digest("payload", item.sha256(), item.size()));
            }
            assertThat(archive.importFile(warc, ItemOptions.of("cli:amina")).status())
                    .isEqualTo(ImportResult.Status.DUPLICATE);
            assertThat(archive.custody().size()).isEqualTo(size);
        }
    }
}
