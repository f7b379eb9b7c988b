package org.daleel.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The transparency-dev/merkle proof vectors (copied into src/test/resources/conformance/merkle with
 * their licence): every happy path verifies, every {@code wantErr} vector is rejected.
 */
class MerkleVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> inclusion_vectors_verify_or_are_rejected_as_published() throws Exception {
        return vectors("inclusion").stream()
                .map(file -> DynamicTest.dynamicTest(file.name(), () -> {
                    JsonNode v = file.json();
                    boolean ok = MerkleTree.verifyInclusion(
                            unsigned(v.get("leafIdx")),
                            unsigned(v.get("treeSize")),
                            b64(v.get("leafHash")),
                            hashes(v.get("proof")),
                            b64(v.get("root")));
                    assertThat(ok)
                            .as(file.name() + ": " + v.get("desc").asText())
                            .isEqualTo(!v.get("wantErr").asBoolean());
                }));
    }

    @TestFactory
    Stream<DynamicTest> consistency_vectors_verify_or_are_rejected_as_published() throws Exception {
        return vectors("consistency").stream()
                .map(file -> DynamicTest.dynamicTest(file.name(), () -> {
                    JsonNode v = file.json();
                    boolean ok = MerkleTree.verifyConsistency(
                            unsigned(v.get("size1")),
                            unsigned(v.get("size2")),
                            hashes(v.get("proof")),
                            b64(v.get("root1")),
                            b64(v.get("root2")));
                    assertThat(ok)
                            .as(file.name() + ": " + v.get("desc").asText())
                            .isEqualTo(!v.get("wantErr").asBoolean());
                }));
    }

    @Test
    void the_vector_set_is_complete_enough_to_mean_something() throws Exception {
        List<Vector> inclusion = vectors("inclusion");
        List<Vector> consistency = vectors("consistency");
        assertThat(inclusion).hasSizeGreaterThan(90);
        assertThat(consistency).hasSizeGreaterThan(90);
        long happy = Stream.concat(inclusion.stream(), consistency.stream())
                .filter(v -> !v.json().get("wantErr").asBoolean())
                .count();
        assertThat(happy).isGreaterThanOrEqualTo(10);
        assertThat(inclusion.stream()
                        .anyMatch(v -> v.json().get("leafIdx").asText().equals("18446744073709551615")))
                .as("vectors with index 2^64-1 are present")
                .isTrue();
    }

    @Test
    void happy_path_vectors_are_reproduced_by_proof_generation_on_the_reference_tree() throws Exception {
        // inclusion/<n>/happy-path.json are proofs in the 8-leaf RFC 6962 reference tree.
        MemoryTree tree = MemoryTree.of(Rfc6962Reference.leafHashes());
        for (Vector file : vectors("inclusion")) {
            JsonNode v = file.json();
            if (file.name().endsWith("/happy-path.json") && v.get("treeSize").asLong() == 8) {
                List<byte[]> proof = MerkleTree.inclusionProof(v.get("leafIdx").asLong(), 8, tree);
                assertThat(proof)
                        .as(file.name())
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(hashes(v.get("proof")));
            }
        }
        for (Vector file : vectors("consistency")) {
            JsonNode v = file.json();
            if (file.name().endsWith("/happy-path.json") && v.get("size2").asLong() <= 8) {
                List<byte[]> proof = MerkleTree.consistencyProof(
                        v.get("size1").asLong(), v.get("size2").asLong(), tree);
                assertThat(proof)
                        .as(file.name())
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(hashes(v.get("proof")));
            }
        }
    }

    record Vector(String name, JsonNode json) {}

    static List<Vector> vectors(String kind) throws IOException, URISyntaxException {
        URL url = MerkleVectorsTest.class.getResource("/conformance/merkle/" + kind);
        assertThat(url).as("test resource conformance/merkle/" + kind).isNotNull();
        URI uri = url.toURI();
        if (uri.getScheme().equals("jar")) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                return read(fs.provider().getPath(uri));
            }
        }
        return read(Path.of(uri));
    }

    private static List<Vector> read(Path root) throws IOException {
        List<Vector> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(new Vector(
                        root.relativize(p).toString().replace('\\', '/'), JSON.readTree(Files.readString(p))));
            }
        }
        return out;
    }

    /** Unsigned 64-bit JSON number into a long (2^64-1 becomes -1L). */
    static long unsigned(JsonNode n) {
        return n.bigIntegerValue().longValue();
    }

    static byte[] b64(JsonNode n) {
        return n == null || n.isNull() ? new byte[0] : Base64.getDecoder().decode(n.asText());
    }

    static List<byte[]> hashes(JsonNode n) {
        List<byte[]> out = new ArrayList<>();
        if (n != null && !n.isNull()) {
            n.forEach(e -> out.add(Base64.getDecoder().decode(e.asText())));
        }
        return out;
    }
}
