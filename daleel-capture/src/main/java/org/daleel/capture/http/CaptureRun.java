package org.daleel.capture.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import org.daleel.blob.BlobRef;
import org.daleel.blob.BlobStore;
import org.daleel.blob.Digests;
import org.daleel.capture.CaptureException;
import org.daleel.capture.CaptureException.Cause;
import org.daleel.capture.CapturePolicy;
import org.daleel.capture.CaptureRequest;
import org.daleel.capture.CaptureResult;
import org.daleel.item.Resource;
import org.daleel.warc.WarcBlock;
import org.daleel.warc.WarcFields;
import org.daleel.warc.WarcRecord;
import org.daleel.warc.WarcType;
import org.daleel.warc.WarcWriter;

/** One capture from first request to fsynced WARC; see {@link HttpCapturer} for the file layout. */
final class CaptureRun {
    private static final String PAGE_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String VIDEO_ACCEPT = "video/webm,video/mp4,video/*;q=0.9,*/*;q=0.5";

    /** Most videos fetched whole with one page (the page itself counts when it is one). */
    static final int MAX_VIDEOS = 5;

    private final CaptureRequest request;
    private final HttpUrl requested;
    private final Path warcFile;
    private final CapturePolicy policy;
    private final BlobStore blobs;
    private final String toolVersion;
    private final GuardedDns dns;
    private final Budget budget;
    private final Fetcher fetcher;
    private final CaptureLog log = new CaptureLog();
    private final List<String> notes = new ArrayList<>();
    private int videos;
    private final Instant started = Instant.now();
    private WarcWriter writer;
    private String warcinfoId = "";

    /**
     * A fetched and recorded final response (the end of a redirect chain); {@code videoType} is the
     * video media type it declared or its bytes show, else "".
     */
    private record Recorded(
            Exchange ex, String responseId, long responseOffset, List<String> before, String videoType) {
        /** The media type to record: the declared one, unless the bytes show a video it does not name. */
        String mediaType() {
            return !videoType.isEmpty() && !ex.mediaType().startsWith("video/") ? videoType : ex.mediaType();
        }
    }

    CaptureRun(
            CaptureRequest request,
            HttpUrl requested,
            Path warcFile,
            CapturePolicy policy,
            BlobStore blobs,
            String toolVersion,
            OkHttpClient client,
            AddressPolicy addresses,
            GuardedDns dns) {
        this.request = request;
        this.requested = requested;
        this.warcFile = warcFile;
        this.policy = policy;
        this.blobs = blobs;
        this.toolVersion = toolVersion;
        this.dns = dns;
        this.budget = new Budget(policy);
        this.fetcher =
                new Fetcher(client, addresses, budget, warcFile.toAbsolutePath().getParent());
    }

    /** Captures; on any failure deletes the WARC file it created before throwing. */
    CaptureResult run() throws CaptureException {
        boolean created = false;
        boolean done = false;
        try {
            Result r;
            try (FileChannel channel =
                    FileChannel.open(warcFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                created = true;
                writer = new WarcWriter(channel);
                r = capture();
                channel.force(true);
            }
            CaptureResult result = r.finish(warcFile);
            done = true;
            return result;
        } catch (IOException e) {
            throw storage(e);
        } finally {
            if (created && !done) {
                Fetcher.deleteQuietly(warcFile);
            }
        }
    }

    /** What is known once all records are written, before the file digest. */
    private record Result(
            Recorded page,
            String finalUrl,
            List<Resource> resources,
            String pageSha256,
            String requestedUrl,
            List<String> notes) {
        CaptureResult finish(Path warcFile) throws IOException {
            MessageDigest d = Digests.sha256();
            long size = 0;
            try (InputStream in = Files.newInputStream(warcFile)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    d.update(buf, 0, n);
                    size += n;
                }
            }
            Exchange ex = page.ex();
            return new CaptureResult(
                    requestedUrl,
                    finalUrl,
                    page.before(),
                    ex.status(),
                    page.mediaType(),
                    pageSha256,
                    ex.bodySize(),
                    ex.ip(),
                    ex.receivedAt().truncatedTo(ChronoUnit.MILLIS),
                    page.responseOffset(),
                    resources,
                    HexFormat.of().formatHex(d.digest()),
                    size,
                    notes);
        }
    }

