package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.daleel.warc.JwarcValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daleel export --format wacz} and {@code daleel verify-package} in child processes: a
 * captured page and an imported file make a WACZ 1.1.1 package that verifies offline; one byte
 * changed in a WARC, in datapackage.json or in a receipt fails and names the part; the WARCs inside
 * pass {@code jwarc validate}.
 */
class WaczIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void an_exported_package_verifies_offline_and_one_changed_byte_is_named() throws Exception {
        Path data = tmp.resolve("data");
        String page;
        try (Site site = new Site()) {
            page = JSON.readTree(Cli.run(data, "capture", site.url("report.html"), "--allow-private", "--json")
                            .assertOk()
                            .out())
                    .path("id")
                    .asText();
        }
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "Witness statement, 3 March, translated.\n", StandardCharsets.UTF_8);
        String file = JSON.readTree(Cli.run(data, "import", notes.toString(), "--json")
                        .assertOk()
                        .out())
                .get(0)
                .path("id")
                .asText();

        Path wacz = tmp.resolve("out").resolve("evidence.wacz");
        Cli.run(data, "export", "--format", "wacz", page, file, "--output", wacz.toString())
                .assertOk();
        assertThat(wacz).isRegularFile();
        try (var listing = Files.list(wacz.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("evidence.wacz");
        }

        List<String> warcs = new ArrayList<>();
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream()
                    .map(ZipEntry::getName)
                    .toList();
            assertThat(names)
                    .contains(
                            "indexes/index.cdxj",
                            "pages/pages.jsonl",
                            "datapackage.json",
                            "datapackage-digest.json",
                            "custody/checkpoint",
                            "custody/vkey",
                            "custody/receipts/" + page + ".tlog-proof",
                            "custody/receipts/" + file + ".tlog-proof");
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().startsWith("archive/")) {
                    assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED);
                    assertThat(e.getName()).endsWith(".warc.gz");
                    warcs.add(e.getName());
                    Path out = tmp.resolve(e.getName().substring("archive/".length()));
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, out);
                    }
                    JwarcValidation.assertJwarcValidates(out);
                }
            }
            assertThat(warcs).hasSize(2);
            JsonNode dp = JSON.readTree(zip.getInputStream(zip.getEntry("datapackage.json")));
            assertThat(dp.path("profile").asText()).isEqualTo("data-package");
            assertThat(dp.path("wacz_version").asText()).isEqualTo("1.1.1");
            assertThat(dp.path("software").asText()).startsWith("Daleel ");
            assertThat(dp.path("resources").findValuesAsText("path")).containsAll(warcs);
            assertThat(dp.path("resources").findValuesAsText("hash")).allMatch(h -> h.matches("sha256:[0-9a-f]{64}"));
            String cdxj = new String(
                    zip.getInputStream(zip.getEntry("indexes/index.cdxj")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cdxj).contains("127,0,0,1:").contains("/report.html").contains("\"digest\":\"sha256:");
            assertThat(cdxj.lines()).allMatch(l -> l.matches("\\S+ \\d{14} \\{.*\"filename\":.*\\}"));
            String pages = new String(
                    zip.getInputStream(zip.getEntry("pages/pages.jsonl")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pages.lines().findFirst().orElseThrow())
                    .isEqualTo("{\"format\":\"json-pages-1.0\",\"id\":\"pages\",\"title\":\"All Pages\"}");
            assertThat(pages.lines().count()).isEqualTo(3);
        }

        Cli.Result ok = Cli.run(data, "verify-package", wacz.toString()).assertOk();
        assertThat(ok.out())
                .contains("2 receipts: all hold")
                .contains("signed by " + Wiring.LEDGER_ORIGIN_PREFIX)
                .contains("no RFC 3161 time-stamps in the package");
        JsonNode okJson = JSON.readTree(Cli.run(data, "verify-package", wacz.toString(), "--json")
                .assertOk()
                .out());
        assertThat(okJson.path("ok").asBoolean()).isTrue();
        assertThat(okJson.path("receipts").asInt()).isEqualTo(2);

        String captureWarc = warcs.stream()
                .filter(w -> !w.contains("DALEEL-FILE-"))
                .findFirst()
                .orElseThrow();
        Path warcFlipped = changed(wacz, captureWarc, 0.5);
        Cli.Result badWarc = Cli.run(data, "verify-package", warcFlipped.toString());
        assertThat(badWarc.exit()).isEqualTo(6);
        assertThat(badWarc.out()).contains("FAILED " + captureWarc).contains("problems");

        Path dpFlipped = changed(wacz, "datapackage.json", 0.3);
        Cli.Result badDp = Cli.run(data, "verify-package", dpFlipped.toString());
        assertThat(badDp.exit()).isEqualTo(6);
        assertThat(badDp.out()).contains("FAILED datapackage.json");

        String receipt = "custody/receipts/" + file + ".tlog-proof";
        Path receiptFlipped = changedProofHash(wacz, receipt);
        JsonNode badReceipt = JSON.readTree(Cli.run(data, "verify-package", receiptFlipped.toString(), "--json")
                .out());
        assertThat(badReceipt.path("ok").asBoolean()).isFalse();
        assertThat(badReceipt.path("problems").findValuesAsText("file")).contains(receipt);

        Cli.Result kml = Cli.run(
                data,
                "export",
                "--format",
                "kml",
                page,
                "--output",
                tmp.resolve("x.kml").toString());
        assertThat(kml.exit()).isNotZero();
        assertThat(kml.err()).contains("kml").contains("wacz, csv, geojson");
        assertThat(tmp.resolve("x.kml")).doesNotExist();

        Path none = tmp.resolve("none").resolve("none.wacz");
        Cli.Result unknown = Cli.run(
                data, "export", "--format", "wacz", page, "01JDX3T5Q8K2M4N6P7R9S0T1V2", "--output", none.toString());
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.err()).contains("01JDX3T5Q8K2M4N6P7R9S0T1V2");
        try (var left = Files.list(none.getParent())) {
            assertThat(left).as("nothing half-written is left behind").isEmpty();
        }
    }

    /** A copy of {@code wacz} with one byte of member {@code name} changed, at fraction {@code at} of it. */
    private Path changed(Path wacz, String name, double at) throws Exception {
        byte[] bytes = Files.readAllBytes(wacz);
        long[] span = span(wacz, bytes, name);
        int pos = (int) (span[0] + (long) (span[1] * at));
        bytes[pos] ^= 0x01;
        Path out = tmp.resolve("changed-" + name.replace('/', '_') + ".wacz");
        Files.write(out, bytes);
        return out;
    }

    /** A copy with one character of the receipt's first proof hash replaced by another base64 letter. */
    private Path changedProofHash(Path wacz, String name) throws Exception {
        byte[] bytes = Files.readAllBytes(wacz);
        long[] span = span(wacz, bytes, name);
        String text = new String(bytes, (int) span[0], (int) span[1], StandardCharsets.ISO_8859_1);
        int line = text.indexOf('\n', text.indexOf("index ")) + 1;
        int pos = (int) span[0] + line + 5;
        bytes[pos] = (byte) (bytes[pos] == 'A' ? 'B' : 'A');
        Path out = tmp.resolve("changed-receipt.wacz");
        Files.write(out, bytes);
        return out;
    }

    /** Offset and length of a STORED member's data in the zip file. */
    private static long[] span(Path wacz, byte[] bytes, String name) throws Exception {
        long size;
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            size = zip.getEntry(name).getSize();
        }
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + n.length < bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4) {
                int nameLen = (bytes[i + 26] & 0xff) | (bytes[i + 27] & 0xff) << 8;
                int extraLen = (bytes[i + 28] & 0xff) | (bytes[i + 29] & 0xff) << 8;
                if (nameLen == n.length && new String(bytes, i + 30, nameLen, StandardCharsets.UTF_8).equals(name)) {
                    return new long[] {i + 30L + nameLen + extraLen, size};
                }
            }
        }
        throw new AssertionError(name + " not found in " + wacz);
    }
}
