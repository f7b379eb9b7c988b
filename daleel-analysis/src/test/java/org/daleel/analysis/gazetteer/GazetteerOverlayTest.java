package org.daleel.analysis.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.daleel.analysis.Analysis;
import org.daleel.analysis.PlaceMention;
import org.daleel.analysis.TextAnalyzer;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports of small synthetic files in the GeoNames dump formats. */
class GazetteerOverlayTest {
    /** A GeoNames geoname row (19 columns). */
    private static String geoname(
            long id,
            String name,
            String alts,
            double lat,
            double lon,
            String fc,
            String code,
            String cc,
            String a1,
            long pop) {
        return String.join(
                "\t",
                Long.toString(id),
                name,
                name,
                alts,
                Double.toString(lat),
                Double.toString(lon),
                fc,
                code,
                cc,
                "",
                a1,
                "",
                "",
                "",
                Long.toString(pop),
                "",
                "100",
                "Europe/Oslo",
                "2024-01-01");
    }

    // 90000001..: ids that are in no real GeoNames release
    private static final String NO_TXT = String.join(
                    "\n",
                    geoname(90000001, "Zqvaltrand", "Zqvaltrandi", 61.5, 9.1, "P", "PPL", "NO", "Q9", 900),
                    geoname(90000002, "Blorvik Glacier", "", 61.6, 9.2, "H", "GLCR", "NO", "Q9", 0),
                    geoname(90000003, "Hopeful Hamlet", "", 61.7, 9.3, "P", "PPLL", "NO", "", 40),
                    "")
            + "\n";

    private static final String ALT = String.join(
                    "\n",
                    "1\t90000001\tar\tزقفالتراند\t1\t\t\t\t\t",
                    "2\t90000001\tiata\tZQV\t\t\t\t\t\t",
                    "3\t90000001\ten\tZqual Strand\t\t\t\t\t\t",
                    "4\t999999999\ten\tNowhere\t\t\t\t\t\t",
                    "5\t90000001\tlink\thttps://en.wikipedia.org/wiki/Zqvaltrand\t\t\t\t\t\t")
            + "\n";

    // an admin1 code no GeoNames release uses: the default gazetteer holds the real NO divisions
    private static final String ADMIN1 = "NO.Q9\tZqvinnland\tZqvinnland\t90000010\n";

    private static final String COUNTRY_INFO = "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\t"
            + "Population\tContinent\ttld\tCurrencyCode\tCurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\t"
            + "Languages\tgeonameid\tneighbours\tEquivalentFipsCode\n"
            + "NO\tNOR\t578\tNO\tNorway\tOslo\t324220\t5314336\tEU\t.no\tNOK\tKrone\t47\t####\t^(\\d{4})$\tno,nb,nn\t"
            + "3144096\tFI,RU,SE\t\n";

    @Test
    void imports_geonames_dumps_and_the_analysis_uses_them(@TempDir Path tmp) throws IOException {
        Path no = write(tmp, "NO.txt", NO_TXT);
        Path alt = write(tmp, "alternateNamesV2.txt", ALT);
        Path admin1 = write(tmp, "admin1CodesASCII.txt", ADMIN1);
        Path countries = write(tmp, "countryInfo.txt", COUNTRY_INFO);
        Path dir = tmp.resolve("data/gazetteer");
        GazetteerOverlay overlay = GazetteerOverlay.at(dir);
        List<Long> progress = new ArrayList<>();

        // alternate names first on the command line: they are still read after the places they name
        GazetteerOverlay.Result r = overlay.importFiles(List.of(alt, no, admin1, countries), progress::add);

        assertThat(r.files())
                .extracting(GazetteerOverlay.Imported::kind)
                .containsExactly(
                        GazetteerOverlay.Kind.COUNTRIES,
                        GazetteerOverlay.Kind.GEONAMES,
                        GazetteerOverlay.Kind.ADMIN1,
                        GazetteerOverlay.Kind.ALTERNATE_NAMES);
        GazetteerOverlay.Imported geonames = r.files().get(1);
        assertThat(geonames.kept()).isEqualTo(2); // the glacier is not a populated place
        assertThat(geonames.skipped()).isEqualTo(1);
        assertThat(r.files().get(3).kept()).isEqualTo(2); // Arabic and English; not the code, link or unknown id
        assertThat(progress).isNotEmpty();
        assertThat(progress.getLast())
                .isEqualTo(Files.size(no) + Files.size(alt) + Files.size(admin1) + Files.size(countries));

        Gazetteer g = overlay.load();
        assertThat(g.size()).isEqualTo(Gazetteer.loadDefault().size() + 3);
        GazetteerPlace z = g.find(90000001).orElseThrow();
        assertThat(z.nameAr()).isEqualTo("زقفالتراند");
        assertThat(z.admin1()).isEqualTo("Q9");
        assertThat(g.names().find("zqv")).isNegative();
        assertThat(g.names().find("zqual strand")).isNotNegative();
        GazetteerPlace innlandet = g.place(g.admin1Index("NO", "Q9"));
        assertThat(innlandet.geonameId()).isEqualTo(90000010);
        assertThat(innlandet.hasCoordinates()).isTrue(); // the median point of the places carrying NO.Q9
        assertThat(g.find(3144096).orElseThrow().isCountry()).isTrue();
        assertThat(g.sources()).extracting(Gazetteer.Source::name).anyMatch(n -> n.startsWith("NO.txt"));

        TextAnalyzer analyzer = TextAnalyzer.load(dir, List.of());
        Analysis a = analyzer.analyze(
                "Shelling was reported near Zqvaltrand on Friday, residents said. وقالت مصادر إن القصف طال زقفالتراند.",
                Optional.of(LocalDate.parse("2024-01-05")));
        assertThat(a.places()).extracting(PlaceMention::geonameId).contains(90000001L);
        assertThat(TextAnalyzer.load(tmp.resolve("elsewhere"), List.of())
                        .gazetteer()
                        .find(90000001))
                .isEmpty();
    }

