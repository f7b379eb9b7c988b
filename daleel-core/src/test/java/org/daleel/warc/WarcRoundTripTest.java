package org.daleel.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.daleel.blob.Digests;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResource;

class WarcRoundTripTest {

    @Property(tries = 100)
    void any_payloads_read_back_identical_with_matching_digests_and_offsets(
            @ForAll @Size(min = 1, max = 5) List<@Size(max = 3000) List<Byte>> payloads,
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String path)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WarcWriter writer = new WarcWriter(Channels.newChannel(out));
        List<byte[]> bodies = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (List<Byte> p : payloads) {
            byte[] body = new byte[p.size()];
            for (int i = 0; i < body.length; i++) {
                body[i] = p.get(i);
            }
            bodies.add(body);
            offsets.add(writer.write(WarcRecord.builder(WarcType.RESOURCE)
                    .targetUri("http://example.org/" + path)
                    .contentType("application/octet-stream")
                    .block(WarcBlock.payload(body))
                    .build()));
        }
        byte[] file = out.toByteArray();
        for (int i = 0; i < bodies.size(); i++) {
            byte[] tail = java.util.Arrays.copyOfRange(file, offsets.get(i).intValue(), file.length);
            try (WarcReader reader = new WarcReader(new java.io.ByteArrayInputStream(tail))) {
                WarcResource r = (WarcResource) reader.next().orElseThrow();
                byte[] read = r.body().stream().readAllBytes();
                assertThat(read).isEqualTo(bodies.get(i));
                assertThat(r.target()).isEqualTo("http://example.org/" + path);
                assertThat(r.headers().first("WARC-Payload-Digest"))
                        .contains("sha256:" + Digests.sha256Hex(bodies.get(i)));
                assertThat(new String(
                                r.headers()
                                        .first("WARC-Block-Digest")
                                        .orElseThrow()
                                        .getBytes(),
                                StandardCharsets.US_ASCII))
                        .isEqualTo("sha256:" + Digests.sha256Hex(bodies.get(i)));
            }
        }
    }
}
