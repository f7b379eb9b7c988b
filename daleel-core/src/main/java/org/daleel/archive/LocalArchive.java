package org.daleel.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.daleel.blob.BlobRef;
import org.daleel.blob.Digests;
import org.daleel.capture.CaptureException;
import org.daleel.capture.CapturePolicy;
import org.daleel.capture.CaptureRequest;
import org.daleel.capture.CaptureResult;
import org.daleel.capture.VideoFormats;
import org.daleel.core.DaleelException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.core.Version;
import org.daleel.custody.CustodyEvent;
import org.daleel.custody.CustodyLog;
import org.daleel.extract.Extraction;
import org.daleel.extract.ExtractionInput;
import org.daleel.extract.WarcRecords;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.ItemIds;
import org.daleel.item.ItemKind;
import org.daleel.item.Resource;
import org.daleel.item.WarcRef;
import org.daleel.match.MediaPart;
import org.daleel.match.VideoAnalysis;
import org.daleel.meta.MediaMetadata;
import org.daleel.meta.MediaMetadataReader;
import org.daleel.search.SearchQuery;
import org.daleel.search.SearchResult;

/**
 * The archive's services on a local data directory: capture, import, search and retrieval.
 *
 * <p>Write path (crash-safe): payloads are stored in the blob store (fsynced, atomic rename), a
 * capture's WARC is written under {@code warcs/tmp/} and atomically moved into {@code warcs/}, then
 * the item and its resources are committed to the catalog in one transaction: that commit is the
 * acknowledgement. The search index follows the catalog and is committed in batches; {@link
 * #recover()} re-indexes whatever a crash left behind and discards orphaned temporary files and
 * WARCs. A kill at any moment therefore leaves no half item: either the catalog has it (and recovery
 * makes it searchable) or it does not exist.
 *
 * <p>Custody: before the catalog commit of every new item, an event is appended to the custody
 * ledger ({@link ArchivePorts#custody()}) with the SHA-256 and size of what the item vouches for
 * (capture: payload, WARC and embedded resources; file import: payload; imported WARC file: the
 * WARC; each record of an imported WARC: its payload and the WARC). The append is durable and
 * checkpointed before the catalog sees the item, so every catalog item has its entry. A duplicate
 * import appends nothing. A crash between the two leaves an entry whose item never reached the
 * catalog (its WARC is discarded by {@link #recover()}): {@code daleel verify} reports such an entry
 * as an interrupted write, not as tampering. Two concurrent imports of the same new file can leave
 * such an entry too (the loser of the catalog race becomes a duplicate).
 *
 * <p>Only the process holding the data directory's writer lock may call write methods and {@link
 * #recover()}; readers may search and read concurrently. Thread-safe: catalog and index updates are
 * serialised so that the index always holds a prefix of the catalog's sequence.
 */
public final class LocalArchive implements Archive {
    /** Most resource digests recorded in one capture entry; the WARC digest covers the rest. */
    static final int MAX_RESOURCE_DIGESTS = 400;

    private static final int MAX_NOTE = 2000;
    private static final DateTimeFormatter WARC_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final DataDir dir;
    private final ArchivePorts ports;
    private final ArchiveConfig config;
    private final Clock clock;
    private final MediaMetadataReader metadataReader;
    private final ItemAnalyses analyses;
    private final Object writeLock = new Object();
    private final Object jobLock = new Object();
    private BackgroundReanalysis reanalysisJob;

    /** How long {@link #close()} waits for a background re-analysis to stop (one item and one batch write). */
    private static final java.time.Duration REANALYSIS_STOP_WAIT = java.time.Duration.ofMinutes(2);

    private long indexedSeq;
    private int pending;
    private long lastCommitNanos = System.nanoTime();
    private volatile boolean unrefreshed;

    /** An archive on {@code dir} using {@code ports}; call {@link #recover()} first when writing. */
    public LocalArchive(DataDir dir, ArchivePorts ports, ArchiveConfig config) {
        this(dir, ports, config, MediaMetadataReader.none());
    }

    /**
     * An archive on {@code dir} using {@code ports} that reads pictures' embedded metadata with
     * {@code metadataReader} ({@link #metadata(String)}); call {@link #recover()} first when writing.
     */
    public LocalArchive(DataDir dir, ArchivePorts ports, ArchiveConfig config, MediaMetadataReader metadataReader) {
        this(dir, ports, config, Clock.systemUTC(), metadataReader);
    }

    LocalArchive(DataDir dir, ArchivePorts ports, ArchiveConfig config, Clock clock) {
        this(dir, ports, config, clock, MediaMetadataReader.none());
    }

    LocalArchive(
            DataDir dir, ArchivePorts ports, ArchiveConfig config, Clock clock, MediaMetadataReader metadataReader) {
        this.dir = dir;
        this.ports = ports;
        this.config = config;
        this.clock = clock;
        this.metadataReader = java.util.Objects.requireNonNull(metadataReader, "metadataReader");
        this.analyses = new ItemAnalyses(ports, metadataReader);
    }

    /**
     * Finishes or discards what an interrupted writer left: deletes temporary files, deletes WARC
     * files of captures that never reached the catalog, and indexes catalog items the search index
     * has not committed. Call once after taking the writer lock, before serving writes.
     *
     * @return number of items re-indexed
     */
    public int recover() throws IOException {
        return recover(Progress.NONE);
    }

    /**
     * Like {@link #recover()}, then analyses the items stored before analysis existed (see {@link
     * #reanalyse}), reporting that work to {@code progress}.
     */
    public int recover(Progress progress) throws IOException {
        return recover(progress, Progress.NONE);
    }

    /**
     * Like {@link #recover(Progress)}, also reporting to {@code indexing} the items that the search
     * index and the media index catch up on (all of them when those indexes were emptied: this is how
     * {@code daleel reindex} rebuilds them), in items of either index over the sum of both.
     */
    public int recover(Progress analysis, Progress indexing) throws IOException {
        int reindexed = recoverIndexes(indexing);
        reanalyse(false, analysis);
        return reindexed;
    }

