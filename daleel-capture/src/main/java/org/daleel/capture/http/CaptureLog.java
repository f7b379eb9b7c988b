package org.daleel.capture.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttp;
import org.daleel.capture.CaptureException;
import org.daleel.capture.CapturePolicy;
import org.daleel.capture.CaptureRequest;
import org.daleel.warc.WarcRecord;

/**
 * Everything one capture did, for its WARC metadata record: every fetch with its role, status, IP,
 * timing and records; DNS answers; redirects of the page; failed and skipped resources; the bounds
 * applied and the bounds that stopped anything. Used by one capture thread.
 */
final class CaptureLog {
    /** Why a fetch was made. */
    enum Role {
        PAGE,
        REDIRECT,
        RESOURCE,
        VIDEO
    }

    private final List<Map<String, Object>> fetches = new ArrayList<>();
    private final List<Map<String, Object>> redirects = new ArrayList<>();
    private final List<Map<String, Object>> failures = new ArrayList<>();
    private final List<String> stopped = new ArrayList<>();
    private final List<String> notFetched = new ArrayList<>();
    private final List<Map<String, Object>> refetched = new ArrayList<>();
    private final List<String> streams = new ArrayList<>();
    private int videosFound;
    private int resourcesFound;
    private int resourcesFetched;

    void fetched(Role role, Exchange ex, String requestId, String responseId, long responseOffset) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("role", role.name().toLowerCase(java.util.Locale.ROOT));
        f.put("url", ex.url().toString());
        f.put("status", ex.status());
        f.put("reason", ex.reason());
        f.put("mediaType", ex.mediaType());
        f.put("ip", ex.ip());
        f.put("start", WarcRecord.formatDate(ex.started()));
        f.put("durationMs", ex.durationMillis());
        f.put("bytes", ex.bodySize());
        f.put("sha256", ex.sha256());
        f.put("requestRecordId", requestId);
        f.put("responseRecordId", responseId);
        f.put("responseOffset", responseOffset);
        if (ex.isRedirect()) {
            f.put("location", ex.headers().get("Location"));
        }
        fetches.add(f);
    }

    void pageRedirect(Exchange ex, String next) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("url", ex.url().toString());
        r.put("status", ex.status());
        r.put("location", next);
        redirects.add(r);
    }

    void resourcesFound(int n) {
        resourcesFound += n;
    }

    void videosFound(int files, List<String> streamNotes) {
        videosFound += files;
        streams.addAll(streamNotes);
    }

    /** A page or resource that is a video hit an ordinary bound and is fetched again under the video bounds. */
    void refetchedAsVideo(String url, CaptureException e) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("url", url);
        r.put("cause", e.cause().name());
        r.put("message", e.getMessage());
        refetched.add(r);
    }

    void resourceFetched() {
        resourcesFetched++;
    }

    void failed(String url, CaptureException e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("url", url);
        f.put("cause", e.cause().name());
        f.put("message", e.getMessage());
        failures.add(f);
    }

    void stopped(String why) {
        stopped.add(why);
    }

    void notFetched(String url) {
        notFetched.add(url);
    }

    /** The metadata record's JSON. */
    String toJson(
            CaptureRequest request,
            String toolVersion,
            String finalUrl,
            Instant started,
            Budget budget,
            Map<String, List<String>> dns) {
        CapturePolicy p = budget.policy();
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", "Daleel");
        tool.put("version", toolVersion);
        tool.put("capturer", HttpCapturer.class.getName());
        tool.put("okhttp", OkHttp.VERSION);
        m.put("tool", tool);
        m.put("operator", request.operator());
        m.put("requestedUrl", request.url());
        m.put("finalUrl", finalUrl);
        m.put("startedAt", WarcRecord.formatDate(started));
        m.put("durationMs", budget.elapsedMillis());
        m.put("allowPrivate", request.allowPrivate());
        m.put("redirects", redirects);
        m.put("dns", new LinkedHashMap<String, Object>(dns));
        m.put("fetches", fetches);
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("found", resourcesFound);
        res.put("fetched", resourcesFetched);
        res.put("failed", failures.size());
        res.put("notFetched", List.copyOf(notFetched));
        m.put("resources", res);
        Map<String, Object> videos = new LinkedHashMap<>();
        videos.put("found", videosFound);
        videos.put("refetchedWhole", refetched);
        videos.put("streamsNotArchived", List.copyOf(streams));
        m.put("videos", videos);
        m.put("failures", failures);
        m.put("stoppedBy", stopped);
        Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("maxResponseBytes", p.maxResponseBytes());
        bounds.put("maxTotalBytes", p.maxTotalBytes());
        bounds.put("requestTimeoutMs", p.requestTimeout().toMillis());
        bounds.put("totalTimeoutMs", p.totalTimeout().toMillis());
        bounds.put("maxResources", p.maxResources());
        bounds.put("maxRedirects", p.maxRedirects());
        bounds.put("userAgent", p.userAgent());
        bounds.put("maxVideoBytes", p.maxVideoBytes());
        bounds.put("videoTimeoutMs", p.videoTimeout().toMillis());
        bounds.put("bytesRead", budget.bytesRead());
        bounds.put("videoBytesRead", budget.videoBytesRead());
        m.put("bounds", bounds);
        return Json.write(m);
    }
}
