package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import org.daleel.archive.DataDir;
import org.daleel.archive.ItemOptions;
import org.daleel.archive.LocalArchive;
import org.daleel.core.Version;
import org.daleel.meta.MediaMetadata;
import org.daleel.web.DaleelServer;
import org.daleel.web.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wired archive reads pictures' EXIF, and {@link RemoteArchive} gets the same metadata from a
 * running server. exif-gps.jpg: a 64×48 JPEG with a hand-built EXIF segment (see daleel-media's
 * test ExifJpeg): Canon, "Canon EOS 5D &lt;Mark II&gt;", Photoshop, GPS 33.3128 N 44.3615 E.
 */
class PictureMetadataTest {
    @TempDir
    Path tmp;

    @Test
    void local_and_remote_archives_read_the_same_exif_metadata() throws IOException {
        DataDir dir = DataDir.at(tmp.resolve("data"));
        try (LocalArchive archive = Wiring.openWriter(dir)) {
            String id;
            try (InputStream in = getClass().getResourceAsStream("exif-gps.jpg")) {
                id = archive.importStream(in, "photo.jpg", ItemOptions.of("tester"))
                        .item()
                        .id();
            }
            MediaMetadata local = archive.metadata(id);
            assertThat(local.camera()).isEqualTo("Canon EOS 5D <Mark II>");
            assertThat(local.gps()).hasValueSatisfying(g -> {
                assertThat(g.latitude()).isBetween(33.31279, 33.31281);
                assertThat(g.source()).isEqualTo("EXIF");
            });

            ServerConfig config =
                    ServerConfig.defaults(Version.current()).withPort(0).withReplayPort(0);
            DaleelServer server = new DaleelServer(config, archive, archive.custody()).start();
            try (RemoteArchive remote = new RemoteArchive(URI.create(server.baseUrl()))) {
                assertThat(remote.metadata(id)).isEqualTo(local);
            } finally {
                server.stop();
            }
        }
    }
}
