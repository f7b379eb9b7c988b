package org.daleel.search.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.daleel.core.ConflictException;
import org.daleel.core.DaleelException;
import org.daleel.core.IntegrityException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.search.Facets;
import org.daleel.search.SearchHit;
import org.daleel.search.SearchIndex;
import org.daleel.search.SearchQuery;
import org.daleel.search.SearchResult;

/**
 * {@link SearchIndex} on a Lucene index in a directory of its own (e.g. {@code daleel-data/index}).
 *
 * <p>Opened for writing with {@link #openWriter}, it holds Lucene's {@code write.lock} until
 * {@link #close()}, so a second writer, in this or another process, is refused with a
 * {@link ConflictException}. Opened with {@link #openReader}, it takes no lock, searches the last
 * commit and sees later commits after {@link #refresh()}; its write methods throw
 * {@link DaleelException}.
 *
 * <p>Analysis, fields and query syntax: see {@link Analysis}, {@link ItemDocuments} and
 * {@link ItemQueryParser}. Totals are exact. Closing discards what was not committed. Thread-safe.
 */
public final class LuceneSearchIndex implements SearchIndex {
    /** Commit user-data key of the highest catalog seq included in a commit. */
    static final String COMMITTED_SEQ = "daleel.committedSeq";

    /** Hits counted exactly by the top-docs collector before falling back to a separate count. */
    private static final int EXACT_TOTAL_THRESHOLD = 10_000;

    private static final Analyzer INDEX_ANALYZER = Analysis.indexing();

    /** Writing or read-only. */
    private sealed interface Access {
        record Writer(IndexWriter writer) implements Access {}

        record ReadOnly() implements Access {}
    }

    private final Path dir;
    private final Directory directory;
    private final Access access;
    private final SearcherManager searchers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object commitLock = new Object();
    private volatile long committedSeq;
    private final FacetCounts facetCounts = new FacetCounts();

    private LuceneSearchIndex(Path dir, Directory directory, Access access, SearcherManager searchers, long seq) {
        this.dir = dir;
        this.directory = directory;
        this.access = access;
        this.searchers = searchers;
        this.committedSeq = seq;
    }