    private int recoverIndexes(Progress progress) throws IOException {
        synchronized (writeLock) {
            deleteChildren(dir.warcTmp());
            if (ports.blobs() instanceof org.daleel.blob.FileBlobStore files) {
                files.sweepTemporaryFiles();
            }
            discardOrphanWarcs();
            long from = ports.index().committedSeq();
            long mediaFrom = ports.media().maxSeq();
            long last = ports.catalog().maxSeq();
            // Seqs only grow (gaps are possible), so this bounds the items to catch up on.
            long total = Math.max(0, last - from) + Math.max(0, last - mediaFrom);
            long done = 0;
            int reindexed = 0;
            List<Item> batch;
            while (!(batch = ports.catalog().listAfter(from, 500)).isEmpty()) {
                for (Item item : batch) {
                    ports.index().index(item, analyses.storedOrNew(item));
                    from = item.seq();
                    reindexed++;
                }
                done += batch.size();
                progress.update(Math.min(done, total), total);
            }
            indexedSeq = Math.max(from, ports.catalog().maxSeq());
            if (reindexed > 0) {
                ports.index().commit(indexedSeq);
            }
            ports.index().refresh();
            while (!(batch = ports.catalog().listAfter(mediaFrom, 500)).isEmpty()) {
                for (Item item : batch) {
                    // parts (or the result of finding none) recorded before a crash need no new analysis
                    if (isImage(item) || !ports.media().partsRecorded(item.seq())) {
                        indexMedia(item, null);
                    }
                    mediaFrom = item.seq();
                    progress.update(Math.min(++done, total), total);
                }
            }
            if (total > 0 && done < total) {
                progress.update(total, total); // gaps in the seqs: the bar ends all the same
            }
            return reindexed;
        }
    }

    private void discardOrphanWarcs() throws IOException {
        try (DirectoryStream<Path> warcs = Files.newDirectoryStream(dir.warcs(), "DALEEL-*.warc.gz")) {
            for (Path warc : warcs) {
                String name = warc.getFileName().toString();
                String id = name.substring(name.lastIndexOf('-') + 1, name.indexOf(".warc"));
                if (ItemIds.isId(id) && ports.catalog().find(id).isEmpty()) {
                    Files.deleteIfExists(warc);
                }
            }
        } catch (NoSuchFileException e) {
            // no WARCs yet
        }
    }

