package org.daleel.app;

import java.nio.file.Path;
import org.daleel.archive.DataDir;
import picocli.CommandLine.Option;

/** Options every command takes: where the data lives and how to print. */
final class DataOptions {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory (default: $DALEEL_DATA, else ./daleel-data).")
    Path data;

    @Option(names = "--json", description = "Print machine-readable JSON on stdout.")
    boolean json;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    DataDir dataDir() {
        if (data != null) {
            return DataDir.at(data);
        }
        String env = System.getenv("DALEEL_DATA");
        return DataDir.at(Path.of(env != null && !env.isBlank() ? env : "daleel-data"));
    }
}
