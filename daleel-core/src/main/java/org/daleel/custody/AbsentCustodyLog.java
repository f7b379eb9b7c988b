package org.daleel.custody;

import java.util.List;
import java.util.Optional;
import org.daleel.core.ConflictException;
import org.daleel.core.NotFoundException;

/** The custody log of an archive opened without a ledger (see {@link CustodyLog#absent()}). */
final class AbsentCustodyLog implements CustodyLog {
    static final AbsentCustodyLog INSTANCE = new AbsentCustodyLog();

    private AbsentCustodyLog() {}

    @Override
    public long append(CustodyEvent event) {
        throw new ConflictException("cannot record the " + event.kind() + " of " + event.itemId()
                + ": this archive was opened without a custody ledger (read-only)");
    }

    @Override
    public List<Long> indices(String itemId) {
        return List.of();
    }

    @Override
    public long size() {
        return 0;
    }

    @Override
    public CustodyEvent event(long index) {
        throw missing();
    }

    @Override
    public byte[] entry(long index) {
        throw missing();
    }

    @Override
    public String checkpoint() {
        throw missing();
    }

    @Override
    public String verifierKey() {
        throw missing();
    }

    @Override
    public String receipt(long index) {
        throw missing();
    }

    @Override
    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        throw missing();
    }

    @Override
    public Optional<byte[]> published(String path) {
        return Optional.empty();
    }

    @Override
    public void close() {
        // nothing held
    }

    private static NotFoundException missing() {
        return new NotFoundException(
                "this archive has no custody ledger (it is created by the first capture or import)");
    }
}
