package org.daleel.app;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import org.daleel.analysis.item.TextItemAnalyzer;
import org.daleel.archive.Archive;
import org.daleel.archive.ArchiveConfig;
import org.daleel.archive.ArchivePorts;
import org.daleel.archive.DataDir;
import org.daleel.archive.LocalArchive;
import org.daleel.blob.FileBlobStore;
import org.daleel.capture.CapturePolicy;
import org.daleel.capture.http.HttpCapturer;
import org.daleel.catalog.Catalog;
import org.daleel.catalog.sqlite.SqliteCatalog;
import org.daleel.core.ConflictException;
import org.daleel.core.DaleelException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.Version;
import org.daleel.custody.CustodyLog;
import org.daleel.extract.content.ContentExtractor;
import org.daleel.extract.warc.JwarcRecords;
import org.daleel.item.ItemAnalyzer;
import org.daleel.item.ItemIds;
import org.daleel.ledger.FileLedger;
import org.daleel.ledger.LedgerCustodyLog;
import org.daleel.match.MediaIndex;
import org.daleel.match.VideoAnalyser;
import org.daleel.media.PdqMediaIndex;
import org.daleel.media.meta.DrewMetadataReader;
import org.daleel.media.video.FfmpegVideoAnalyser;
import org.daleel.search.SearchIndex;
import org.daleel.search.lucene.LuceneSearchIndex;

/**
 * The composition root: builds the embedded adapters on a data directory with plain constructors
 * and decides who writes. Exactly one process writes a data directory at a time (it holds
 * {@code write.lock}); a CLI command that finds {@code daleel serve} running hands its writes to the
 * server over HTTP, and otherwise waits its turn for the lock.
 *
 * <p>The custody ledger lives in {@code <data>/ledger}. The first writer creates it with a new
 * Ed25519 key named {@code daleel.local/<data-dir-id>} (a fresh lowercase ULID, {@link
 * #LEDGER_ORIGIN_PREFIX}); the name is then read back from {@code log.key}, so it never changes
 * for that data directory. Readers open the ledger read-only (no lock, no key), so ledger commands
 * and {@code daleel verify} work while {@code daleel serve} writes.
 */
final class Wiring {
    private static final Duration LOCK_WAIT = Duration.ofMinutes(10);

    /** The key name (and checkpoint origin) of a new ledger is this prefix and a fresh lowercase ULID. */
    static final String LEDGER_ORIGIN_PREFIX = "daleel.local/";

    private Wiring() {}

    /** Opens (creating on first use) the writable custody ledger; the caller holds the writer lock. */
    static LedgerCustodyLog openLedgerWriter(DataDir dir) throws IOException {
        LedgerCustodyLog log;
        if (java.nio.file.Files.isRegularFile(dir.ledger().resolve("log.key"))) {
            log = LedgerCustodyLog.on(FileLedger.open(dir.ledger()));
        } else {
            String origin =
                    LEDGER_ORIGIN_PREFIX + ItemIds.next(java.time.Instant.now()).toLowerCase(java.util.Locale.ROOT);
            log = LedgerCustodyLog.open(dir.ledger(), origin);
        }
        try {
            // RFC 3161 stamps of checkpoints when ledger.tsa.url is set; a broken TSA setting (say, a
            // CA file moved away) turns time-stamping off with a warning but never stops the archive
            return Timestamping.attach(log, org.daleel.archive.Settings.load(dir));
        } catch (InvalidInputException e) {
            System.err.println("daleel: warning: checkpoints are not time-stamped: " + e.getMessage());
            return log;
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /**
     * Opens the writable custody ledger alone, for ledger writes that concern no item (key
     * rotation), holding the archive's writer lock meanwhile: waits for another CLI writer to
     * finish; refuses while {@code daleel serve} holds the data directory, since the server signs
     * with the key it opened.
     *
     * @throws org.daleel.core.NotFoundException when the archive has no ledger yet
     * @throws ConflictException when a server is writing the archive
     */
    static LedgerSession forLedgerWriting(DataDir dir, PrintStream status) {
        if (!java.nio.file.Files.isRegularFile(dir.ledger().resolve("log.key"))) {
            throw new org.daleel.core.NotFoundException(
                    "no custody ledger in " + dir.ledger() + ": it is created by the first capture or import");
        }
        try {
            Optional<DataDir.WriterLock> lock = dir.tryLockWriter();
            if (lock.isEmpty()) {
                Optional<RemoteArchive> remote = RemoteArchive.ofRunningServer(dir);
                if (remote.isPresent()) {
                    remote.get().close();
                    throw new ConflictException(dir + ": 'daleel serve' is writing this archive and signs with the"
                            + " ledger key it opened; stop the server, rotate the key, then start it again");
                }
                status.println("daleel: waiting for another daleel process writing to " + dir);
                lock = waitForLock(dir);
            }
            try {
                return new LedgerSession(openLedgerWriter(dir), lock.get());
            } catch (IOException | RuntimeException e) {
                lock.get().close();
                throw e;
            }
        } catch (IOException e) {
            throw new DaleelException(
                    dir.ledger() + ": could not open the custody ledger for writing: " + e.getMessage(), e);
        }
    }

    /** The writable custody ledger and the archive's writer lock; closing releases both. */
    record LedgerSession(LedgerCustodyLog log, DataDir.WriterLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                log.close();
            } finally {
                try {
                    lock.close();
                } catch (IOException e) {
                    // the lock dies with the process anyway
                }
            }
        }
    }