    private Result capture() throws IOException {
        writeWarcinfo();
        Recorded page = fetchPage();
        List<Resource> resources;
        String pageSha;
        try {
            pageSha = store(page.ex());
            Set<HttpUrl> seen = new HashSet<>();
            seen.add(requested);
            page.before().forEach(u -> seen.add(HttpUrl.get(u)));
            seen.add(page.ex().url());
            resources = fetchResources(page, seen);
            resources.addAll(fetchVideos(page, seen));
        } finally {
            Fetcher.deleteQuietly(page.ex().body());
        }
        writeMetadata(page);
        return new Result(page, page.ex().url().toString(), resources, pageSha, request.url(), notes);
    }

    private void writeWarcinfo() throws IOException {
        warcinfoId = WarcRecord.newRecordId();
        WarcFields fields = new WarcFields()
                .add(
                        "software",
                        "Daleel/" + oneLine(toolVersion) + " (" + HttpCapturer.class.getSimpleName() + "; OkHttp/"
                                + OkHttp.VERSION + "; jsoup)")
                .add("format", "WARC File Format 1.1")
                .add("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/")
                .add("operator", oneLine(request.operator()))
                .add("description", "Daleel capture of " + requested + " with its embedded resources")
                .add("robots", "ignore")
                .add("http-header-user-agent", oneLine(policy.userAgent()));
        writer.write(WarcRecord.builder(WarcType.WARCINFO)
                .id(warcinfoId)
                .date(started)
                .filename(warcFile.getFileName().toString())
                .contentType(WarcFields.MEDIA_TYPE)
                .block(WarcBlock.of(fields.toBytes()))
                .build());
    }

    private Recorded fetchPage() throws IOException {
        Recorded page = fetchChain(requested, PAGE_ACCEPT, CaptureLog.Role.PAGE, false);
        if (!page.ex().isSuccess()) {
            Fetcher.deleteQuietly(page.ex().body());
            String at = page.before().isEmpty() ? "" : " at " + page.ex().url();
            throw new CaptureException(
                    Cause.HTTP_STATUS,
                    request.url() + ": server answered " + page.ex().statusText() + at);
        }
        return page;
    }

    /**
     * Fetches {@code start}, following redirects up to the bound, writing a request and a response
     * record for every hop. The final exchange's body file is the caller's to delete. A page or
     * resource that turns out to be a video and hits the ordinary size or time bound is fetched again,
     * whole, under the video bounds (while the video count allows).
     */
    private Recorded fetchChain(HttpUrl start, String accept, CaptureLog.Role role, boolean video) throws IOException {
        HttpUrl current = start;
        List<String> before = new ArrayList<>();
        for (int redirects = 0; ; redirects++) {
            Exchange ex;
            Fetcher.Sniff sniff = new Fetcher.Sniff();
            try {
                try {
                    ex = fetcher.get(current, accept, policy.userAgent(), video, sniff);
                } catch (CaptureException e) {
                    boolean bounded = e.cause() == Cause.TOO_LARGE || e.cause() == Cause.TIMEOUT;
                    if (video || !bounded || sniff.videoType().isEmpty() || videos >= MAX_VIDEOS) {
                        throw e;
                    }
                    log.refetchedAsVideo(current.toString(), e);
                    sniff = new Fetcher.Sniff();
                    ex = fetcher.get(current, accept, policy.userAgent(), true, sniff);
                }
            } catch (CaptureException e) {
                if (current.equals(start)) {
                    throw e;
                }
                throw new CaptureException(e.cause(), start + " -> " + e.getMessage(), e);
            }
            boolean redirect = ex.isRedirect();
            String responseId;
            long offset;
            try {
                responseId = WarcRecord.newRecordId();
                offset = record(ex, responseId, redirect ? CaptureLog.Role.REDIRECT : role);
            } catch (IOException | RuntimeException e) {
                Fetcher.deleteQuietly(ex.body());
                throw e;
            }
            if (!redirect) {
                String videoType = sniff.videoType().orElse("");
                if (!videoType.isEmpty() && ex.isSuccess()) {
                    videos++;
                }
                return new Recorded(ex, responseId, offset, List.copyOf(before), videoType);
            }
            Fetcher.deleteQuietly(ex.body());
            String location = ex.headers().get("Location");
            Optional<HttpUrl> target = HttpCapturer.parseRelative(current, location);
            if (role == CaptureLog.Role.PAGE) {
                log.pageRedirect(ex, target.map(HttpUrl::toString).orElse(location));
            }
            if (target.isEmpty()) {
                throw new CaptureException(
                        Cause.BAD_URL,
                        start + ": " + current + " redirects to " + location + ", which is not an http(s) URL");
            }
            HttpUrl next = target.get();
            if (redirects >= policy.maxRedirects()) {
                throw new CaptureException(
                        Cause.TOO_MANY_REDIRECTS,
                        start + ": more than " + policy.maxRedirects() + " redirects (" + budget.redirectBound()
                                + "); the last went from " + current + " to " + next);
            }
            before.add(current.toString());
            current = next;
        }
    }

