package org.daleel.media.pdq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Meta's PDQ test images and reference hashes, copied into test resources (see its README.md). */
final class ConformanceData {
    private ConformanceData() {}

    static Path root() {
        try {
            return Path.of(ConformanceData.class
                            .getResource("/conformance/pdq/reference-meta-java.csv")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path image(String file) {
        return root().resolve("images").resolve(file);
    }

    /** Rows of a reference CSV keyed by its first column (file), each as column name to value. */
    static Map<String, Map<String, String>> csv(String name) {
        try {
            List<String> lines = Files.readAllLines(root().resolve(name), StandardCharsets.UTF_8);
            List<String> header = Arrays.asList(lines.get(0).split(","));
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells[i]);
                }
                rows.put(cells[0], row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> javaReferenceFiles() {
        return new ArrayList<>(csv("reference-meta-java.csv").keySet());
    }
}
