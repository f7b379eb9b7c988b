package org.daleel.ledger;

/**
 * What readers of a {@link FileLedger} see: the tree at the latest durable checkpoint.
 *
 * @param edge the right edge of the tree (older nodes are in full tiles on disk)
 * @param note the signed checkpoint note
 * @param root the tree's root hash
 */
record LedgerState(TreeEdge edge, String note, byte[] root) {}