    @Test
    void reads_the_zip_files_geonames_distributes_and_adds_to_earlier_imports(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("NO.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("GeoNames readme".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("NO.txt"));
            out.write(NO_TXT.getBytes(StandardCharsets.UTF_8));
        }
        GazetteerOverlay overlay = GazetteerOverlay.at(tmp.resolve("g"));
        overlay.importFiles(List.of(zip), n -> {});
        overlay.importFiles(List.of(write(tmp, "alternateNamesV2.txt", ALT)), n -> {});
        assertThat(overlay.imports())
                .extracting(GazetteerOverlay.Imported::file)
                .containsExactly("NO.zip!NO.txt", "alternateNamesV2.txt");
        // the compiled file goes missing: it is rebuilt from the recorded rows
        Files.delete(tmp.resolve("g/gazetteer.gaz"));
        Gazetteer g = overlay.load();
        assertThat(g.find(90000001).orElseThrow().nameAr()).isEqualTo("زقفالتراند");
        overlay.clear();
        assertThat(overlay.load().find(90000001)).isEmpty();
    }

    @Test
    void a_malformed_line_names_file_and_line_and_records_nothing(@TempDir Path tmp) throws IOException {
        GazetteerOverlay overlay = GazetteerOverlay.at(tmp.resolve("g"));
        overlay.importFiles(List.of(write(tmp, "NO.txt", NO_TXT)), n -> {});
        String bad = NO_TXT
                + geoname(90000004, "Brokenby", "", 61.8, 9.4, "P", "PPL", "NO", "Q9", 10)
                        .replace("61.8", "north")
                + "\n";
        Path badFile = write(tmp, "SE.txt", bad);
        assertThatThrownBy(() -> overlay.importFiles(List.of(badFile), n -> {}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SE.txt line 5")
                .hasMessageContaining("north");
        Path shortRow = write(tmp, "FI.txt", "90000005\tToo short\n");
        assertThatThrownBy(() -> overlay.importFiles(List.of(shortRow), n -> {}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("FI.txt line 1");
        Path badAlt = write(tmp, "alternateNamesV2.txt", "x\ty\n");
        assertThatThrownBy(() -> overlay.importFiles(List.of(badAlt), n -> {}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("alternateNamesV2.txt line 1");
        Path badAdmin = write(tmp, "admin1CodesASCII.txt", "NO34\tInnlandet\tInnlandet\t1\n");
        assertThatThrownBy(() -> overlay.importFiles(List.of(badAdmin), n -> {}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("admin1CodesASCII.txt line 1");
        assertThatThrownBy(() -> overlay.importFiles(List.of(tmp.resolve("missing.txt")), n -> {}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing.txt: no such file");
        Path notZip = write(tmp, "broken.zip", "not a zip");
        assertThatThrownBy(() -> overlay.importFiles(List.of(notZip), n -> {}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("broken.zip");

        assertThat(overlay.imports()).hasSize(1);
        try (var rows = Files.list(tmp.resolve("g/rows"))) {
            assertThat(rows.toList()).hasSize(1);
        }
        assertThat(overlay.load().find(90000001)).isPresent();
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }
}
