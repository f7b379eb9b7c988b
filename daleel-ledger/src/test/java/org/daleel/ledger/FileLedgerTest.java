package org.daleel.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.daleel.core.ConflictException;
import org.daleel.core.IntegrityException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.item.ItemIds;
import org.daleel.ledger.merkle.MemoryTree;
import org.daleel.ledger.merkle.MerkleTree;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.NoteSigner;
import org.daleel.ledger.note.NoteVerifier;
import org.daleel.ledger.note.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLedgerTest {
    static final String ORIGIN = "daleel.test/ledger";

    @TempDir
    Path dir;

    static byte[] entry(int i) {
        return ("entry " + i + " " + "x".repeat(i % 50)).getBytes(StandardCharsets.UTF_8);
    }

    static List<byte[]> appendAll(FileLedger ledger, int from, int to) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            byte[] e = entry(i);
            assertThat(ledger.append(e)).isEqualTo(i);
            out.add(e);
        }
        return out;
    }

    @Test
    void a_new_ledger_has_an_owner_only_key_a_public_vkey_and_a_signed_empty_checkpoint() throws IOException {
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            assertThat(ledger.size()).isZero();
            assertThat(Files.getPosixFilePermissions(dir.resolve("log.key")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(dir.resolve("log.key"))).startsWith("PRIVATE+KEY+" + ORIGIN + "+");
            assertThat(Files.readString(dir.resolve("log.vkey")).strip()).isEqualTo(ledger.verifierKey());
            NoteVerifier v = NoteVerifier.parse(ledger.verifierKey());
            // The vkey splits correctly from either end (see FileLedger.newKey).
            assertThat(ledger.verifierKey().split("\\+")).hasSize(3);
            Checkpoint c = Checkpoint.open(SignedNote.parse(ledger.checkpoint()), v);
            assertThat(c.origin()).isEqualTo(ORIGIN);
            assertThat(c.size()).isZero();
            assertThat(c.root()).isEqualTo(MerkleTree.emptyRoot());
            assertThat(Files.readString(dir.resolve("checkpoint"))).isEqualTo(ledger.checkpoint());
            assertThat(ledger.verify()).isInstanceOf(LedgerVerification.Intact.class);
        }
    }

    @Test
    void appended_entries_read_back_exactly_under_a_checkpoint_that_covers_them() throws IOException {
        List<byte[]> entries = new ArrayList<>();
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            for (EntryKind kind : List.of(EntryKind.CAPTURE, EntryKind.IMPORT, EntryKind.ANNOTATION)) {
                byte[] e = new LedgerEntry(
                                kind,
                                ItemIds.next(Instant.now()),
                                List.of(new PayloadDigest("warc", "ab".repeat(32), 42)),
                                "cli:test",
                                Instant.now(),
                                "daleel/test",
                                "")
                        .encode();
                entries.add(e);
                ledger.append(e);
            }
            assertThat(ledger.size()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(ledger.entry(i)).isEqualTo(entries.get(i));
                assertThat(LedgerEntry.decode(ledger.entry(i)).encode()).isEqualTo(entries.get(i));
            }
            Checkpoint c =
                    Checkpoint.open(SignedNote.parse(ledger.checkpoint()), NoteVerifier.parse(ledger.verifierKey()));
            assertThat(c.size()).isEqualTo(3);
            assertThat(c.root())
                    .isEqualTo(MerkleTree.root(
                            entries.stream().map(MerkleTree::leafHash).toList()));
            assertThat(ledger.rootHash(3)).isEqualTo(c.root());
        }
    }

    @Test
    void a_receipt_verifies_offline_as_the_acceptance_check_reads_it() throws IOException {
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            List<byte[]> entries = appendAll(ledger, 0, 11);
            NoteVerifier v = NoteVerifier.parse(ledger.verifierKey());
            for (int i = 0; i < entries.size(); i++) {
                String text = ledger.tlogProof(i);
                String[] lines = text.split("\n", -1);
                assertThat(lines[0]).isEqualTo("c2sp.org/tlog-proof@v1");
                assertThat(lines[1]).isEqualTo("index " + i);
                assertThat(text).endsWith("\n\n" + ledger.checkpoint());
                TlogProof proof = TlogProof.parse(text);
                assertThat(proof.format()).isEqualTo(text);
                assertThat(proof.verifies(entries.get(i), v)).isTrue();
                assertThat(proof.verifies(entries.get((i + 1) % entries.size()), v))
                        .isFalse();
                assertThat(proof.verifies(
                                entries.get(i), NoteSigner.generate(ORIGIN).verifier()))
                        .isFalse();
            }
            assertThatThrownBy(() -> ledger.tlogProof(11)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void proofs_and_roots_at_every_older_size_match_an_in_memory_tree() throws IOException {
        int n = 520;
        List<byte[]> entries;
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            entries = concurrently(ledger, n);
        }
        MemoryTree tree =
                MemoryTree.of(entries.stream().map(MerkleTree::leafHash).toList());
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            for (int size = 0; size <= n; size += (size < 300 ? 1 : 31)) {
                assertThat(ledger.rootHash(size)).as("root %d", size).isEqualTo(MerkleTree.root(size, tree));
            }
            for (int size : new int[] {1, 2, 255, 256, 257, 511, 512, 513, 519, 520}) {
                for (int i : new int[] {0, Math.min(1, size - 1), size / 2, size - 1}) {
                    assertThat(ledger.inclusionProof(i, size))
                            .as("inclusion %d/%d", i, size)
                            .usingElementComparator(Arrays::compare)
                            .containsExactlyElementsOf(MerkleTree.inclusionProof(i, size, tree));
                }
                for (int old : new int[] {1, 3, 256, 300, size}) {
                    if (old <= size) {
                        List<byte[]> proof = ledger.consistencyProof(old, size);
                        assertThat(proof)
                                .usingElementComparator(Arrays::compare)
                                .containsExactlyElementsOf(MerkleTree.consistencyProof(old, size, tree));
                        assertThat(MerkleTree.verifyConsistency(
                                        old, size, proof, ledger.rootHash(old), ledger.rootHash(size)))
                                .isTrue();
                    }
                }
            }
            assertThatThrownBy(() -> ledger.inclusionProof(0, n + 1)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> ledger.consistencyProof(0, n)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> ledger.inclusionProof(n, n)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void tiles_follow_tlog_tiles_paths_and_full_tiles_replace_their_partials() throws IOException {
        List<byte[]> entries;
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            entries = new ArrayList<>(concurrently(ledger, 512));
            entries.addAll(appendAll(ledger, 512, 600));
        }
        for (String p : List.of(
                "tile/0/000",
                "tile/0/001",
                "tile/0/002.p/88",
                "tile/1/000.p/2",
                "tile/entries/000",
                "tile/entries/001",
                "tile/entries/002.p/88")) {
            assertThat(dir.resolve(p)).as(p).isRegularFile();
        }
        assertThat(dir.resolve("tile/0/000.p")).doesNotExist();
        assertThat(dir.resolve("tile/entries/001.p")).doesNotExist();
        // Partial tiles of earlier checkpoints in the current tile stay (c2sp.org/tlog-tiles).
        assertThat(dir.resolve("tile/0/002.p/87")).isRegularFile();
        List<byte[]> leaves = entries.stream().map(MerkleTree::leafHash).toList();
        byte[] level1 = Files.readAllBytes(dir.resolve("tile/1/000.p/2"));
        assertThat(Arrays.copyOfRange(level1, 0, 32)).isEqualTo(MerkleTree.root(leaves.subList(0, 256)));
        assertThat(Arrays.copyOfRange(level1, 32, 64)).isEqualTo(MerkleTree.root(leaves.subList(256, 512)));
        byte[] bundle = Files.readAllBytes(dir.resolve("tile/entries/001"));
        assertThat(TreeEdge.decodeBundle(bundle))
                .usingElementComparator(Arrays::compare)
                .containsExactlyElementsOf(entries.subList(256, 512));
        assertThat(Files.readAllBytes(dir.resolve("tile/0/001"))).isEqualTo(TreeEdge.concat(leaves.subList(256, 512)));
    }

    @Test
    void concurrent_appends_get_distinct_indices_and_all_survive_a_reopen() throws Exception {
        List<byte[]> entries;
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            List<LedgerVerification> audits = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean appending = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread auditor = Thread.ofPlatform().start(() -> {
                while (appending.get()) {
                    try {
                        audits.add(ledger.verify());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            entries = concurrently(ledger, 300);
            appending.set(false);
            auditor.join();
            assertThat(ledger.size()).isEqualTo(300);
            // verify() while appends run sees one consistent checkpoint each time.
            assertThat(audits).isNotEmpty().allMatch(v -> v instanceof LedgerVerification.Intact);
        }
        try (FileLedger ledger = FileLedger.open(dir)) {
            assertThat(ledger.size()).isEqualTo(300);
            for (int i = 0; i < 300; i++) {
                assertThat(ledger.entry(i)).isEqualTo(entries.get(i));
            }
            assertThat(ledger.append(entry(300))).isEqualTo(300);
            assertThat(ledger.verify()).isInstanceOf(LedgerVerification.Intact.class);
        }
    }

    @Test
    void reopening_removes_a_torn_tail_beyond_the_checkpoint_and_keeps_every_acknowledged_entry() throws IOException {
        List<byte[]> entries;
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            entries = appendAll(ledger, 0, 5);
        }
        // What a crash between tile writes and the checkpoint can leave: tiles of a bigger tree.
        Map<String, byte[]> torn = Map.of(
                "tile/entries/000.p/7", new byte[] {0, 9, 'h', 'a'},
                "tile/0/000.p/6", new byte[100],
                "tile/0/000", new byte[8192],
                "tile/entries/000", new byte[3],
                "tile/1/000.p/1", new byte[32]);
        for (Map.Entry<String, byte[]> t : torn.entrySet()) {
            Files.createDirectories(dir.resolve(t.getKey()).getParent());
            Files.write(dir.resolve(t.getKey()), t.getValue());
        }
        Files.writeString(dir.resolve("checkpoint.tmp"), "half a checkpoint");
        String vkey = Files.readString(dir.resolve("log.vkey"));
        Files.delete(dir.resolve("log.vkey"));
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            assertThat(ledger.size()).isEqualTo(5);
            torn.keySet().forEach(p -> assertThat(dir.resolve(p)).as(p).doesNotExist());
            assertThat(dir.resolve("checkpoint.tmp")).doesNotExist();
            assertThat(dir.resolve("log.vkey")).hasContent(vkey.strip());
            assertThat(dir.resolve("tile/entries/000.p/5")).isRegularFile();
            for (int i = 0; i < 5; i++) {
                assertThat(ledger.entry(i)).isEqualTo(entries.get(i));
            }
            assertThat(ledger.append(entry(5))).isEqualTo(5);
            assertThat(ledger.verify()).isInstanceOf(LedgerVerification.Intact.class);
        }
    }

    @Test
    void open_refuses_a_checkpoint_that_the_log_key_did_not_sign() throws IOException {
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            appendAll(ledger, 0, 3);
        }
        String note = Files.readString(dir.resolve("checkpoint"));
        Checkpoint c = Checkpoint.parse(SignedNote.parse(note).text());
        Files.writeString(
                dir.resolve("checkpoint"), c.sign(NoteSigner.generate(ORIGIN)).format());
        assertThatThrownBy(() -> FileLedger.open(dir, ORIGIN))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("no valid signature");
    }

    @Test
    void open_refuses_a_missing_checkpoint_when_tiles_exist_rather_than_re_signing_them() throws IOException {
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            appendAll(ledger, 0, 3);
        }
        Files.delete(dir.resolve("checkpoint"));
        assertThatThrownBy(() -> FileLedger.open(dir, ORIGIN))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("checkpoint is missing");
    }

    @Test
    void open_refuses_partial_tiles_that_do_not_match_the_checkpoint_and_names_the_entry() throws IOException {
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            appendAll(ledger, 0, 3);
        }
        Path bundle = dir.resolve("tile/entries/000.p/3");
        byte[] b = Files.readAllBytes(bundle);
        b[b.length - 1] ^= 1;
        Files.write(bundle, b);
        assertThatThrownBy(() -> FileLedger.open(dir, ORIGIN))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("ledger entry 2");
    }

    @Test
    void verify_names_the_first_entry_whose_bytes_changed() throws IOException {
        List<byte[]> entries;
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            entries = concurrently(ledger, 300);
            assertThat(ledger.verify()).isInstanceOf(LedgerVerification.Intact.class);
            flipEntryByte(entries, 17);
            flipEntryByte(entries, 40);
            LedgerVerification result = ledger.verify();
            assertThat(result).isInstanceOf(LedgerVerification.DamagedEntry.class);
            assertThat(((LedgerVerification.DamagedEntry) result).index()).isEqualTo(17);
            assertThat(result.message()).contains("ledger entry 17", "tile/entries/000", "tile/0/000");
        }
    }

    @Test
    void verify_detects_entries_rewritten_together_with_their_hash_tiles() throws IOException {
        List<byte[]> entries;
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            entries = concurrently(ledger, 300);
            flipEntryByte(entries, 17);
            // Recompute leaf hash 17 in tile/0/000: level 0 agrees, level 1 does not.
            Path tile0 = dir.resolve("tile/0/000");
            byte[] t0 = Files.readAllBytes(tile0);
            List<byte[]> bundle = TreeEdge.decodeBundle(Files.readAllBytes(dir.resolve("tile/entries/000")));
            System.arraycopy(MerkleTree.leafHash(bundle.get(17)), 0, t0, 17 * 32, 32);
            Files.write(tile0, t0);
            LedgerVerification result = ledger.verify();
            assertThat(result).isInstanceOf(LedgerVerification.Damaged.class);
            assertThat(result.message()).contains("tile/1/000.p/1", "entries 0 to 255");
            // Recompute level 1 too: only the signed root can tell now.
            Path tile1 = dir.resolve("tile/1/000.p/1");
            Files.write(tile1, MerkleTree.root(TreeEdge.splitHashes(t0)));
            result = ledger.verify();
            assertThat(result).isInstanceOf(LedgerVerification.Damaged.class);
            assertThat(result.message()).contains("does not match the signed checkpoint");
        }
    }

    @Test
    void verify_detects_a_checkpoint_rolled_back_to_an_older_signed_one() throws IOException {
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            appendAll(ledger, 0, 4);
            String old = ledger.checkpoint();
            appendAll(ledger, 4, 6);
            Files.writeString(dir.resolve("checkpoint"), old);
            assertThat(ledger.verify())
                    .isInstanceOf(LedgerVerification.Damaged.class)
                    .extracting(LedgerVerification::message)
                    .asString()
                    .contains("was replaced");
        }
    }

    @Test
    void one_handle_at_a_time_and_a_ledger_keeps_its_origin() throws IOException {
        assertThatThrownBy(() -> FileLedger.open(dir.resolve("none"))).isInstanceOf(NotFoundException.class);
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            assertThatThrownBy(() -> FileLedger.open(dir, ORIGIN)).isInstanceOf(ConflictException.class);
            assertThat(ledger.origin()).isEqualTo(ORIGIN);
        }
        assertThatThrownBy(() -> FileLedger.open(dir, "daleel.test/other"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(ORIGIN);
        assertThatThrownBy(() -> FileLedger.open(dir.resolve("bad"), "has space"))
                .isInstanceOf(InvalidInputException.class);
        FileLedger closed = FileLedger.open(dir);
        closed.close();
        assertThatThrownBy(() -> closed.append(entry(0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void out_of_range_reads_and_oversized_entries_are_refused() throws IOException {
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            appendAll(ledger, 0, 2);
            assertThatThrownBy(() -> ledger.entry(2))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("2 entries");
            assertThatThrownBy(() -> ledger.entry(-1)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> ledger.append(new byte[65_536])).isInstanceOf(InvalidInputException.class);
            assertThat(ledger.append(new byte[65_535])).isEqualTo(2);
            assertThat(ledger.append(new byte[0])).isEqualTo(3);
            assertThat(ledger.entry(2)).hasSize(65_535);
            assertThat(ledger.entry(3)).isEmpty();
            assertThatThrownBy(() -> ledger.rootHash(5)).isInstanceOf(InvalidInputException.class);
        }
    }

    private void flipEntryByte(List<byte[]> entries, int index) throws IOException {
        Path bundle = dir.resolve("tile/entries/000");
        byte[] b = Files.readAllBytes(bundle);
        int pos = 0;
        for (int i = 0; i < index; i++) {
            pos += 2 + entries.get(i).length;
        }
        b[pos + 2 + 3] ^= 1;
        Files.write(bundle, b);
    }

    /** Appends {@code n} entries from 32 threads (so they commit in groups); returns them in index order. */
    static List<byte[]> concurrently(FileLedger ledger, int n) {
        Map<Long, byte[]> byIndex = new ConcurrentHashMap<>();
        int threads = 32;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = thread; i < n; i += threads) {
                        byte[] e = ("thread " + thread + " entry " + i).getBytes(StandardCharsets.UTF_8);
                        long index = ledger.append(e);
                        assertThat(byIndex.put(index, e))
                                .as("index %d given twice", index)
                                .isNull();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(byIndex.keySet()).hasSize(n).allMatch(i -> i >= 0 && i < n);
        List<byte[]> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(byIndex.get(i));
        }
        return out;
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
