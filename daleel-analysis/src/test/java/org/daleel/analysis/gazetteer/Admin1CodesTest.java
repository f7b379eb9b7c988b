package org.daleel.analysis.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The world's first-level divisions: GeoNames admin1CodesASCII.txt read from a jar and merged by the builder. */
class Admin1CodesTest {
    // 90000001..: ids in no GeoNames release; three towns of NO.Q1, one of them far off (an island)
    private static final String TOWNS = String.join(
                    "\n",
                    town(90000001, "Zqvaltrand", 61.0, 9.0, "Q1", 1000),
                    town(90000002, "Zqbyen", 61.2, 9.4, "Q1", 3000),
                    town(90000003, "Zqoya", 70.0, 20.0, "Q1", 500),
                    town(90000004, "Zqsentrum", 60.0, 10.0, "Q2", 700))
            + "\n";

    private static final String ADMIN1 = String.join(
                    "\n",
                    "NO.Q1\tZqvinnland\tZqvinnland\t90000010",
                    "NO.Q2\tCentral\tCentral\t90000011", // a generic name: placed, not recognised
                    "NO.Q3\tZqempty\tZqempty\t90000012", // no place carries NO.Q3: skipped
                    "NO.Q4\tZqvaltrand\tZqvaltrand\t90000001") // the id of a town: the town is kept
            + "\n";

    private static String town(long id, String name, double lat, double lon, String admin1, long pop) {
        return id + "\t" + name + "\t" + name + "\t\t" + lat + "\t" + lon + "\tP\tPPL\tNO\t\t" + admin1 + "\t\t\t\t"
                + pop + "\t\t\tEurope/Oslo\t2020-01-01";
    }

    private static Gazetteer build() throws IOException {
        GazetteerBuilder b = Gazetteer.builder();
        b.addGeoNames(new ByteArrayInputStream(TOWNS.getBytes(StandardCharsets.UTF_8)), "NO.txt");
        GazetteerBuilder.Admin1Counts c =
                b.addAdmin1Codes(new ByteArrayInputStream(ADMIN1.getBytes(StandardCharsets.UTF_8)), "admin1");
        assertThat(c).isEqualTo(new GazetteerBuilder.Admin1Counts(2, 0, 2));
        return b.build();
    }

    @Test
    void a_division_gets_its_codes_the_median_point_and_the_summed_population_of_its_places() throws IOException {
        Gazetteer g = build();
        GazetteerPlace d = g.place(g.admin1Index("NO", "Q1"));
        assertThat(d.geonameId()).isEqualTo(90000010);
        assertThat(d.isAdmin1()).isTrue();
        assertThat(d.featureClass()).isEqualTo('A');
        // the median, not the mean: the island at 70N 20E does not drag the centre north
        assertThat(d.lat()).isEqualTo(61.2);
        assertThat(d.lon()).isEqualTo(9.4);
        assertThat(d.population()).isEqualTo(4500);
        assertThat(g.names().find("zqvinnland")).isNotNegative();
    }

    @Test
    void generic_names_are_not_recognised_memberless_divisions_and_town_ids_are_skipped() throws IOException {
        Gazetteer g = build();
        GazetteerPlace central = g.find(90000011).orElseThrow();
        assertThat(central.isAdmin1()).isTrue();
        assertThat(central.hasCoordinates()).isTrue();
        assertThat(g.names().find("central")).isNegative();
        assertThat(g.find(90000012)).isEmpty();
        assertThat(g.find(90000001).orElseThrow().featureCode()).isEqualTo("PPL");
    }

    @Test
    void generic_division_names_are_those_made_of_directions_and_administrative_words() {
        assertThat(GazetteerBuilder.genericDivisionName("Central")).isTrue();
        assertThat(GazetteerBuilder.genericDivisionName("North West")).isTrue();
        assertThat(GazetteerBuilder.genericDivisionName("Far North")).isTrue();
        assertThat(GazetteerBuilder.genericDivisionName("Eastern Province")).isTrue();
        assertThat(GazetteerBuilder.genericDivisionName("North-West")).isTrue();
        assertThat(GazetteerBuilder.genericDivisionName("Northern Ireland")).isFalse();
        assertThat(GazetteerBuilder.genericDivisionName("North Darfur")).isFalse();
        assertThat(GazetteerBuilder.genericDivisionName("Punjab")).isFalse();
    }

    @Test
    void a_malformed_admin1_line_is_an_error_naming_the_line() {
        GazetteerBuilder b = Gazetteer.builder();
        assertThatThrownBy(() -> b.addAdmin1Codes(
                        new ByteArrayInputStream(
                                "NO.Q1\tZq\tZq\t1\nNOQ1\tZq\tZq\t2\n".getBytes(StandardCharsets.UTF_8)),
                        "admin1CodesASCII.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("admin1CodesASCII.txt line 2")
                .hasMessageContaining("expected an admin1 row");
    }

    @Test
    void the_compiler_reads_the_entry_from_the_jar_it_pinned(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("geo.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(GazetteerCompiler.ADMIN1_ENTRY));
            zip.write(ADMIN1.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        String sha = GazetteerCompiler.sha256(jar);
        assertThat(new String(GazetteerCompiler.admin1(jar, sha), StandardCharsets.UTF_8))
                .isEqualTo(ADMIN1);
        assertThatThrownBy(() -> GazetteerCompiler.admin1(jar, "00" + sha.substring(2)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("expected the pinned");
        assertThatThrownBy(() -> GazetteerCompiler.admin1(tmp.resolve("missing.jar"), sha))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing.jar is missing");
        Path empty = tmp.resolve("empty.jar");
        try (OutputStream out = Files.newOutputStream(empty);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> GazetteerCompiler.admin1(empty, GazetteerCompiler.sha256(empty)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has no entry " + GazetteerCompiler.ADMIN1_ENTRY);
    }
}