    /**
     * Opens the custody ledger read-only (it may be written meanwhile by a server or CLI writer).
     *
     * @throws org.daleel.core.NotFoundException when the archive has no ledger yet
     */
    static LedgerCustodyLog openLedgerReader(DataDir dir) {
        if (!java.nio.file.Files.isRegularFile(dir.ledger().resolve("log.vkey"))) {
            throw new org.daleel.core.NotFoundException(
                    "no custody ledger in " + dir.ledger() + ": it is created by the first capture or import");
        }
        try {
            return LedgerCustodyLog.openReadOnly(dir.ledger());
        } catch (IOException e) {
            throw new DaleelException(dir.ledger() + ": could not read the custody ledger: " + e.getMessage(), e);
        }
    }

    /** Opens the catalog read-only, for commands that walk every item. */
    static Catalog openCatalogReader(DataDir dir) {
        if (!dir.exists()) {
            throw new InvalidInputException("no archive at " + dir
                    + ": capture or import something first, or point --data (or DALEEL_DATA) at an archive");
        }
        return SqliteCatalog.openReadOnly(dir.catalogFile());
    }

    /** Opens the archive for reading (search, show) while any other process may be writing. */
    static Session forReading(DataDir dir) {
        if (!dir.exists()) {
            throw new InvalidInputException("no archive at " + dir
                    + ": capture or import something first, or point --data (or DALEEL_DATA) at an archive");
        }
        try {
            FileBlobStore blobs = new FileBlobStore(dir.blobs());
            Catalog catalog = SqliteCatalog.openReadOnly(dir.catalogFile());
            SearchIndex index = LuceneSearchIndex.openReader(dir.index());
            return new Session(
                    new LocalArchive(
                            dir,
                            ports(blobs, catalog, index, CustodyLog.absent()),
                            ArchiveConfig.defaults(),
                            new DrewMetadataReader()),
                    null);
        } catch (IOException e) {
            throw new DaleelException(dir + ": could not open the archive: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the archive for reads that need the media index (image matching, recycled-media alerts):
     * locally with the media index when no other process writes (holding the writer lock meanwhile),
     * through the running server when one holds the data directory, or after waiting for another
     * CLI writer to finish.
     */
    static Session forMatching(DataDir dir, PrintStream status) {
        if (!dir.exists()) {
            throw new InvalidInputException("no archive at " + dir
                    + ": capture or import something first, or point --data (or DALEEL_DATA) at an archive");
        }
        try {
            Optional<DataDir.WriterLock> lock = dir.tryLockWriter();
            if (lock.isEmpty()) {
                Optional<RemoteArchive> remote = RemoteArchive.ofRunningServer(dir);
                if (remote.isPresent()) {
                    return new Session(remote.get(), null);
                }
                status.println("daleel: waiting for another daleel process writing to " + dir);
                lock = waitForLock(dir);
            }
            FileBlobStore blobs = new FileBlobStore(dir.blobs());
            Catalog catalog = SqliteCatalog.openReadOnly(dir.catalogFile());
            SearchIndex index = LuceneSearchIndex.openReader(dir.index());
            MediaIndex media = PdqMediaIndex.open(dir.media());
            var ports = ports(blobs, catalog, index, CustodyLog.absent(), media);
            return new Session(
                    new LocalArchive(dir, ports, ArchiveConfig.defaults(), new DrewMetadataReader()), lock.get());
        } catch (IOException e) {
            throw new DaleelException(dir + ": could not open the archive: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the archive for writing: locally when the writer lock is free (waiting for another CLI
     * writer to finish), or through the running server that holds it.
     */
    static Session forWriting(DataDir dir, PrintStream status) {
        try {
            dir.create();
            Optional<DataDir.WriterLock> lock = dir.tryLockWriter();
            if (lock.isEmpty()) {
                Optional<RemoteArchive> remote = RemoteArchive.ofRunningServer(dir);
                if (remote.isPresent()) {
                    return new Session(remote.get(), null);
                }
                status.println("daleel: waiting for another daleel process writing to " + dir);
                lock = waitForLock(dir);
            }
            return new Session(openWriter(dir), lock.get());
        } catch (IOException e) {
            throw new DaleelException(dir + ": could not open the archive for writing: " + e.getMessage(), e);
        }
    }

    /** Opens the local writer and runs crash recovery; the caller must hold the writer lock. */
    static LocalArchive openWriter(DataDir dir) throws IOException {
        return openWriter(dir, ANALYZER);
    }

    /**
     * The item analyzer of this process: one per JVM, loaded (gazetteer and thesaurus) when first
     * used, shared by every archive the process opens.
     */
    static final TextItemAnalyzer ANALYZER = TextItemAnalyzer.loadingDefault();

    /** Like {@link #openWriter(DataDir)} with another analyzer (the import benchmark compares). */
    static LocalArchive openWriter(DataDir dir, ItemAnalyzer analyzer) throws IOException {
        return openWriter(dir, analyzer, LocalArchive.Progress.NONE);
    }

    /**
     * Like {@link #openWriter(DataDir, ItemAnalyzer)}, reporting to {@code indexing} the items the
     * search and media indexes catch up on while the archive opens ({@code daleel reindex}).
     */
    static LocalArchive openWriter(DataDir dir, ItemAnalyzer analyzer, LocalArchive.Progress indexing)
            throws IOException {
        CapturePolicy capture = capturePolicy(dir);
        return openWriter(
                dir,
                analyzer,
                indexing,
                videoAnalyser(),
                ArchiveConfig.defaults().withMaxVideoBytes(capture.maxVideoBytes()),
                capture);
    }

    /**
     * Like {@link #openWriter(DataDir, ItemAnalyzer, LocalArchive.Progress)} with the given video
     * decoder and bounds (tests count the decoder's work and lower the bounds).
     */
    static LocalArchive openWriter(
            DataDir dir,
            ItemAnalyzer analyzer,
            LocalArchive.Progress indexing,
            VideoAnalyser video,
            ArchiveConfig config,
            CapturePolicy capture)
            throws IOException {
        dir.create();
        FileBlobStore blobs = new FileBlobStore(dir.blobs());
        Catalog catalog = SqliteCatalog.open(dir.catalogFile());
        SearchIndex index;
        CustodyLog custody;
        try {
            index = LuceneSearchIndex.openWriter(dir.index());
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
        try {
            custody = openLedgerWriter(dir);
        } catch (IOException | RuntimeException e) {
            try {
                index.close();
            } finally {
                catalog.close();
            }
            throw e;
        }
        MediaIndex media;
        try {
            media = PdqMediaIndex.open(dir.media());
        } catch (IOException | RuntimeException e) {
            try {
                custody.close();
            } finally {
                try {
                    index.close();
                } finally {
                    catalog.close();
                }
            }
            throw e;
        }
        LocalArchive archive = new LocalArchive(
                dir,
                ports(blobs, catalog, index, custody, media, analyzer, capture, video),
                config,
                new DrewMetadataReader());
        archive.recover(analysisProgress(System.err), indexing);
        return archive;
    }

    /**
     * Reports the one-time analysis of items stored before analysis existed (it runs when a writer
     * opens such an archive): a line saying so, then a progress bar on a terminal.
     */
    static LocalArchive.Progress analysisProgress(PrintStream status) {
        return progress(
                status, total -> "daleel: analysing " + total + " stored items (places, actors, dates, events)");
    }

    /** A line from {@code headline} (given the total) when work starts, then a progress bar on a terminal. */
    static LocalArchive.Progress progress(PrintStream status, java.util.function.LongFunction<String> headline) {
        return new LocalArchive.Progress() {
            private ProgressBar bar;
            private long shown;

            @Override
            public void update(long done, long total) {
                if (bar == null) {
                    status.println(headline.apply(total));
                    bar = ProgressBar.onTerminal(total, "items");
                }
                for (; shown < done; shown++) {
                    bar.step();
                }
                if (done >= total) {
                    bar.close();
                }
            }
        };
    }

    /**
     * Takes the writer lock of {@code dir} for a command that must run in this process (not through
     * a running server): waits for another CLI writer, refuses while {@code daleel serve} holds it.
     *
     * @throws ConflictException naming the command when a server is writing to {@code dir}
     */
    static DataDir.WriterLock lockLocally(DataDir dir, String command, PrintStream status) throws IOException {
        dir.create();
        Optional<DataDir.WriterLock> lock = dir.tryLockWriter();
        if (lock.isEmpty()) {
            if (RemoteArchive.ofRunningServer(dir).isPresent()) {
                throw new ConflictException(
                        "daleel serve is writing to " + dir + ": stop it and run " + command + " again");
            }
            status.println("daleel: waiting for another daleel process writing to " + dir);
            lock = waitForLock(dir);
        }
        return lock.get();
    }

    private static Optional<DataDir.WriterLock> waitForLock(DataDir dir) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<DataDir.WriterLock> lock = dir.tryLockWriter();
            if (lock.isPresent()) {
                return lock;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ConflictException(dir + ": another daleel process has been writing for more than "
                + LOCK_WAIT.toMinutes() + " minutes; try again when it is done");
    }

    private static ArchivePorts ports(FileBlobStore blobs, Catalog catalog, SearchIndex index, CustodyLog custody) {
        return ports(blobs, catalog, index, custody, MediaIndex.none());
    }

    private static ArchivePorts ports(
            FileBlobStore blobs, Catalog catalog, SearchIndex index, CustodyLog custody, MediaIndex media) {
        return ports(blobs, catalog, index, custody, media, ANALYZER);
    }

    private static ArchivePorts ports(
            FileBlobStore blobs,
            Catalog catalog,
            SearchIndex index,
            CustodyLog custody,
            MediaIndex media,
            ItemAnalyzer analyzer) {
        return ports(
                blobs,
                catalog,
                index,
                custody,
                media,
                analyzer,
                CapturePolicy.defaults(Version.current()),
                videoAnalyser());
    }

    private static ArchivePorts ports(
            FileBlobStore blobs,
            Catalog catalog,
            SearchIndex index,
            CustodyLog custody,
            MediaIndex media,
            ItemAnalyzer analyzer,
            CapturePolicy capture,
            VideoAnalyser video) {
        return new ArchivePorts(
                blobs,
                catalog,
                index,
                new ContentExtractor(),
                new HttpCapturer(capture, blobs, Version.current()),
                new JwarcRecords(),
                custody,
                media,
                video,
                analyzer);
    }

    /**
     * The capture bounds with the video bounds of the archive's settings ({@code capture.video.max-bytes},
     * {@code capture.video.timeout}); a settings file that does not load leaves the defaults, with a
     * warning, like the time-stamping settings.
     */
    static CapturePolicy capturePolicy(DataDir dir) {
        CapturePolicy defaults = CapturePolicy.defaults(Version.current());
        try {
            org.daleel.archive.Settings s = org.daleel.archive.Settings.load(dir);
            return defaults.withVideo(
                    s.bytes(org.daleel.archive.Setting.CAPTURE_VIDEO_MAX_BYTES),
                    s.duration(org.daleel.archive.Setting.CAPTURE_VIDEO_TIMEOUT));
        } catch (InvalidInputException e) {
            System.err.println("daleel: warning: captures use the default video bounds: " + e.getMessage());
            return defaults;
        }
    }

    /**
     * The video decoder: Debian's ffmpeg at {@code -Ddaleel.ffmpeg}, else {@code $DALEEL_FFMPEG}, else
     * the first {@code ffmpeg} on {@code PATH}; when it is missing videos are stored with a note.
     */
    static FfmpegVideoAnalyser videoAnalyser() {
        String configured = System.getProperty("daleel.ffmpeg");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("DALEEL_FFMPEG");
        }
        return new FfmpegVideoAnalyser(FfmpegVideoAnalyser.locate(configured), FfmpegVideoAnalyser.Settings.DEFAULTS);
    }

    /** An open archive and the writer lock it holds (if any); closing releases both. */
    record Session(Archive archive, DataDir.WriterLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                archive.close();
            } finally {
                if (lock != null) {
                    try {
                        lock.close();
                    } catch (IOException e) {
                        // the lock dies with the process anyway
                    }
                }
            }
        }
    }
}