    /** Writes the request and response records of one exchange; returns the response's offset. */
    private long record(Exchange ex, String responseId, CaptureLog.Role role) throws IOException {
        String target = ex.url().toString();
        String requestId = WarcRecord.newRecordId();
        WarcRecord.Builder req = WarcRecord.builder(WarcType.REQUEST)
                .id(requestId)
                .date(ex.sentAt())
                .targetUri(target)
                .concurrentTo(responseId)
                .warcinfoId(warcinfoId)
                .contentType("application/http;msgtype=request")
                .block(WarcBlock.of(HttpMessages.requestHead(ex.sent())));
        WarcRecord.Builder resp = WarcRecord.builder(WarcType.RESPONSE)
                .id(responseId)
                .date(ex.receivedAt())
                .targetUri(target)
                .warcinfoId(warcinfoId)
                .contentType("application/http;msgtype=response")
                .block(WarcBlock.http(
                        HttpMessages.responseHead(ex.protocol(), ex.status(), ex.reason(), ex.headers(), ex.bodySize()),
                        ex.body()));
        if (!ex.ip().isEmpty()) {
            req.ipAddress(ex.ip());
            resp.ipAddress(ex.ip());
        }
        writer.write(req.build());
        long offset = writer.write(resp.build());
        log.fetched(role, ex, requestId, responseId, offset);
        return offset;
    }

    private List<Resource> fetchResources(Recorded page, Set<HttpUrl> seen) throws IOException {
        List<Resource> out = new ArrayList<>();
        if (!page.ex().isHtml()) {
            return out;
        }
        List<EmbeddedResources.Link> queue = new ArrayList<>();
        for (EmbeddedResources.Link link : EmbeddedResources.fromHtml(
                page.ex().body(), page.ex().charset(), page.ex().url())) {
            if (seen.add(link.url())) {
                queue.add(link);
            }
        }
        int fromHtml = queue.size();
        log.resourcesFound(fromHtml);
        for (int i = 0; i < queue.size(); i++) {
            String stop = stopReason(i, queue.size());
            if (!stop.isEmpty()) {
                log.stopped(stop);
                queue.subList(i, queue.size())
                        .forEach(l -> log.notFetched(l.url().toString()));
                break;
            }
            EmbeddedResources.Link link = queue.get(i);
            log.resourceFetched();
            Recorded r;
            try {
                r = fetchChain(link.url(), "*/*", CaptureLog.Role.RESOURCE, false);
            } catch (CaptureException e) {
                if (e.cause() == Cause.STORAGE) {
                    throw e;
                }
                log.failed(link.url().toString(), e);
                continue;
            }
            try {
                Exchange ex = r.ex();
                String sha = store(ex);
                out.add(new Resource(
                        ex.url().toString(), ex.status(), r.mediaType(), sha, ex.bodySize(), r.responseOffset()));
                if (!ex.isSuccess()) {
                    log.failed(
                            link.url().toString(),
                            new CaptureException(Cause.HTTP_STATUS, ex.url() + ": server answered " + ex.statusText()));
                } else if (i < fromHtml && (link.stylesheet() || ex.mediaType().equals("text/css"))) {
                    List<HttpUrl> found = EmbeddedResources.fromCss(readText(ex), ex.url());
                    int added = 0;
                    for (HttpUrl u : found) {
                        if (seen.add(u)) {
                            queue.add(new EmbeddedResources.Link(u, false));
                            added++;
                        }
                    }
                    log.resourcesFound(added);
                }
            } finally {
                Fetcher.deleteQuietly(r.ex().body());
            }
        }
        return out;
    }