    private static void deleteChildren(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path p : files) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public Item capture(CaptureRequest request, ItemOptions options) {
        Instant started = clock.instant();
        String id = ItemIds.next(started);
        String name = "DALEEL-" + WARC_STAMP.format(started) + "-" + id + ".warc.gz";
        Path temp = dir.warcTmp().resolve(name);
        try {
            Files.createDirectories(dir.warcTmp());
            CaptureResult result;
            try {
                result = ports.capturer().capture(request, temp);
            } catch (RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Path target = dir.warcs().resolve(name);
            moveDurably(temp, target);
            Extraction extraction = extract(result.sha256(), result.size(), result.mediaType(), "", result.finalUrl());
            MediaPrep prep = prepareMedia(
                    result.sha256(),
                    result.size(),
                    extraction.mediaType(),
                    result.finalUrl(),
                    result.resources(),
                    new VideoMemo());
            extraction = withNote(extraction, prep.note());
            extraction = withNote(extraction, String.join("; ", result.notes()));
            Item item = item(
                    id,
                    ItemKind.CAPTURE,
                    result.finalUrl(),
                    result.requestedUrl(),
                    "",
                    result.sha256(),
                    result.size(),
                    result.capturedAt(),
                    extraction,
                    new WarcRef(name, result.warcSha256(), result.warcSize(), result.pageRecordOffset()),
                    options);
            List<CustodyEvent.Digest> digests = new ArrayList<>();
            digests.add(new CustodyEvent.Digest(CustodyEvent.PAYLOAD, result.sha256(), result.size()));
            digests.add(new CustodyEvent.Digest(CustodyEvent.WARC, result.warcSha256(), result.warcSize()));
            List<Resource> resources = result.resources();
            for (int i = 0; i < Math.min(resources.size(), MAX_RESOURCE_DIGESTS); i++) {
                Resource r = resources.get(i);
                digests.add(new CustodyEvent.Digest(CustodyEvent.RESOURCE, r.sha256(), r.size()));
            }
            String note = resources.size() > MAX_RESOURCE_DIGESTS
                    ? (resources.size() - MAX_RESOURCE_DIGESTS) + " further resources are covered by the WARC digest; "
                            + result.finalUrl()
                    : result.finalUrl();
            ports.custody().append(event(CustodyEvent.Kind.CAPTURE, id, digests, options, note));
            return store(item, resources, prep);
        } catch (IOException e) {
            throw new CaptureException(
                    CaptureException.Cause.STORAGE,
                    request.url() + ": could not store the capture in " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public ImportResult importFile(Path file, ItemOptions options) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": not a regular file");
        }
        try {
            long size = Files.size(file);
            if (size > config.maxImportBytes()) {
                throw new InvalidInputException(file + ": " + size + " bytes exceeds the import bound of "
                        + config.maxImportBytes() + " bytes");
            }
            if (looksLikeWarc(file)) {
                return importWarc(file, file.toString(), options);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return importBytes(in, file.toString(), file.getFileName().toString(), options);
            }
        } catch (IOException e) {
            throw new DaleelException(file + ": could not import: " + e.getMessage(), e);
        }
    }

    @Override
    public ImportResult importStream(InputStream in, String fileName, ItemOptions options) {
        String name =
                Path.of(fileName.isBlank() ? "upload" : fileName).getFileName().toString();
        try {
            Path temp = dir.warcTmp().resolve("upload-" + ItemIds.next(clock.instant()) + ".part");
            Files.createDirectories(dir.warcTmp());
            try {
                try (InputStream bounded = in) {
                    copyBounded(bounded, temp, name);
                }
                if (looksLikeWarc(temp)) {
                    return importWarc(temp, name, options);
                }
                try (InputStream body = Files.newInputStream(temp)) {
                    return importBytes(body, name, name, options);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new DaleelException(name + ": could not import the upload: " + e.getMessage(), e);
        }
    }

    private void copyBounded(InputStream in, Path temp, String name) throws IOException {
        try (var out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > config.maxImportBytes()) {
                    throw new InvalidInputException(
                            name + ": upload exceeds the import bound of " + config.maxImportBytes() + " bytes");
                }
                out.write(buf, 0, n);
            }
        }
    }

    private ImportResult importBytes(InputStream in, String path, String fileName, ItemOptions options)
            throws IOException {
        BlobRef blob = ports.blobs().put(in, config.maxImportBytes());
        Optional<Item> existing = ports.catalog().findFileBySha256(blob.sha256());
        if (existing.isPresent()) {
            return new ImportResult(path, existing.get(), ImportResult.Status.DUPLICATE, 0);
        }
        Instant now = clock.instant();
        Extraction extraction = extract(blob.sha256(), blob.size(), "", fileName, "");
        MediaPrep prep =
                prepareMedia(blob.sha256(), blob.size(), extraction.mediaType(), fileName, List.of(), new VideoMemo());
        extraction = withNote(extraction, prep.note());
        Item item = item(
                ItemIds.next(now),
                ItemKind.FILE,
                "",
                "",
                fileName,
                blob.sha256(),
                blob.size(),
                now,
                extraction,
                WarcRef.NONE,
                options);
        ports.custody()
                .append(event(
                        CustodyEvent.Kind.IMPORT,
                        item.id(),
                        List.of(new CustodyEvent.Digest(CustodyEvent.PAYLOAD, blob.sha256(), blob.size())),
                        options,
                        fileName));
        ItemAnalysis analysis = analyses.analyse(item);
        synchronized (writeLock) {
            var added = ports.catalog().addIfAbsent(item, analysis);
            if (!added.created()) {
                return new ImportResult(path, added.item(), ImportResult.Status.DUPLICATE, 0);
            }
            afterAdd(added.item(), analysis, prep);
            return new ImportResult(path, added.item(), ImportResult.Status.NEW, 0);
        }
    }

    private ImportResult importWarc(Path file, String path, ItemOptions options) throws IOException {
        String sha = sha256Of(file);
        Optional<Item> existing = ports.catalog().findFileBySha256(sha);
        if (existing.isPresent()) {
            return new ImportResult(path, existing.get(), ImportResult.Status.DUPLICATE, 0);
        }
        String name = "IMPORT-" + sha + (isGzip(file) ? ".warc.gz" : ".warc");
        Path target = dir.warcs().resolve(name);
        if (!Files.exists(target)) {
            Path temp = dir.warcTmp().resolve(name + ".part");
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            moveDurably(temp, target);
        }
        long size = Files.size(target);
        List<Item> records = new ArrayList<>();
        WarcPages pages = new WarcPages();
        WarcRef warcRef = new WarcRef(name, sha, size, 0);
        ports.warcRecords().read(target, config.maxExtractBytes(), pages.noting(new WarcRecords.Visitor() {
            @Override
            public void record(WarcRecords.ArchivedRecord record) throws IOException {
                BlobRef blob = ports.blobs().put(new java.io.ByteArrayInputStream(record.payload()), Long.MAX_VALUE);
                if (imported(blob, warcRef, record.offset())) {
                    return;
                }
                Extraction extraction = ports.extractor()
                        .extract(new ExtractionInput(record.payload(), record.mediaType(), "", record.url()));
                String itemId = ItemIds.next(clock.instant());
                pages.see(itemId, record, extraction.mediaType(), blob);
                records.add(warcRecordItem(
                        itemId, record.url(), blob, record.date(), extraction, warcRef, record.offset(), options));
            }

            @Override
            public boolean large(WarcRecords.LargeRecord record, InputStream payload) throws IOException {
                return largeVideo(record, payload, warcRef, pages, options, records);
            }
        }));
        VideoMemo videos = new VideoMemo();
        java.util.Map<String, MediaPrep> preps = new java.util.HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Item record = records.get(i);
            MediaPrep prep = prepareMedia(
                    record.sha256(),
                    record.size(),
                    record.mediaType(),
                    record.url(),
                    pages.resources(record.id()),
                    videos);
            preps.put(record.id(), prep);
            records.set(i, withNote(withNote(record, prep.note()), pages.notes(record.id())));
        }
        Instant now = clock.instant();
        String fileName = Path.of(path).getFileName().toString();
        Item warcItem = new Item(
                ItemIds.next(now),
                0,
                ItemKind.FILE,
                "",
                "",
                fileName,
                sha,
                size,
                "application/warc",
                now,
                fileName,
                "",
                "",
                "",
                "WARC file with " + records.size() + " archived responses, imported as their own items",
                new WarcRef(name, sha, size, 0),
                options.provenance());
        CustodyEvent.Digest warcDigest = new CustodyEvent.Digest(CustodyEvent.WARC, sha, size);
        List<CustodyEvent> events = new ArrayList<>();
        for (Item record : records) {
            events.add(event(
                    CustodyEvent.Kind.IMPORT,
                    record.id(),
                    List.of(new CustodyEvent.Digest(CustodyEvent.PAYLOAD, record.sha256(), record.size()), warcDigest),
                    options,
                    record.url()));
        }
        events.add(event(CustodyEvent.Kind.IMPORT, warcItem.id(), List.of(warcDigest), options, fileName));
        ports.custody().appendAll(events);
        List<ItemAnalysis> recordAnalyses = new ArrayList<>(records.size());
        for (Item record : records) {
            recordAnalyses.add(analyses.analyse(record));
        }
        ItemAnalysis warcAnalysis = analyses.analyse(warcItem);
        synchronized (writeLock) {
            for (int i = 0; i < records.size(); i++) {
                Item record = records.get(i);
                afterAdd(
                        ports.catalog().add(record, pages.resources(record.id()), recordAnalyses.get(i)),
                        recordAnalyses.get(i),
                        preps.get(record.id()));
            }
            var added = ports.catalog().addIfAbsent(warcItem, warcAnalysis);
            if (added.created()) {
                afterAdd(added.item(), warcAnalysis, MediaPrep.NONE);
            }
            return new ImportResult(
                    path,
                    added.item(),
                    added.created() ? ImportResult.Status.NEW : ImportResult.Status.DUPLICATE,
                    records.size());
        }
    }

