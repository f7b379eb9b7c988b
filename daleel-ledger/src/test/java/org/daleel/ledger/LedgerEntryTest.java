package org.daleel.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {
    static final String ITEM = "01JDQ3V6KX1Q8Z8Y7W6V5T4S3R";
    static final String SHA_A = "a".repeat(64);
    static final String SHA_B = "0123456789abcdef".repeat(4);

    static LedgerEntry sample(String note) {
        return new LedgerEntry(
                EntryKind.CAPTURE,
                ITEM,
                List.of(new PayloadDigest("warc", SHA_A, 5321), new PayloadDigest("payload", SHA_B, 0)),
                "cli:amina",
                Instant.parse("2024-11-25T10:20:30.123456Z"),
                "daleel/0.1.0",
                note);
    }

    @Test
    void encoding_is_canonical_json_with_sorted_members_and_no_whitespace() {
        String expected =
                "{\"actor\":\"cli:amina\",\"digests\":[{\"role\":\"warc\",\"sha256\":\"" + SHA_A + "\",\"size\":5321},"
                        + "{\"role\":\"payload\",\"sha256\":\"" + SHA_B + "\",\"size\":0}],\"item\":\"" + ITEM
                        + "\",\"kind\":\"CAPTURE\","
                        + "\"note\":\"Aleppo \u2014 \u062d\u0644\u0628 \\\"east\\\"\\n\\u0001\",\"time\":1732530030123,\"tool\":\"daleel/0.1.0\",\"v\":1}";
        byte[] bytes =
                sample("Aleppo \u2014 \u062d\u0644\u0628 \"east\"\n\u0001").encode();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void entries_round_trip_and_an_empty_note_is_left_out() {
        for (LedgerEntry e : List.of(
                sample(""),
                sample("a note / with \\ and \t tab and \uD83D\uDE00"),
                LedgerEntry.keyRotation("o+1+AQ", "n+2+AQ", "admin", Instant.EPOCH, "daleel/0.1.0", "new+key"))) {
            byte[] bytes = e.encode();
            assertThat(LedgerEntry.decode(bytes)).isEqualTo(e);
            assertThat(LedgerEntry.decode(bytes).encode()).isEqualTo(bytes);
        }
        assertThat(new String(sample("").encode(), StandardCharsets.UTF_8)).doesNotContain("note");
        // Sub-millisecond precision is not part of the entry.
        assertThat(sample("").time()).isEqualTo(Instant.parse("2024-11-25T10:20:30.123Z"));
    }

    @Test
    void other_spellings_of_the_same_entry_are_refused() throws Exception {
        String canonical = new String(sample("x/y").encode(), StandardCharsets.UTF_8);
        List<String> variants = List.of(
                canonical.replace(",", ", "),
                " " + canonical,
                canonical + "\n",
                canonical
                        .replace("{\"actor\":\"cli:amina\",", "{")
                        .replace("\"v\":1}", "\"v\":1,\"actor\":\"cli:amina\"}"),
                canonical.replace("\"size\":5321", "\"size\":5321.0"),
                canonical.replace("\"size\":5321", "\"size\":05321"),
                canonical.replace("\"size\":5321", "\"size\":5.321e3"),
                canonical.replace("cli:amina", "cli:\\u0061mina"),
                canonical.replace("x/y", "x\\/y"),
                canonical.replace("\"v\":1}", "\"note\":\"\",\"v\":1}").replace(",\"note\":\"x/y\"", ""),
                canonical.replace("\"v\":1}", "\"v\":1,\"v\":1}"),
                canonical.replace("\"v\":1}", "\"extra\":1,\"v\":1}"),
                canonical.replace("\"v\":1", "\"v\":2"),
                canonical.replace("CAPTURE", "capture"),
                canonical.replace(SHA_A, SHA_A.toUpperCase()));
        for (String v : variants) {
            assertThat(v).isNotEqualTo(canonical);
            assertThatThrownBy(() -> LedgerEntry.decode(v.getBytes(StandardCharsets.UTF_8)))
                    .as(v)
                    .isInstanceOf(InvalidInputException.class);
        }
        // A general JSON library's renderings of the same object: pretty-printed, or with members
        // in another order, are refused unless they happen to be the canonical bytes.
        ObjectMapper json = new ObjectMapper();
        JsonNode tree = json.readTree(canonical);
        String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        assertThatThrownBy(() -> LedgerEntry.decode(pretty.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
        ObjectNode reversed = json.createObjectNode();
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(tree.properties());
        Collections.reverse(members);
        members.forEach(m -> reversed.set(m.getKey(), m.getValue()));
        assertThatThrownBy(() -> LedgerEntry.decode(json.writeValueAsBytes(reversed)))
                .isInstanceOf(InvalidInputException.class);
        // Sorted by Jackson itself, the compact rendering is exactly ours.
        Object sorted = json.convertValue(tree, TreeMap.class);
        byte[] jacksonSorted = json.copy()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsBytes(sorted);
        assertThat(LedgerEntry.decode(jacksonSorted)).isEqualTo(sample("x/y"));
    }

    @Test
    void malformed_and_invalid_entries_are_refused_with_a_reason() {
        assertThatThrownBy(() -> LedgerEntry.decode(new byte[] {(byte) 0xc3, 0x28}))
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> LedgerEntry.decode("[]".getBytes())).hasMessageContaining("object");
        assertThatThrownBy(() -> LedgerEntry.decode("{\"v\":1}".getBytes())).hasMessageContaining("missing");
        assertThatThrownBy(() -> new LedgerEntry(EntryKind.IMPORT, "not-an-id", List.of(), "a", Instant.EPOCH, "t", ""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not-an-id");
        assertThatThrownBy(() -> new LedgerEntry(EntryKind.KEY_ROTATION, ITEM, List.of(), "a", Instant.EPOCH, "t", ""))
                .hasMessageContaining("must be empty");
        assertThatThrownBy(
                        () -> new LedgerEntry(EntryKind.IMPORT, ITEM, List.of(), "two\nlines", Instant.EPOCH, "t", ""))
                .hasMessageContaining("actor");
        assertThatThrownBy(() ->
                        new LedgerEntry(EntryKind.IMPORT, ITEM, List.of(), "a", Instant.ofEpochMilli(-1), "t", ""))
                .hasMessageContaining("1970");
        assertThatThrownBy(() -> new LedgerEntry(EntryKind.IMPORT, ITEM, List.of(), "a", Instant.EPOCH, "t", "\uD800"))
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> new PayloadDigest("WARC", SHA_A, 1)).hasMessageContaining("WARC");
        assertThatThrownBy(() -> new PayloadDigest("warc", "abc", 1)).hasMessageContaining("abc");
        assertThatThrownBy(() -> new PayloadDigest("warc", SHA_A, -1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> EntryKind.parse("DELETE")).hasMessageContaining("DELETION_REQUEST");
        assertThatThrownBy(() -> sample("x".repeat(70_000)).encode()).hasMessageContaining("65535");
    }

    @Provide
    Arbitrary<LedgerEntry> entries() {
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(40).filter(CanonicalJson::isWellFormed);
        Arbitrary<String> line = Arbitraries.strings()
                .all()
                .ofMinLength(1)
                .ofMaxLength(30)
                .filter(s -> CanonicalJson.isWellFormed(s) && s.chars().noneMatch(c -> c < 0x20 || c == 0x7f));
        Arbitrary<PayloadDigest> digest = Combinators.combine(
                        Arbitraries.of("warc", "payload", "screenshot", "thumb.jpg"),
                        Arbitraries.strings().withChars("0123456789abcdef").ofLength(64),
                        Arbitraries.longs().between(0, (1L << 53) - 1))
                .as(PayloadDigest::new);
        return Combinators.combine(
                        Arbitraries.of(EntryKind.values()),
                        digest.list().ofMaxSize(4),
                        line,
                        Arbitraries.longs().between(0, 253_402_300_799_999L),
                        line,
                        anyText)
                .as((kind, digests, actor, millis, tool, note) -> kind == EntryKind.KEY_ROTATION
                        ? LedgerEntry.keyRotation(
                                "old+" + tool, "new+" + tool, actor, Instant.ofEpochMilli(millis), tool, note)
                        : new LedgerEntry(
                                kind,
                                kind.concernsItem() ? ITEM : "",
                                digests,
                                actor,
                                Instant.ofEpochMilli(millis),
                                tool,
                                note));
    }

    @Property(tries = 200)
    void every_entry_round_trips_to_itself_and_its_bytes(@ForAll("entries") LedgerEntry e) throws Exception {
        byte[] bytes = e.encode();
        assertThat(LedgerEntry.decode(bytes)).isEqualTo(e);
        // Any standard JSON reader sees the same values.
        JsonNode node = new ObjectMapper().readTree(bytes);
        assertThat(node.get("actor").asText()).isEqualTo(e.actor());
        assertThat(node.get("time").asLong()).isEqualTo(e.time().toEpochMilli());
        assertThat(node.has("note") ? node.get("note").asText() : "").isEqualTo(e.note());
    }
}
