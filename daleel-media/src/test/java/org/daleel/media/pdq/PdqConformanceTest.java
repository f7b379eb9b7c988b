package org.daleel.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.daleel.match.Hash256;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement with Meta's reference implementations on Meta's own test images: every hash within 4
 * bits of Meta's Java and 12 of Meta's C++ (which resizes to 512x512 first and decodes with other
 * libraries), quality within 1 of Meta's Java, and each dihedral hash within 4 bits.
 */
class PdqConformanceTest {
    private static final int MAX_BITS_FROM_JAVA = 4;
    private static final int MAX_BITS_FROM_CPP = 12;
    private static final int MAX_QUALITY_DIFFERENCE = 1;

    private static final PdqHasher HASHER = new PdqHasher();
    private static final Map<String, Map<String, String>> JAVA = ConformanceData.csv("reference-meta-java.csv");
    private static final Map<String, Map<String, String>> CPP = ConformanceData.csv("reference-cpp.csv");
    private static final Map<String, Map<String, String>> DIHEDRAL =
            ConformanceData.csv("reference-meta-java-dihedral.csv");

    static List<String> images() {
        return ConformanceData.javaReferenceFiles();
    }

    static List<String> dihedralImages() {
        return List.copyOf(DIHEDRAL.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void hash_is_within_4_bits_of_meta_java_and_12_of_meta_cpp(String file) throws IOException {
        PdqHash got = HASHER.hash(ConformanceData.image(file));

        Hash256 java = Hash256.fromHex(JAVA.get(file).get("pdq"));
        assertThat(got.hash().distance(java))
                .as("%s: %s vs Meta Java %s", file, got.hash(), java)
                .isLessThanOrEqualTo(MAX_BITS_FROM_JAVA);
        if (CPP.containsKey(file)) {
            Hash256 cpp = Hash256.fromHex(CPP.get(file).get("pdq"));
            assertThat(got.hash().distance(cpp))
                    .as("%s: %s vs Meta C++ %s", file, got.hash(), cpp)
                    .isLessThanOrEqualTo(MAX_BITS_FROM_CPP);
        }
        int javaQuality = Integer.parseInt(JAVA.get(file).get("quality"));
        assertThat(got.quality()).as("%s quality", file).isCloseTo(javaQuality, within(MAX_QUALITY_DIFFERENCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dihedralImages")
    void each_dihedral_hash_is_within_4_bits_of_meta_java(String file) throws IOException {
        PdqDihedralHashes got = HASHER.hashDihedral(ConformanceData.image(file));

        Map<String, String> ref = DIHEDRAL.get(file);
        String[] columns = {
            "original", "rotate90", "rotate180", "rotate270", "flipx", "flipy", "flip_plus1", "flip_minus1"
        };
        for (Dihedral d : Dihedral.values()) {
            Hash256 expected = Hash256.fromHex(ref.get(columns[d.ordinal()]));
            assertThat(got.hash(d).distance(expected))
                    .as("%s %s: %s vs Meta Java %s", file, d, got.hash(d), expected)
                    .isLessThanOrEqualTo(MAX_BITS_FROM_JAVA);
        }
        int javaQuality = Integer.parseInt(ref.get("quality"));
        assertThat(got.quality()).isCloseTo(javaQuality, within(MAX_QUALITY_DIFFERENCE));
        assertThat(got.original()).isEqualTo(HASHER.hash(ConformanceData.image(file)));
    }
}
