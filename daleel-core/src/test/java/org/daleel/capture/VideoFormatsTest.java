package org.daleel.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VideoFormatsTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void tells_video_containers_by_their_first_bytes() {
        assertThat(VideoFormats.sniff(bytes("\0\0\0\u0018ftypisom\0\0\2\0"), 16))
                .contains("video/mp4");
        assertThat(VideoFormats.sniff(bytes("\0\0\0\u0014ftypqt  \0\0\0\0"), 16))
                .contains("video/quicktime");
        assertThat(VideoFormats.sniff(bytes("\0\0\0\u0014ftyp3gp5\0\0\0\0"), 16))
                .contains("video/3gpp");
        assertThat(VideoFormats.sniff(bytes("\u001aE\u00df\u00a3\u009fB\u0082\u0084webmB"), 13))
                .contains("video/webm");
        assertThat(VideoFormats.sniff(bytes("\u001aE\u00df\u00a3\u009fB\u0082\u0088matroska"), 16))
                .contains("video/x-matroska");
        assertThat(VideoFormats.sniff(bytes("RIFF\0\0\0\0AVI LIST"), 16)).contains("video/x-msvideo");
    }

    @Test
    void pictures_and_audio_in_the_same_box_format_and_short_or_other_bodies_are_not_videos() {
        assertThat(VideoFormats.sniff(bytes("\0\0\0\u0018ftypheic\0\0\0\0"), 16))
                .isEmpty();
        assertThat(VideoFormats.sniff(bytes("\0\0\0\u0018ftypavif\0\0\0\0"), 16))
                .isEmpty();
        assertThat(VideoFormats.sniff(bytes("\0\0\0\u0018ftypM4A \0\0\0\0"), 16))
                .isEmpty();
        assertThat(VideoFormats.sniff(bytes("\0\0\0\u0018ftypisom"), 6)).isEmpty();
        assertThat(VideoFormats.sniff(bytes("<!doctype html><html>"), 21)).isEmpty();
        assertThat(VideoFormats.sniff(new byte[0], 0)).isEmpty();
    }

    @Test
    void names_streams_by_type_or_url() {
        assertThat(VideoFormats.streamKind("https://x.example/live/index.m3u8?token=1#t", ""))
                .isEqualTo(Optional.of("HLS"));
        assertThat(VideoFormats.streamKind("/a/manifest.MPD", "")).contains("DASH");
        assertThat(VideoFormats.streamKind("/hls/playlist", "application/vnd.apple.mpegURL; charset=utf-8"))
                .contains("HLS");
        assertThat(VideoFormats.streamKind("/dash", "application/dash+xml")).contains("DASH");
        assertThat(VideoFormats.streamKind("blob:https://x.example/6c1e-44", ""))
                .contains("MSE blob");
        assertThat(VideoFormats.streamKind("/v/clip.mp4", "video/mp4")).isEmpty();
        assertThat(VideoFormats.isVideoType("Video/MP4; codecs=avc1")).isTrue();
        assertThat(VideoFormats.isVideoType("application/octet-stream")).isFalse();
    }
}