    /** Whether the record at {@code offset} of {@code warc} is already an item with payload {@code blob}. */
    private boolean imported(BlobRef blob, WarcRef warc, long offset) {
        return ports.catalog().listBySha256(blob.sha256()).stream()
                .anyMatch(i ->
                        i.warc().fileName().equals(warc.fileName()) && i.warc().offset() == offset);
    }

    private static Item warcRecordItem(
            String id,
            String url,
            BlobRef blob,
            Instant date,
            Extraction extraction,
            WarcRef warc,
            long offset,
            ItemOptions options) {
        return item(
                id,
                ItemKind.WARC_RECORD,
                url,
                "",
                "",
                blob.sha256(),
                blob.size(),
                date,
                extraction,
                new WarcRef(warc.fileName(), warc.sha256(), warc.size(), offset),
                options);
    }

    /**
     * A record of an imported WARC whose payload is over the extraction bound: when it is a video
     * (declared, or by its first bytes) it is streamed into the blob store, bounded by {@link
     * ArchiveConfig#maxVideoBytes()}, and becomes an item in {@code records} like a smaller record (so
     * it is analysed, and the pages that show it list it); a partial (206) video, or one over the
     * video bound, is noted for those pages instead. Returns false for any other record (the reader
     * reports it as skipped).
     */
    private boolean largeVideo(
            WarcRecords.LargeRecord record,
            InputStream payload,
            WarcRef warc,
            WarcPages pages,
            ItemOptions options,
            List<Item> records)
            throws IOException {
        BufferedInputStream in = new BufferedInputStream(payload, 64 * 1024);
        in.mark(VideoFormats.SNIFF_BYTES);
        byte[] head = in.readNBytes(VideoFormats.SNIFF_BYTES);
        in.reset();
        String declared = record.mediaType();
        String type = VideoFormats.isVideoType(declared)
                ? declared
                : VideoFormats.sniff(head, head.length).orElse("");
        if (type.isEmpty()) {
            return false;
        }
        String url = record.url();
        if (record.status() == 206 && (record.size() < 0 || !record.whole(record.size()))) {
            pages.partial(url);
            return true;
        }
        String bound = "video larger than " + CapturePolicy.videoSizeBound(config.maxVideoBytes());
        if (record.size() > config.maxVideoBytes()) {
            pages.skipped(url, bound);
            return true;
        }
        BlobRef blob;
        try {
            blob = ports.blobs().put(in, config.maxVideoBytes());
        } catch (InvalidInputException e) {
            pages.skipped(url, bound);
            return true;
        }
        if (imported(blob, warc, record.offset())) {
            return true;
        }
        Extraction extraction = ports.extractor().extract(new ExtractionInput(head, type, "", url));
        String itemId = ItemIds.next(clock.instant());
        pages.media(url, record.status(), true, extraction.mediaType(), blob, record.offset());
        records.add(warcRecordItem(itemId, url, blob, record.date(), extraction, warc, record.offset(), options));
        return true;
    }

    private CustodyEvent event(
            CustodyEvent.Kind kind, String id, List<CustodyEvent.Digest> digests, ItemOptions options, String note) {
        String operator = clip(
                options.provenance().operator().replaceAll("\\p{Cntrl}", " ").strip(), 256);
        String actor = operator.isEmpty() ? "unknown" : operator;
        return new CustodyEvent(
                kind, id, digests, actor, clock.instant(), "daleel/" + Version.current(), clip(note, MAX_NOTE));
    }