    /**
     * Opens (creating when absent) the index in {@code dir} for writing.
     *
     * @throws ConflictException when another writer, in this or another process, has it open
     * @throws DaleelException when the directory cannot be read or written
     */
    public static LuceneSearchIndex openWriter(Path dir) {
        Directory directory = openDirectory(dir);
        IndexWriter writer;
        try {
            IndexWriterConfig config = new IndexWriterConfig(INDEX_ANALYZER)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false);
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            closeQuietly(directory, e);
            throw new ConflictException(
                    "search index " + dir + " is already open for writing by another process or"
                            + " instance (Lucene write.lock is held); open it read-only or stop the other writer",
                    e);
        } catch (IOException e) {
            closeQuietly(directory, e);
            throw new DaleelException("search index " + dir + ": cannot open for writing: " + e.getMessage(), e);
        }
        try {
            if (!DirectoryReader.indexExists(directory)) {
                // An empty first commit, so that readers can open the index before anything is indexed.
                writer.commit();
            }
            long seq = parseSeq(dir, userData(writer.getLiveCommitData()));
            SearcherManager searchers = new SearcherManager(writer, null);
            return new LuceneSearchIndex(dir, directory, new Access.Writer(writer), searchers, seq);
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer, e);
            closeQuietly(directory, e);
            throw e instanceof DaleelException de ? de : failure(dir, "cannot open for writing", e);
        }
    }

    /**
     * Opens the index in {@code dir} read-only: no lock is taken, searches see the last commit (of a
     * writer in this or another process), {@link #refresh()} moves to a newer commit.
     *
     * @throws NotFoundException when {@code dir} holds no committed index yet
     */
    public static LuceneSearchIndex openReader(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NotFoundException("search index " + dir + ": no such directory (open it for writing first)");
        }
        Directory directory = openDirectory(dir);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                throw new NotFoundException("search index " + dir + ": no committed index (open it for writing first)");
            }
            SearcherManager searchers = new SearcherManager(directory, null);
            return new LuceneSearchIndex(dir, directory, new Access.ReadOnly(), searchers, 0);
        } catch (IOException | RuntimeException e) {
            closeQuietly(directory, e);
            throw e instanceof DaleelException de ? de : failure(dir, "cannot open for reading", e);
        }
    }

    @Override
    public void index(Item item, ItemAnalysis analysis) {
        IndexWriter writer = writer("index item " + item.id());
        try {
            writer.updateDocument(ItemDocuments.idTerm(item.id()), ItemDocuments.of(item, analysis));
        } catch (IOException | AlreadyClosedException e) {
            throw failure(dir, "cannot index item " + item.id(), e);
        }
    }

    @Override
    public void delete(String itemId) {
        IndexWriter writer = writer("delete item " + itemId);
        try {
            writer.deleteDocuments(ItemDocuments.idTerm(itemId));
        } catch (IOException | AlreadyClosedException e) {
            throw failure(dir, "cannot delete item " + itemId, e);
        }
    }

    @Override
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException | AlreadyClosedException e) {
            throw failure(dir, "cannot refresh", e);
        }
    }

    @Override
    public void commit(long upToSeq) {
        if (upToSeq < 0) {
            throw new IllegalArgumentException("search index " + dir + ": commit seq must be >= 0, got " + upToSeq);
        }
        IndexWriter writer = writer("commit");
        synchronized (commitLock) {
            try {
                writer.setLiveCommitData(
                        Map.of(COMMITTED_SEQ, Long.toString(upToSeq)).entrySet());
                writer.commit();
                committedSeq = upToSeq;
                searchers.maybeRefreshBlocking();
            } catch (IOException | AlreadyClosedException e) {
                throw failure(dir, "cannot commit up to seq " + upToSeq, e);
            }
        }
    }

    @Override
    public long committedSeq() {
        if (access instanceof Access.Writer) {
            return committedSeq;
        }
        IndexSearcher searcher = acquire();
        try {
            DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
            return parseSeq(dir, reader.getIndexCommit().getUserData().entrySet());
        } catch (IOException e) {
            throw failure(dir, "cannot read the committed seq", e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public SearchResult search(SearchQuery query) {
        Query text = query.text().isBlank() ? new MatchAllDocsQuery() : ItemQueryParser.toQuery(query.text());
        Query filtered = ItemDocuments.filtered(text, query);
        IndexSearcher searcher = acquire();
        try {
            int maxDoc = searcher.getIndexReader().maxDoc();
            if (maxDoc == 0) {
                return new SearchResult(0, List.of());
            }
            int numHits = (int) Math.min((long) query.offset() + query.limit(), maxDoc);
            // Two passes: the top hits, scored with early termination (block-max WAND) once the
            // total is known to exceed the threshold; then every match, unscored, for the facet
            // counts and the exact total. Scoring every match in one pass is slower.
            TopDocs top = searcher.search(filtered, new TopScoreDocCollectorManager(numHits, EXACT_TOTAL_THRESHOLD));
            FacetsCollector matching = searcher.search(new ConstantScoreQuery(filtered), new FacetsCollectorManager());
            long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
                    ? top.totalHits.value()
                    : matching.getMatchingDocs().stream()
                            .mapToLong(FacetsCollector.MatchingDocs::totalHits)
                            .sum();
            ScoreDoc[] page = query.offset() >= top.scoreDocs.length
                    ? new ScoreDoc[0]
                    : Arrays.copyOfRange(top.scoreDocs, query.offset(), top.scoreDocs.length);
            Facets facets = facetCounts.count(searcher.getIndexReader(), matching);
            return new SearchResult(total, hits(searcher, text, page), facets);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidInputException(
                    "search query '" + query.text() + "' expands to too many terms; use fewer words or longer prefixes",
                    e);
        } catch (IOException e) {
            throw failure(dir, "cannot search for '" + query.text() + "'", e);
        } finally {
            release(searcher);
        }
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query text, ScoreDoc[] page) throws IOException {
        StoredFields stored = searcher.storedFields();
        Document[] docs = new Document[page.length];
        int[] docIds = new int[page.length];
        String[] texts = new String[page.length];
        for (int i = 0; i < page.length; i++) {
            docIds[i] = page[i].doc;
            docs[i] = stored.document(page[i].doc);
            String t = docs[i].get(ItemDocuments.TEXT);
            texts[i] = t == null ? "" : t;
        }
        String[] snippets =
                page.length == 0 ? new String[0] : new Snippets(searcher, INDEX_ANALYZER).of(text, docIds, texts);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            hits.add(ItemDocuments.hit(docs[i], snippets[i], page[i].score));
        }
        return hits;
    }

    @Override
    public long count() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    @Override
    public void clear() {
        IndexWriter writer = writer("clear");
        try {
            writer.deleteAll();
            searchers.maybeRefreshBlocking();
        } catch (IOException | AlreadyClosedException e) {
            throw failure(dir, "cannot clear", e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // commitOnClose is false: closing the writer rolls back what was not committed.
        IndexWriter writer = access instanceof Access.Writer(IndexWriter w) ? w : null;
        try (directory;
                writer;
                searchers) {
            // Closed in reverse order: searchers, writer (when writing), directory.
        } catch (IOException e) {
            throw failure(dir, "cannot close", e);
        }
    }

    @Override
    public String toString() {
        return "LuceneSearchIndex[" + dir + (access instanceof Access.ReadOnly ? ", read-only]" : "]");
    }

    private IndexWriter writer(String action) {
        return switch (access) {
            case Access.Writer(IndexWriter writer) -> writer;
            case Access.ReadOnly() ->
                throw new DaleelException(
                        "search index " + dir + " is open read-only: cannot " + action + " (open it for writing)");
        };
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException | AlreadyClosedException e) {
            throw failure(dir, "cannot search", e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw failure(dir, "cannot release a searcher", e);
        }
    }

    private static Directory openDirectory(Path dir) {
        try {
            return FSDirectory.open(dir);
        } catch (IOException e) {
            throw new DaleelException("search index " + dir + ": cannot open directory: " + e.getMessage(), e);
        }
    }

    private static Iterable<Map.Entry<String, String>> userData(Iterable<Map.Entry<String, String>> data) {
        return data == null ? List.of() : data;
    }

    private static long parseSeq(Path dir, Iterable<Map.Entry<String, String>> userData) {
        for (Map.Entry<String, String> entry : userData) {
            if (entry.getKey().equals(COMMITTED_SEQ)) {
                try {
                    return Long.parseLong(entry.getValue());
                } catch (NumberFormatException e) {
                    throw new IntegrityException(
                            "search index " + dir + ": commit user data " + COMMITTED_SEQ
                                    + " should be a number, found '" + entry.getValue() + "'",
                            e);
                }
            }
        }
        return 0;
    }

    private static DaleelException failure(Path dir, String what, Throwable cause) {
        if (cause instanceof AlreadyClosedException) {
            return new DaleelException("search index " + dir + " is closed: " + what, cause);
        }
        return new DaleelException("search index " + dir + ": " + what + ": " + cause.getMessage(), cause);
    }

    private static void closeQuietly(AutoCloseable resource, Throwable primary) {
        try {
            resource.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }
}
