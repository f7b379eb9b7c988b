package org.daleel.match;

import java.util.List;
import java.util.Objects;
import org.daleel.meta.MediaMetadata;

/**
 * What a {@link VideoAnalyser} made of a video: its probed properties as metadata, the PDQ hashes of
 * its sampled frames, and a note for the item.
 *
 * @param metadata duration, codecs, dimensions, creation time, GPS position and every probed tag
 *     ({@link MediaMetadata#empty()} when the video could not be probed)
 * @param frames the sampled frames that were hashed, in time order (all qualities; the index skips
 *     flat ones)
 * @param analysed whether frames were sampled at all (false: no decoder, or the file is not a
 *     readable video)
 * @param note one sentence for investigators, e.g. "video: 12.0 s, h264 640×360; 14 frames hashed"
 *     or "video not analysed: ffmpeg not found at /usr/bin/ffmpeg"
 */
public record VideoAnalysis(MediaMetadata metadata, List<MediaPart> frames, boolean analysed, String note) {
    public VideoAnalysis {
        Objects.requireNonNull(metadata, "metadata");
        frames = List.copyOf(frames);
        Objects.requireNonNull(note, "note");
    }

    /** Nothing analysed, for the reason given. */
    public static VideoAnalysis notAnalysed(String note) {
        return new VideoAnalysis(MediaMetadata.empty(), List.of(), false, note);
    }
}
