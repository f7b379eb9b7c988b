package org.daleel.web;

import java.io.IOException;
import java.nio.file.Path;
import org.daleel.analysis.item.TextItemAnalyzer;
import org.daleel.archive.ArchiveConfig;
import org.daleel.archive.ArchivePorts;
import org.daleel.archive.DataDir;
import org.daleel.archive.LocalArchive;
import org.daleel.blob.FileBlobStore;
import org.daleel.capture.CapturePolicy;
import org.daleel.capture.http.HttpCapturer;
import org.daleel.catalog.sqlite.SqliteCatalog;
import org.daleel.extract.content.ContentExtractor;
import org.daleel.extract.warc.JwarcRecords;
import org.daleel.ledger.LedgerCustodyLog;
import org.daleel.media.PdqMediaIndex;
import org.daleel.media.meta.DrewMetadataReader;
import org.daleel.media.video.FfmpegVideoAnalyser;
import org.daleel.search.lucene.LuceneSearchIndex;

/** A real {@link LocalArchive} on the embedded adapters, a custody ledger, a PDQ media index, ffmpeg for videos, the EXIF reader and the text analyzer, in a temporary data directory. */
final class TestArchive {
    private TestArchive() {}

    static LocalArchive open(Path root) throws IOException {
        return open(root, TextItemAnalyzer.loadingDefault());
    }

    /** Like {@link #open(Path)} with another item analyzer. */
    static LocalArchive open(Path root, org.daleel.item.ItemAnalyzer analyzer) throws IOException {
        DataDir dir = DataDir.at(root).create();
        FileBlobStore blobs = new FileBlobStore(dir.blobs());
        var ports = new ArchivePorts(
                blobs,
                SqliteCatalog.open(dir.catalogFile()),
                LuceneSearchIndex.openWriter(dir.index()),
                new ContentExtractor(),
                new HttpCapturer(CapturePolicy.defaults("test"), blobs, "test"),
                new JwarcRecords(),
                LedgerCustodyLog.open(dir.ledger(), "daleel.local/test"),
                PdqMediaIndex.open(dir.media()),
                new FfmpegVideoAnalyser(FfmpegVideoAnalyser.locate(null), FfmpegVideoAnalyser.Settings.DEFAULTS),
                analyzer);
        LocalArchive archive = new LocalArchive(dir, ports, ArchiveConfig.defaults(), new DrewMetadataReader());
        archive.recover();
        return archive;
    }
}