    /**
     * Fetches the videos the page shows, each whole (one GET without {@code Range}) under the video
     * bounds, and notes the streams it shows and the videos it could not archive.
     */
    private List<Resource> fetchVideos(Recorded page, Set<HttpUrl> seen) throws IOException {
        List<Resource> out = new ArrayList<>();
        if (!page.ex().isHtml()) {
            return out;
        }
        PageVideos.Found found = PageVideos.fromHtml(
                page.ex().body(), page.ex().charset(), page.ex().url());
        log.videosFound(found.files().size(), found.streams());
        notes.addAll(found.streams());
        for (HttpUrl url : found.files()) {
            if (!seen.add(url)) {
                continue;
            }
            if (videos >= MAX_VIDEOS) {
                note(
                        url,
                        new CaptureException(
                                Cause.TOO_LARGE,
                                url + ": the " + MAX_VIDEOS + "-video bound of a capture was reached"));
                continue;
            }
            Recorded r;
            try {
                r = fetchChain(url, VIDEO_ACCEPT, CaptureLog.Role.VIDEO, true);
            } catch (CaptureException e) {
                if (e.cause() == Cause.STORAGE) {
                    throw e;
                }
                note(url, e);
                continue;
            }
            try {
                Exchange ex = r.ex();
                String sha = store(ex);
                out.add(new Resource(
                        ex.url().toString(), ex.status(), r.mediaType(), sha, ex.bodySize(), r.responseOffset()));
                if (!ex.isSuccess()) {
                    note(url, new CaptureException(Cause.HTTP_STATUS, url + ": server answered " + ex.statusText()));
                } else if (r.videoType().isEmpty()) {
                    notes.add("video URL " + url + " answered " + ex.mediaType()
                            + ", not a video file: archived, not analysed");
                }
            } finally {
                Fetcher.deleteQuietly(r.ex().body());
            }
        }
        return out;
    }

    /** Notes on the item, and in the capture log, that the video at {@code url} is not archived and why. */
    private void note(HttpUrl url, CaptureException e) {
        String why = e.getMessage();
        String reason =
                why.startsWith(url + ": ") ? why.substring(url.toString().length() + 2) : why;
        notes.add("video " + url + " not archived: " + reason);
        log.failed(url.toString(), e);
    }

    /** Why resource {@code i} (0-based) of {@code total} must not be fetched, or "". */
    private String stopReason(int i, int total) {
        if (i >= policy.maxResources()) {
            return budget.resourceBound() + " stopped resource fetching: " + (total - i) + " of " + total
                    + " embedded resources not fetched";
        }
        if (budget.timeLeftMillis() <= 0) {
            return budget.totalTimeBound() + " stopped resource fetching: " + (total - i) + " of " + total
                    + " embedded resources not fetched";
        }
        if (budget.bytesLeft() == 0) {
            return budget.totalBytesBound() + " stopped resource fetching: " + (total - i) + " of " + total
                    + " embedded resources not fetched";
        }
        return "";
    }

    private String readText(Exchange ex) throws IOException {
        Charset cs = StandardCharsets.UTF_8;
        try {
            if (!ex.charset().isEmpty()) {
                cs = Charset.forName(ex.charset());
            }
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            cs = StandardCharsets.UTF_8; // url() references are ASCII in practice
        }
        return new String(Files.readAllBytes(ex.body()), cs);
    }

    private String store(Exchange ex) throws IOException {
        BlobRef ref = blobs.put(ex.body());
        if (!ref.sha256().equals(ex.sha256()) || ref.size() != ex.bodySize()) {
            throw new CaptureException(
                    Cause.STORAGE,
                    ex.url() + ": blob store kept sha256:" + ref.sha256() + " (" + ref.size()
                            + " bytes), fetched sha256:" + ex.sha256() + " (" + ex.bodySize() + " bytes)");
        }
        return ref.sha256();
    }

    private void writeMetadata(Recorded page) throws IOException {
        String json = log.toJson(request, toolVersion, page.ex().url().toString(), started, budget, dns.answers());
        writer.write(WarcRecord.builder(WarcType.METADATA)
                .date(Instant.now())
                .targetUri(page.ex().url().toString())
                .concurrentTo(page.responseId())
                .warcinfoId(warcinfoId)
                .contentType("application/json")
                .block(WarcBlock.of(json.getBytes(StandardCharsets.UTF_8)))
                .build());
    }

    private CaptureException storage(IOException e) {
        return new CaptureException(
                Cause.STORAGE, request.url() + ": could not write " + warcFile + " or its blobs: " + e, e);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}]", " ").strip();
    }
}