    /** At most {@code max} UTF-16 units of {@code s}, never ending inside a surrogate pair. */
    private static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
    }

    private Item store(Item item, List<Resource> resources, MediaPrep prep) {
        ItemAnalysis analysis = analyses.analyse(item);
        synchronized (writeLock) {
            Item stored = ports.catalog().add(item, resources, analysis);
            afterAdd(stored, analysis, prep);
            return stored;
        }
    }

    /**
     * Indexes a just-committed item and commits the index in batches. Caller holds writeLock.
     *
     * @param analysis its stored analysis
     * @param prep its video frames or page images as computed before the commit
     */
    private void afterAdd(Item stored, ItemAnalysis analysis, MediaPrep prep) {
        ports.index().index(stored, analysis);
        indexMedia(stored, prep);
        indexedSeq = Math.max(indexedSeq, stored.seq());
        pending++;
        long now = System.nanoTime();
        if (pending >= config.commitEvery()
                || now - lastCommitNanos >= config.commitInterval().toNanos()) {
            commitIndex();
        } else {
            // Refreshing per item would write a segment per item; searches refresh when needed.
            unrefreshed = true;
        }
    }

    private void commitIndex() {
        unrefreshed = false;
        ports.index().commit(indexedSeq);
        pending = 0;
        lastCommitNanos = System.nanoTime();
    }

    /**
     * Adds an item to the media index: an image's fingerprint, a video's sampled frames, a captured
     * page's images and video frames; other items are skipped. A video or page that was analysed and
     * gave no parts is recorded as such, with the result, so that opening the archive does not analyse
     * it again.
     *
     * @param prep the frames or page images computed before the commit, or null to compute them
     */
    private void indexMedia(Item item, MediaPrep prep) {
        if (!isImage(item)) {
            if (prep == null) {
                prep = isVideo(item)
                        ? prepareMedia(
                                item.sha256(), item.size(), item.mediaType(), name(item), List.of(), new VideoMemo())
                        : item.kind() == ItemKind.FILE
                                ? MediaPrep.NONE
                                : pageMedia(ports.catalog().resources(item.id()), new VideoMemo());
            }
            if (!prep.parts().isEmpty()) {
                ports.media().addParts(item.seq(), prep.parts());
            } else if (prep.analysed()) {
                ports.media()
                        .addNoParts(
                                item.seq(), prep.note().isEmpty() ? "no picture in it could be hashed" : prep.note());
            }
            return;
        }
        try (InputStream in = ports.blobs().open(item.sha256())) {
            ports.media().add(item.seq(), in.readNBytes((int) Math.min(item.size(), MAX_IMAGE_BYTES)), name(item));
        } catch (IOException e) {
            throw new DaleelException(
                    "item " + item.id() + ": could not read its image for the media index: " + e.getMessage(), e);
        }
    }

    private static final long MAX_IMAGE_BYTES = 256L << 20;

    /** Most images of one captured page hashed into the media index. */
    static final int MAX_PAGE_IMAGES = 100;

    /** Largest image of a captured page that is hashed. */
    static final long MAX_PAGE_IMAGE_BYTES = 32L << 20;

    /**
     * Frames or page images computed before an item's commit (null for an image, which the index
     * hashes itself), a note for the item, and whether any video or picture was analysed for them.
     */
    private record MediaPrep(List<MediaPart> parts, String note, boolean analysed) {
        static final MediaPrep NONE = new MediaPrep(List.of(), "", false);
    }

    /**
     * The analyses of the videos of one write (a WARC import, a capture), by SHA-256: a video that is
     * its own item and a page's resource, or shown by several pages, is analysed once.
     */
    private static final class VideoMemo {
        private final java.util.Map<String, VideoAnalysis> bySha = new java.util.HashMap<>();
    }

    /** A video's frames and note, or a page's images; run outside the write lock. */
    private MediaPrep prepareMedia(
            String sha, long size, String mediaType, String name, List<Resource> resources, VideoMemo videos) {
        if (mediaType.startsWith("video/")) {
            VideoAnalysis a = analyseVideo(sha, size, name, videos);
            return new MediaPrep(a.frames(), a.note(), true);
        }
        if (mediaType.startsWith("image/")) {
            return new MediaPrep(null, "", false);
        }
        return pageMedia(resources, videos);
    }

    /**
     * Most videos of one captured page analysed (with their frames the page stays within {@link
     * org.daleel.match.MediaIndex#MAX_PARTS}).
     */
    static final int MAX_PAGE_VIDEOS = 5;

    /**
     * A captured page's images and the sampled frames of its videos (each frame keeping its video's
     * URL), and a note per video saying what was found in it ("page video URL: video: 12.0 s, ...;
     * 24 frames hashed", or why it was not analysed). Bounded: {@link #MAX_PAGE_IMAGES} images,
     * {@link #MAX_PAGE_VIDEOS} videos, the analyser's own frame and time bounds per video.
     */
    private MediaPrep pageMedia(List<Resource> resources, VideoMemo videos) {
        List<MediaPart> parts = new ArrayList<>(pageImages(resources));
        boolean images = resources.stream().anyMatch(r -> r.mediaType().startsWith("image/") && r.size() > 0);
        List<String> notes = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int analysed = 0;
        for (Resource r : resources) {
            if (!r.mediaType().startsWith("video/")
                    || r.status() < 200
                    || r.status() > 299
                    || r.size() <= 0
                    || !seen.add(r.sha256())) {
                continue;
            }
            if (++analysed > MAX_PAGE_VIDEOS) {
                notes.add("page video " + r.url() + " not analysed: the " + MAX_PAGE_VIDEOS + "-video bound of a page");
                continue;
            }
            VideoAnalysis a = analyseVideo(r.sha256(), r.size(), r.url(), videos);
            for (MediaPart f : a.frames()) {
                // the scene frames keep their region codes: a crop of one finds the page too
                parts.add(new MediaPart(f.pdq(), f.quality(), f.frameMillis(), r.url(), f.regions()));
            }
            notes.add("page video " + r.url() + ": " + a.note() + where(a.metadata()));
        }
        return new MediaPrep(parts, String.join("; ", notes), images || analysed > 0);
    }

    /** "; GPS lat, lon (source); created T (as written)" from a video's probed metadata, or "". */
    private static String where(MediaMetadata m) {
        StringBuilder s = new StringBuilder();
        m.gps()
                .ifPresent(g -> s.append("; GPS ")
                        .append(g.latitude())
                        .append(", ")
                        .append(g.longitude())
                        .append(" (")
                        .append(g.source())
                        .append(")"));
        if (!m.dateTimeOriginal().isEmpty()) {
            s.append("; created ").append(m.dateTimeOriginal()).append(" (as written)");
        }
        return s.toString();
    }

    /** Probes and samples a stored video once per {@code videos}; never throws for bad content. */
    private VideoAnalysis analyseVideo(String sha, long size, String name, VideoMemo videos) {
        return videos.bySha.computeIfAbsent(sha, k -> analyseVideo(sha, size, name));
    }

    /** Probes and samples a stored video; never throws for bad content. */
    private VideoAnalysis analyseVideo(String sha, long size, String name) {
        try {
            return withVideoFile(sha, size, file -> ports.video().analyse(file, name));
        } catch (IOException e) {
            return VideoAnalysis.notAnalysed("video not analysed: could not read the stored video: " + e.getMessage());
        }
    }

    private <T> T withVideoFile(String sha, long size, java.util.function.Function<Path, T> use) throws IOException {
        if (ports.blobs() instanceof org.daleel.blob.FileBlobStore files) {
            Path stored = files.pathOf(sha);
            if (Files.isRegularFile(stored)) {
                return use.apply(stored);
            }
        }
        Files.createDirectories(dir.warcTmp());
        Path temp = dir.warcTmp().resolve("video-" + sha + "-" + System.nanoTime() + ".part");
        try {
            try (InputStream in = ports.blobs().open(sha)) {
                Files.copy(in, temp);
            }
            return use.apply(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** PDQ hashes of a captured page's images (bounded in number and size), with their URLs. */
    private List<MediaPart> pageImages(List<Resource> resources) {
        List<MediaPart> parts = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int tried = 0;
        for (Resource r : resources) {
            if (!r.mediaType().startsWith("image/")
                    || r.size() <= 0
                    || r.size() > MAX_PAGE_IMAGE_BYTES
                    || !seen.add(r.sha256())) {
                continue;
            }
            if (++tried > MAX_PAGE_IMAGES) {
                break;
            }
            byte[] bytes;
            try (InputStream in = ports.blobs().open(r.sha256())) {
                bytes = in.readNBytes((int) r.size());
            } catch (IOException | DaleelException e) {
                continue; // a resource that cannot be read is not matched; the page is stored regardless
            }
            ports.media().imagePart(bytes, r.url()).ifPresent(parts::add);
        }
        return parts;
    }

    private static Extraction withNote(Extraction e, String note) {
        if (note.isEmpty()) {
            return e;
        }
        return switch (e) {
            case Extraction.Extracted x ->
                new Extraction.Extracted(
                        x.mediaType(),
                        x.title(),
                        x.text(),
                        x.language(),
                        x.published(),
                        x.note().isEmpty() ? note : x.note() + "; " + note);
            case Extraction.Failed f -> new Extraction.Failed(f.mediaType(), f.reason() + "; " + note);
        };
    }

    private static Item withNote(Item i, String note) {
        if (note.isEmpty()) {
            return i;
        }
        return new Item(
                i.id(),
                i.seq(),
                i.kind(),
                i.url(),
                i.requestedUrl(),
                i.fileName(),
                i.sha256(),
                i.size(),
                i.mediaType(),
                i.capturedAt(),
                i.title(),
                i.text(),
                i.language(),
                i.published(),
                i.extractionNote().isEmpty() ? note : i.extractionNote() + "; " + note,
                i.warc(),
                i.provenance());
    }

    private static boolean isVideo(Item item) {
        return item.mediaType().startsWith("video/");
    }

    private static boolean isImage(Item item) {
        return item.mediaType().startsWith("image/") && item.size() <= MAX_IMAGE_BYTES;
    }

    private static String name(Item item) {
        return item.fileName().isEmpty() ? item.url() : item.fileName();
    }

    @Override
    public List<SimilarItem> similar(String id) {
        Item item = get(id);
        List<org.daleel.match.MediaMatch> matches;
        if (isImage(item)) {
            byte[] payload;
            try (InputStream in = ports.blobs().open(item.sha256())) {
                payload = in.readAllBytes();
            } catch (IOException e) {
                throw new DaleelException("item " + id + ": could not read its image: " + e.getMessage(), e);
            }
            matches = ports.media().match(payload, name(item), 31);
        } else {
            List<MediaPart> parts = ports.media().parts(item.seq());
            if (parts.isEmpty()) {
                return List.of();
            }
            matches = ports.media().matchParts(parts, 31, item.seq());
        }
        List<SimilarItem> out = new ArrayList<>();
        for (var m : matches) {
            if (m.seq() == item.seq()) {
                continue;
            }
            bySeq(m.seq()).ifPresent(other -> {
                var relation = other.seq() < item.seq() ? SimilarItem.Relation.EARLIER : SimilarItem.Relation.LATER;
                out.add(new SimilarItem(
                        other,
                        m.distance(),
                        m.method(),
                        m.explanation(),
                        relation,
                        Alerts.describe(item, other, relation),
                        m.frameMillis(),
                        m.imageUrl()));
            });
        }
        out.sort(java.util.Comparator.comparing((SimilarItem s) -> s.item().seq()));
        return out;
    }

    @Override
    public List<MediaPart> mediaParts(String id) {
        return ports.media().parts(get(id).seq());
    }

    @Override
    public MediaMetadata metadata(String id) {
        Item item = get(id);
        if (isVideo(item)) {
            try {
                return withVideoFile(
                        item.sha256(), item.size(), file -> ports.video().probe(file, name(item)));
            } catch (IOException e) {
                throw new DaleelException("item " + id + ": could not read its video: " + e.getMessage(), e);
            }
        }
        if (!isImage(item)) {
            return MediaMetadata.empty();
        }
        byte[] payload;
        try (InputStream in = ports.blobs().open(item.sha256())) {
            payload = in.readAllBytes();
        } catch (IOException e) {
            throw new DaleelException("item " + id + ": could not read its image: " + e.getMessage(), e);
        }
        return metadataReader.read(payload, name(item));
    }

    @Override
    public List<SimilarItem> match(InputStream image, String name, int maxDistance) {
        if (maxDistance < 0 || maxDistance > 256) {
            throw new InvalidInputException("max distance " + maxDistance + " is out of range 0..256");
        }
        Path temp;
        try {
            Files.createDirectories(dir.warcTmp());
            temp = dir.warcTmp().resolve("match-" + ItemIds.next(clock.instant()) + ".part");
        } catch (IOException e) {
            throw new DaleelException(dir + ": could not prepare the lookup: " + e.getMessage(), e);
        }
        try {
            try (InputStream in = image) {
                copyBounded(in, temp, name);
            } catch (IOException e) {
                throw new InvalidInputException(name + ": could not read: " + e.getMessage());
            }
            return matchFile(temp, name, maxDistance);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a stale lookup file is removed by recover()
            }
        }
    }

    private List<SimilarItem> matchFile(Path file, String name, int maxDistance) {
        List<org.daleel.match.MediaMatch> matches;
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InvalidInputException(name + ": could not read: " + e.getMessage());
        }
        org.daleel.match.Fingerprint fp = new org.daleel.match.Fingerprint.NotAnImage();
        byte[] payload = null;
        if (size <= MAX_IMAGE_BYTES) {
            try {
                payload = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new InvalidInputException(name + ": could not read: " + e.getMessage());
            }
            fp = ports.media().fingerprint(payload, name);
        }
        switch (fp) {
            case org.daleel.match.Fingerprint.Unreadable u -> throw new InvalidInputException(name + ": " + u.reason());
            case org.daleel.match.Fingerprint.Hashed h ->
                matches = ports.media().match(payload, name, maxDistance);
            case org.daleel.match.Fingerprint.NotAnImage n -> {
                VideoAnalysis video = ports.video().analyse(file, name);
                if (!video.analysed()) {
                    throw new InvalidInputException(
                            name + ": not an image or video this archive can read (" + video.note() + ")");
                }
                matches = ports.media().matchParts(video.frames(), maxDistance, -1);
            }
        }
        List<SimilarItem> out = new ArrayList<>();
        for (var m : matches) {
            bySeq(m.seq())
                    .ifPresent(other -> out.add(new SimilarItem(
                            other,
                            m.distance(),
                            m.method(),
                            m.explanation(),
                            SimilarItem.Relation.LOOKUP,
                            Alerts.describe(null, other, SimilarItem.Relation.LOOKUP),
                            m.frameMillis(),
                            m.imageUrl())));
        }
        return out;
    }

    private Optional<Item> bySeq(long seq) {
        List<Item> one = ports.catalog().listAfter(seq - 1, 1);
        return one.isEmpty() || one.get(0).seq() != seq ? Optional.empty() : Optional.of(one.get(0));
    }

    /**
     * Analyses stored items again and re-indexes them: with {@code all} false, the items that have
     * no analysis (stored before analysis existed, or interrupted); with {@code all} true, also
     * those analysed by another analyzer version (a newer gazetteer or thesaurus). Idempotent and
     * crash-safe: each batch is committed to the search index before the catalog records its
     * analyses, so an interruption leaves items that the next run picks up again. Writer only.
     *
     * @return number of items analysed
     */
    public long reanalyse(boolean all, Progress progress) {
        return reanalyse(all, progress, () -> false);
    }

    /**
     * Like {@link #reanalyse(boolean, Progress)}, returning soon after {@code stop} says so: it is
     * asked before each item, and a batch not yet written when it says so is abandoned (its items
     * are picked up by the next run). This is the work of {@link #startReanalysis}.
     */
    public long reanalyse(boolean all, Progress progress, java.util.function.BooleanSupplier stop) {
        String version = all ? analyses.version() : "";
        long total = ports.catalog().countUnanalysed(version);
        if (total == 0 || stop.getAsBoolean()) {
            return 0;
        }
        long done = 0;
        long after = 0;
        progress.update(0, total);
        List<Item> batch;
        while (!(batch = ports.catalog().listUnanalysed(version, after, 200)).isEmpty()) {
            List<ItemAnalysis> found = new ArrayList<>(batch.size());
            for (Item item : batch) {
                if (stop.getAsBoolean()) {
                    return done;
                }
                found.add(analyses.analyse(item));
            }
            synchronized (writeLock) {
                for (int i = 0; i < batch.size(); i++) {
                    ports.index().index(batch.get(i), found.get(i));
                }
                commitIndex();
                for (int i = 0; i < batch.size(); i++) {
                    ports.catalog().putAnalysis(batch.get(i).id(), found.get(i));
                }
            }
            after = batch.get(batch.size() - 1).seq();
            done += batch.size();
            progress.update(done, total);
        }
        return done;
    }

    /** Number of items {@link #reanalyse} would analyse. */
    public long countUnanalysed(boolean all) {
        return ports.catalog().countUnanalysed(all ? analyses.version() : "");
    }

    /**
     * Number of items whose stored analysis was made by another analyzer version than this
     * archive's (an older gazetteer, thesaurus or rules): their facets, map places, timeline and
     * quantities may be out of date until they are analysed again. Items without any analysis are
     * not counted (a writer analyses those when it opens the archive). Loads the analyzer.
     */
    public long countStale() {
        return ports.catalog().countStale(analyses.version());
    }

    /**
     * Starts re-analysing, on a background thread, every item analysed by another analyzer version
     * ({@link #reanalyse reanalyse(true, ...)}), also reporting to {@code report}; {@link
     * #reanalysis()} tells where it stands and {@link #close()} stops it first. Writer only; at most
     * one job per archive.
     *
     * @throws IllegalStateException when a job was started already
     */
    public BackgroundReanalysis startReanalysis(Progress report) {
        synchronized (jobLock) {
            if (reanalysisJob != null) {
                throw new IllegalStateException("a background re-analysis of " + dir + " was started already");
            }
            reanalysisJob = BackgroundReanalysis.start(
                    (progress, stop) -> reanalyse(true, progress, stop), report, REANALYSIS_STOP_WAIT);
            return reanalysisJob;
        }
    }

    /** Where the background re-analysis stands ({@link ReanalysisStatus#NONE} when none was started). */
    @Override
    public ReanalysisStatus reanalysis() {
        synchronized (jobLock) {
            return reanalysisJob == null ? ReanalysisStatus.NONE : reanalysisJob.status();
        }
    }

    /** The stored analysis of an item (empty for an item stored before analysis, until re-analysed). */
    @Override
    public Optional<ItemAnalysis> analysis(String id) {
        get(id);
        return ports.catalog().analysis(id);
    }

    /** Receives the progress of long work. */
    @FunctionalInterface
    public interface Progress {
        /** Reports nothing. */
        Progress NONE = (done, total) -> {};

        /** {@code done} of {@code total} units are finished. */
        void update(long done, long total);
    }

    /** Commits pending index changes so other processes see them. */
    public void flush() {
        synchronized (writeLock) {
            if (pending > 0) {
                commitIndex();
            }
        }
    }

    private Extraction extract(String sha, long size, String declaredType, String fileName, String url)
            throws IOException {
        if (size > config.maxExtractBytes()) {
            // a video has no text to extract: its first bytes say what it is, so that it is analysed
            byte[] head;
            try (InputStream in = ports.blobs().open(sha)) {
                head = in.readNBytes(64 * 1024);
            }
            Extraction byHead = ports.extractor().extract(new ExtractionInput(head, declaredType, fileName, url));
            if (byHead.mediaType().startsWith("video/")) {
                return byHead;
            }
            return new Extraction.Failed(
                    declaredType.isEmpty() ? "application/octet-stream" : declaredType,
                    "could not extract text: " + size + " bytes exceeds the extraction bound of "
                            + config.maxExtractBytes() + " bytes (the original is stored)");
        }
        byte[] bytes;
        try (InputStream in = ports.blobs().open(sha)) {
            bytes = in.readAllBytes();
        }
        return ports.extractor().extract(new ExtractionInput(bytes, declaredType, fileName, url));
    }

    private static Item item(
            String id,
            ItemKind kind,
            String url,
            String requestedUrl,
            String fileName,
            String sha,
            long size,
            Instant capturedAt,
            Extraction extraction,
            WarcRef warc,
            ItemOptions options) {
        return switch (extraction) {
            case Extraction.Extracted e ->
                new Item(
                        id,
                        0,
                        kind,
                        url,
                        requestedUrl,
                        fileName,
                        sha,
                        size,
                        e.mediaType(),
                        capturedAt,
                        e.title().isEmpty() ? fileName : e.title(),
                        e.text(),
                        e.language(),
                        e.published(),
                        e.note(),
                        warc,
                        options.provenance());
            case Extraction.Failed f ->
                new Item(
                        id,
                        0,
                        kind,
                        url,
                        requestedUrl,
                        fileName,
                        sha,
                        size,
                        f.mediaType(),
                        capturedAt,
                        fileName,
                        "",
                        "",
                        "",
                        f.reason(),
                        warc,
                        options.provenance());
        };
    }

    private static void moveDurably(Path temp, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(target.getParent() + " does not support atomic rename", e);
        }
        try (FileChannel ch = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // directories cannot be opened on some platforms; the rename itself is atomic
        }
    }

    private static boolean looksLikeWarc(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(4);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = raw;
            if (b0 == 0x1f && b1 == 0x8b) {
                try {
                    in = new GZIPInputStream(raw);
                } catch (IOException e) {
                    return false;
                }
            }
            byte[] head = in.readNBytes(6);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("WARC/1");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static String sha256Of(Path file) throws IOException {
        var digest = Digests.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public SearchResult search(SearchQuery query) {
        if (unrefreshed) {
            synchronized (writeLock) {
                unrefreshed = false;
                ports.index().refresh();
            }
        }
        return ports.index().search(withPlaceIds(query));
    }

    /**
     * The query with every place of its filter as a GeoNames id: names are resolved through the
     * analyzer's gazetteer; an unknown name is an {@link InvalidInputException} naming it.
     */
    private SearchQuery withPlaceIds(SearchQuery query) {
        List<String> places = query.filter().places();
        if (places.isEmpty()) {
            return query;
        }
        List<String> ids = new ArrayList<>(places.size());
        for (String place : places) {
            if (place.chars().allMatch(c -> c >= '0' && c <= '9') && place.length() <= 18) {
                ids.add(place);
                continue;
            }
            var found = ports.analyzer()
                    .findPlace(place)
                    .orElseThrow(() -> new InvalidInputException("place '" + place + "' is not in the gazetteer:"
                            + " give its GeoNames id or another spelling (English or Arabic)"));
            ids.add(Long.toString(found.geonameId()));
        }
        return query.withFilter(query.filter().withPlaces(ids));
    }

    @Override
    public Item get(String id) {
        return ports.catalog().get(id);
    }

    @Override
    public List<Resource> resources(String id) {
        ports.catalog().get(id);
        return ports.catalog().resources(id);
    }

    @Override
    public List<Item> recent(int limit) {
        return ports.catalog().listRecent(limit);
    }

    @Override
    public long count() {
        return ports.catalog().count();
    }

    @Override
    public InputStream openBlob(String sha256) throws IOException {
        Digests.requireSha256Hex(sha256);
        if (ports.blobs().contains(sha256)) {
            return ports.blobs().open(sha256);
        }
        for (String suffix : new String[] {".warc.gz", ".warc"}) {
            Path imported = dir.warcs().resolve("IMPORT-" + sha256 + suffix);
            if (Files.isRegularFile(imported)) {
                return Files.newInputStream(imported);
            }
        }
        return ports.blobs().open(sha256);
    }

    @Override
    public InputStream openWarc(String id) throws IOException {
        Item item = get(id);
        if (!item.hasWarc()) {
            throw new NotFoundException("item " + id + " has no WARC file (it was imported as a plain file)");
        }
        Path file = dir.warcs().resolve(item.warc().fileName());
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("item " + id + ": WARC file " + file + " is missing");
        }
    }

    /** The custody ledger this archive records its writes in. */
    public CustodyLog custody() {
        return ports.custody();
    }

    /** The data directory this archive runs on. */
    public DataDir dataDir() {
        return dir;
    }

    @Override
    public void close() {
        BackgroundReanalysis job;
        synchronized (jobLock) {
            job = reanalysisJob;
        }
        if (job != null) {
            job.close(); // before the ports close under it
        }
        try {
            flush();
        } finally {
            try {
                ports.index().close();
            } finally {
                try {
                    ports.catalog().close();
                } finally {
                    try {
                        ports.custody().close();
                    } finally {
                        ports.media().close();
                    }
                }
            }
        }
    }
}
