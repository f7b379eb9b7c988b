package org.daleel.match;

import java.nio.file.Path;
import org.daleel.meta.MediaMetadata;

/**
 * Reads videos (MP4, WebM, MOV, ...): probes their properties and samples frames to hash, so that a
 * still or a clip taken from an archived video finds it.
 *
 * <p>Contract:
 * <ul>
 *   <li>Never throws for bad input or a missing decoder: a corrupt or truncated file, one that is not
 *       a video, or a decoder that cannot be run gives a {@link VideoAnalysis} with
 *       {@code analysed == false} (or the frames read before the fault) and a note saying why.
 *   <li>Bounded: a number of frames, pixels per frame, and wall-clock time per call set by the
 *       adapter; a video that hits a bound is analysed partly and the note says which bound stopped it.
 *   <li>Thread-safe; it reads the file and changes nothing.
 * </ul>
 */
public interface VideoAnalyser {

    /** Probes {@code file} and hashes its sampled frames; {@code name} (file name or URL) is for notes. */
    VideoAnalysis analyse(Path file, String name);

    /** Probes {@code file} only (duration, codecs, dimensions, creation time, GPS, tags); cheap. */
    MediaMetadata probe(Path file, String name);

    /** An analyser that has no decoder: every video is stored with a note saying so. */
    static VideoAnalyser none() {
        return new VideoAnalyser() {
            @Override
            public VideoAnalysis analyse(Path file, String name) {
                return VideoAnalysis.notAnalysed("video not analysed: no video decoder is configured");
            }

            @Override
            public MediaMetadata probe(Path file, String name) {
                return MediaMetadata.empty();
            }
        };
    }
}
