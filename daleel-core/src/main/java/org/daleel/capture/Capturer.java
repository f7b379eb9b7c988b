package org.daleel.capture;

import java.nio.file.Path;

/**
 * Captures one web page with its embedded resources (images, stylesheets, scripts; same page only,
 * not a crawl) and the videos it shows (fetched whole, without {@code Range}) into a WARC 1.1 file,
 * and stores every payload in the blob store it was built with.
 *
 * <p>Contract:
 * <ul>
 *   <li>Refuses non-http(s) URLs and, unless {@link CaptureRequest#allowPrivate()}, any connection to
 *       loopback, private, link-local, multicast, unspecified or cloud-metadata addresses, checked
 *       after DNS resolution and again on every redirect; the address checked is the one connected to.
 *   <li>Stays within the {@link CapturePolicy} bounds and says which bound stopped it.
 *   <li>On any failure of the page itself (bad URL, DNS, TLS, HTTP error status, timeout, too large)
 *       throws {@link CaptureException} naming the URL and the cause; the caller then discards the
 *       WARC file. A failing embedded resource is recorded and does not fail the capture; nor does
 *       a video that fails, exceeds {@link CapturePolicy#maxVideoBytes()} or is served as a stream:
 *       each is a sentence in {@link CaptureResult#notes()}.
 *   <li>Writes the WARC to {@code warcFile} (which must not exist) and fsyncs it before returning.
 *   <li>Thread-safe.
 * </ul>
 */
public interface Capturer {

    /** Captures {@code request.url()} into {@code warcFile}. */
    CaptureResult capture(CaptureRequest request, Path warcFile) throws CaptureException;
}
