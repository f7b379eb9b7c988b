package org.daleel.capture.http;

import java.time.Duration;
import org.daleel.capture.CapturePolicy;

/**
 * What is left of one capture's {@link CapturePolicy} bounds: wall time since the capture began and
 * body bytes read so far; names each bound for error messages ("the 50 MiB per-response bound").
 * Videos have bounds of their own: a size per video, and a wall time for all of them that starts
 * with the first video fetch; their bytes do not count against the total size bound. Used by one
 * capture thread only.
 */
final class Budget {
    private final CapturePolicy policy;
    private final long startNanos;
    private long bytesRead;
    private long videoStartNanos = -1;
    private long videoBytesRead;

    Budget(CapturePolicy policy) {
        this.policy = policy;
        this.startNanos = System.nanoTime();
    }

    CapturePolicy policy() {
        return policy;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Milliseconds left of the total time bound (0 or less when it is spent). */
    long timeLeftMillis() {
        return policy.totalTimeout().toMillis() - elapsedMillis();
    }

    /** The call timeout of the next request: the per-request bound, or less when the total bound is nearer. */
    long callTimeoutMillis() {
        return Math.max(1, Math.min(policy.requestTimeout().toMillis(), timeLeftMillis()));
    }

    /** True when the total time bound, not the per-request bound, limits the next request. */
    boolean totalTimeLimitsNextCall() {
        return timeLeftMillis() < policy.requestTimeout().toMillis();
    }

    /** Body bytes the next response may still read under the total bound. */
    long bytesLeft() {
        return Math.max(0, policy.maxTotalBytes() - bytesRead);
    }

    void addBytes(long n) {
        bytesRead += n;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Starts the video time bound, once: at the first video fetch. */
    void startVideos() {
        if (videoStartNanos < 0) {
            videoStartNanos = System.nanoTime();
        }
    }

    /** Milliseconds left of the video time bound (its whole length before {@link #startVideos}). */
    long videoTimeLeftMillis() {
        long spent = videoStartNanos < 0 ? 0 : (System.nanoTime() - videoStartNanos) / 1_000_000;
        return policy.videoTimeout().toMillis() - spent;
    }

    void addVideoBytes(long n) {
        videoBytesRead += n;
    }

    long videoBytesRead() {
        return videoBytesRead;
    }

    String videoBound() {
        return CapturePolicy.videoSizeBound(policy.maxVideoBytes());
    }

    String videoTimeBound() {
        return "the " + duration(policy.videoTimeout()) + " video time bound (capture.video.timeout)";
    }

    String perResponseBound() {
        return "the " + bytes(policy.maxResponseBytes()) + " per-response bound";
    }

    String totalBytesBound() {
        return "the " + bytes(policy.maxTotalBytes()) + " total size bound";
    }

    String requestTimeBound() {
        return "the " + duration(policy.requestTimeout()) + " per-request time bound";
    }

    String totalTimeBound() {
        return "the " + duration(policy.totalTimeout()) + " total time bound";
    }

    String redirectBound() {
        return "the " + policy.maxRedirects() + "-redirect bound";
    }

    String resourceBound() {
        return "the " + policy.maxResources() + "-resource bound";
    }

    /** "50 MiB", "64 KiB" or "1000 bytes". */
    static String bytes(long n) {
        if (n > 0 && n % (1024 * 1024) == 0) {
            return n / (1024 * 1024) + " MiB";
        }
        if (n > 0 && n % 1024 == 0) {
            return n / 1024 + " KiB";
        }
        return n + " bytes";
    }

    /** "3 min", "30 s" or "500 ms". */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms > 0 && ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        if (ms > 0 && ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return ms + " ms";
    }
}
