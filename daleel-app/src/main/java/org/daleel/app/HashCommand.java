package org.daleel.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.daleel.core.DaleelException;
import org.daleel.media.pdq.Dihedral;
import org.daleel.media.pdq.PdqDihedralHashes;
import org.daleel.media.pdq.PdqHasher;
import org.daleel.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daleel hash FILE...}: PDQ perceptual hashes, nothing stored. */
@Command(
        name = "hash",
        mixinStandardHelpOptions = true,
        description = {
            "Print the PDQ perceptual hash and quality of images.",
            "PDQ is Meta's perceptual hash; this one agrees bit for bit with Meta's reference.",
            "Hashes are 64 lowercase hex chars in Meta's bit order; quality is 0-100 (below 50: too flat to trust).",
            "Two images are near-duplicates when their hashes differ in 31 bits or fewer. Nothing is stored."
        })
final class HashCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Image files (JPEG, PNG, GIF, BMP, TIFF, ...).")
    List<Path> files;

    @Option(
            names = "--json",
            description = "One JSON object a line: file, pdq, quality (and dihedral with --dihedral).")
    boolean json;

    @Option(names = "--dihedral", description = "Also print the hashes of the seven rotations and mirror images.")
    boolean dihedral;

    @Override
    public Integer call() {
        PdqHasher hasher = new PdqHasher();
        int failures = 0;
        for (Path file : files) {
            try {
                PdqDihedralHashes all = dihedral ? hasher.hashDihedral(file) : null;
                var h = all != null ? all.original() : hasher.hash(file);
                if (json) {
                    var o = Json.object();
                    o.put("file", file.toString());
                    o.put("pdq", h.hash().toHex());
                    o.put("quality", h.quality());
                    if (all != null) {
                        var d = o.putObject("dihedral");
                        for (Dihedral t : Dihedral.values()) {
                            d.put(t.label(), all.hash(t).toHex());
                        }
                    }
                    System.out.println(Json.write(o));
                } else {
                    System.out.println(h.hash().toHex() + "  " + h.quality() + "  " + file);
                    if (all != null) {
                        for (Dihedral t : Dihedral.values()) {
                            System.out.println("  " + all.hash(t).toHex() + "  " + t.label());
                        }
                    }
                }
            } catch (IOException | DaleelException e) {
                System.err.println("daleel: " + (e.getMessage() == null ? file + ": " + e : e.getMessage()));
                failures++;
            }
        }
        return failures == 0 ? 0 : 2;
    }
}
