package org.daleel.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.daleel.core.IntegrityException;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class SignedNoteTest {
    // c2sp.org/signed-note, section "Verifier keys", "Example".
    static final String C2SP_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    static final String C2SP_NOTE = "This is an example message.\n\n"
            + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    // golang.org/x/mod/sumdb/note, note_test.go (TestSign): a signer key, its verifier key, a text
    // and the exact note Go produces (Ed25519 signatures are deterministic).
    static final String GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String GO_NOTE = GO_TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String GO_ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String GO_ENOCH_SIG =
            "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    @Test
    void the_c2sp_example_note_verifies_with_the_c2sp_example_key() {
        NoteVerifier v = NoteVerifier.parse(C2SP_VKEY);
        assertThat(v.name()).isEqualTo("example.com/foo");
        assertThat(KeyNames.hex(v.keyId())).isEqualTo("530d903a");
        assertThat(v.vkey()).isEqualTo(C2SP_VKEY);
        SignedNote note = SignedNote.parse(C2SP_NOTE);
        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(note.verifiedBy(v)).isTrue();
        assertThat(note.format()).isEqualTo(C2SP_NOTE);
    }

    @Test
    void a_changed_text_or_signature_of_the_c2sp_example_does_not_verify() {
        NoteVerifier v = NoteVerifier.parse(C2SP_VKEY);
        assertThat(SignedNote.parse(C2SP_NOTE.replace("example message", "example massage"))
                        .verifiedBy(v))
                .isFalse();
        SignedNote note = SignedNote.parse(C2SP_NOTE);
        byte[] raw = Base64.getDecoder().decode(note.signatures().get(0).base64());
        raw[10] ^= 1;
        SignedNote tampered = new SignedNote(
                note.text(),
                List.of(new NoteSignature("example.com/foo", Base64.getEncoder().encodeToString(raw))));
        assertThat(tampered.verifiedBy(v)).isFalse();
    }

    @Test
    void signing_with_the_go_reference_key_reproduces_the_go_reference_note_byte_for_byte() {
        NoteSigner signer = NoteSigner.parse(GO_SKEY);
        assertThat(signer.name()).isEqualTo("PeterNeumann");
        assertThat(signer.verifier().vkey()).isEqualTo(GO_VKEY);
        assertThat(signer.skey()).isEqualTo(GO_SKEY);
        assertThat(signer.sign(GO_TEXT).format()).isEqualTo(GO_NOTE);
        assertThat(signer.toString()).doesNotContain("AYEKFALV");
    }

    @Test
    void signatures_by_unknown_keys_are_ignored_and_a_note_needs_one_by_the_known_key() {
        NoteVerifier peter = NoteVerifier.parse(GO_VKEY);
        NoteVerifier enoch = NoteVerifier.parse(GO_ENOCH_VKEY);
        SignedNote both = SignedNote.parse(GO_NOTE + GO_ENOCH_SIG);
        assertThat(both.signatures()).hasSize(2);
        assertThat(both.verifiedBy(peter)).isTrue();
        assertThat(both.verifiedBy(enoch)).isTrue();
        assertThat(SignedNote.parse(GO_NOTE).verifiedBy(enoch)).isFalse();
        // A second, bad signature by a known key rejects the note.
        NoteSignature good = SignedNote.parse(GO_NOTE).signatures().get(0);
        byte[] sig = good.signature();
        sig[0] ^= 1;
        NoteSignature bad = NoteSignature.of("PeterNeumann", good.keyId(), sig);
        assertThat(SignedNote.parse(GO_NOTE).withSignature(bad).verifiedBy(peter))
                .isFalse();
        assertThat(SignedNote.parse(GO_NOTE).withSignature(bad).verifiedBy(enoch))
                .isFalse();
    }

    @Test
    void malformed_notes_are_refused_as_the_go_reference_refuses_them() {
        String sig = GO_NOTE.substring(GO_TEXT.length() + 1);
        List<String> bad = List.of(
                GO_TEXT,
                GO_TEXT + "\n",
                GO_TEXT + "\n" + sig.substring(0, sig.length() - 1),
                "\u0001" + GO_TEXT + "\n" + sig,
                GO_TEXT + "\n"
                        + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                GO_TEXT + "\n" + sig + "Unexpected line.\n",
                GO_TEXT + "\n" + sig.repeat(101));
        for (String note : bad) {
            assertThatThrownBy(() -> SignedNote.parse(note)).as(note).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> SignedNote.parse(new byte[] {(byte) 0xff, '\n', '\n'}))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void mangled_verifier_and_signer_keys_are_refused() {
        for (String key : List.of(GO_VKEY, GO_SKEY)) {
            boolean signer = key.startsWith("PRIVATE");
            byte[] b = key.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < b.length; i++) {
                b[i]++;
                String mangled = new String(b, StandardCharsets.US_ASCII);
                assertThatThrownBy(() -> parseKey(mangled, signer))
                        .as(mangled)
                        .isInstanceOf(InvalidInputException.class);
                b[i]--;
            }
            for (int cut = 1; cut < key.length(); cut++) {
                String part = key.substring(0, cut);
                assertThatThrownBy(() -> parseKey(part, signer)).as(part).isInstanceOf(InvalidInputException.class);
            }
        }
        // Wrong length and unknown algorithm, with adjusted key IDs (from the Go tests).
        assertThatThrownBy(() -> NoteVerifier.parse(
                        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(
                        () -> NoteVerifier.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void generated_keys_round_trip_and_sign_what_they_verify() {
        NoteSigner signer = NoteSigner.generate("daleel.example/log");
        NoteSigner again = NoteSigner.parse(signer.skey() + "\n");
        assertThat(again.verifier()).isEqualTo(signer.verifier());
        NoteVerifier v = NoteVerifier.parse(signer.verifier().vkey());
        assertThat(v.keyId()).isEqualTo(KeyNames.keyId("daleel.example/log", (byte) 1, v.publicKey()));
        SignedNote note = again.sign("hello\n\nworld\n");
        assertThat(SignedNote.parse(note.format()).verifiedBy(v)).isTrue();
        assertThat(NoteSigner.generate("daleel.example/log").verifier()).isNotEqualTo(v);
        assertThatThrownBy(() -> NoteSigner.generate("has space")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NoteSigner.generate("a+b")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> signer.sign("no newline")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void checkpoints_have_the_c2sp_text_form_and_open_only_with_their_key() {
        NoteSigner signer = NoteSigner.generate("example.com/behind-the-sofa");
        byte[] root = Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        Checkpoint c = new Checkpoint("example.com/behind-the-sofa", 20852163, root);
        assertThat(c.body())
                .isEqualTo("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        SignedNote note = c.sign(signer);
        assertThat(Checkpoint.open(SignedNote.parse(note.format()), signer.verifier()))
                .isEqualTo(c);
        assertThat(Checkpoint.parse("o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next 1\n")
                        .extensions())
                .containsExactly("ext 1");
        assertThatThrownBy(() -> Checkpoint.open(
                        note, NoteSigner.generate("example.com/behind-the-sofa").verifier()))
                .isInstanceOf(IntegrityException.class);
        for (String bad : List.of(
                "o\n01\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
                "o\n1\n47DEQpj8HBSa\n",
                "o\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
                "o\n-1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
                "o\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n")) {
            assertThatThrownBy(() -> Checkpoint.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
    }

    private static Object parseKey(String key, boolean signer) {
        return signer ? NoteSigner.parse(key) : NoteVerifier.parse(key);
    }
}
