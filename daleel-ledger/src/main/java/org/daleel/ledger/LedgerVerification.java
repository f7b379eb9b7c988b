package org.daleel.ledger;

/** Outcome of {@link LedgerStore#verify()}. */
public sealed interface LedgerVerification {

    /** One line for a person: what was checked, or what is wrong. */
    String message();

    /** The whole ledger checks out: every entry, every stored hash and the signed checkpoint. */
    record Intact(long size, String rootBase64) implements LedgerVerification {
        @Override
        public String message() {
            return "ledger intact: " + size + " entries, root " + rootBase64 + ", checkpoint signature valid";
        }
    }

    /** Entry {@code index} is missing, unreadable or does not hash to the stored tree. */
    record DamagedEntry(long index, String reason) implements LedgerVerification {
        @Override
        public String message() {
            return "ledger entry " + index + ": " + reason;
        }
    }

    /**
     * Something that no single entry explains is wrong: a stored hash tile, the checkpoint or its
     * signature, or the tree root (entries and tiles rewritten together).
     */
    record Damaged(String reason) implements LedgerVerification {
        @Override
        public String message() {
            return "ledger damaged: " + reason;
        }
    }
}
