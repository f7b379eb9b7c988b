package org.daleel.web;

import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.daleel.archive.Archive;
import org.daleel.archive.ImportResult;
import org.daleel.archive.ItemOptions;
import org.daleel.capture.CaptureException;
import org.daleel.capture.CaptureRequest;
import org.daleel.core.InvalidInputException;
import org.daleel.item.Item;
import org.daleel.item.Provenance;

/**
 * New evidence entering through the server, shared by the API and the UI forms: captures and
 * uploads, with the server's operator and the caller's note and claims as provenance.
 *
 * <p>Uploads come either as {@code multipart/form-data} (one or more parts named {@code file},
 * plus optional fields {@code note}, {@code claimedPlace}, {@code claimedDate}) or as a raw body
 * with {@code ?name=FILE} (and the same optional fields as query parameters). A request larger than
 * the configured bound fails with 413 before anything is stored.
 */
public final class Intake {
    /** Form and JSON field holding uploaded files. */
    public static final String FILE_FIELD = "file";

    private final Archive archive;
    private final ServerConfig config;

    /** Intake into {@code archive} under {@code config}'s operator and bounds. */
    public Intake(Archive archive, ServerConfig config) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * What a user asks to capture.
     *
     * @param url URL as typed
     * @param note free-text note, or ""
     * @param claimedPlace place the source claims, or ""
     * @param claimedDate date the source claims, or ""
     * @param allowPrivate whether loopback/private addresses may be captured; honoured only when the
     *     server allows private capture
     */
    public record CaptureForm(String url, String note, String claimedPlace, String claimedDate, boolean allowPrivate) {
        public CaptureForm {
            url = Objects.requireNonNullElse(url, "").strip();
            note = Objects.requireNonNullElse(note, "");
            claimedPlace = Objects.requireNonNullElse(claimedPlace, "").strip();
            claimedDate = Objects.requireNonNullElse(claimedDate, "").strip();
            if (url.isEmpty()) {
                throw new InvalidInputException("capture url is empty: give the http(s) URL of the page to capture");
            }
        }
    }

    /** Whether this server lets callers capture loopback and private addresses. */
    public boolean privateCaptureAllowed() {
        return config.allowPrivateCapture();
    }

    /** Captures a page; the new item once durable. */
    public Item capture(CaptureForm form) {
        boolean allowPrivate = form.allowPrivate() && config.allowPrivateCapture();
        ItemOptions options = options(form.note(), form.claimedPlace(), form.claimedDate());
        try {
            return archive.capture(new CaptureRequest(form.url(), config.operator(), allowPrivate), options);
        } catch (CaptureException e) {
            if (e.cause() == CaptureException.Cause.FORBIDDEN_ADDRESS && form.allowPrivate() && !allowPrivate) {
                throw new CaptureException(
                        e.cause(),
                        e.getMessage()
                                + " (this server does not allow private capture; start it with private capture enabled)",
                        e);
            }
            throw e;
        }
    }

    /** Imports the files of an upload request, in request order. */
    public List<ImportResult> upload(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > config.maxUploadBytes()) {
            throw tooLarge(declared);
        }
        String contentType = Objects.requireNonNullElse(ctx.contentType(), "");
        return contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                ? multipart(ctx)
                : raw(ctx);
    }

    private List<ImportResult> multipart(Context ctx) {
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles(FILE_FIELD);
        } catch (Exception e) {
            // Javalin (Kotlin) rethrows Jetty's checked ServletException undeclared, so it can only be
            // caught as Exception; anything that is not a multipart parse failure is rethrown as is.
            throw multipartFailure(e);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException(
                    "upload has no file: send multipart/form-data with one or more parts named '" + FILE_FIELD
                            + "', or a raw body with ?name=FILE");
        }
        ItemOptions options =
                options(ctx.formParam("note"), ctx.formParam("claimedPlace"), ctx.formParam("claimedDate"));
        List<ImportResult> results = new ArrayList<>();
        int n = 0;
        for (UploadedFile file : files) {
            n++;
            String name = fileName(file.filename(), "upload part " + n);
            try (InputStream in = file.content()) {
                results.add(archive.importStream(in, name, options));
            } catch (IOException e) {
                throw new UncheckedIOException("reading upload part " + n + " (" + name + ") failed", e);
            }
        }
        return results;
    }

    /** Maps a failure to parse the multipart body: 413 when a size bound stopped it, else 400. */
    private RuntimeException multipartFailure(Exception e) {
        boolean parseFailure = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("max length exceeded") || message.contains("exceeds max")) {
                return tooLarge(-1);
            }
            parseFailure |= t instanceof jakarta.servlet.ServletException || message.contains("multipart");
        }
        if (parseFailure) {
            return new InvalidInputException("upload is not well-formed multipart/form-data: " + e.getMessage(), e);
        }
        return e instanceof RuntimeException re
                ? re
                : new IllegalStateException("reading the multipart upload failed", e);
    }

    private List<ImportResult> raw(Context ctx) {
        String name = fileName(ctx.queryParam("name"), "raw upload (?name=)");
        ItemOptions options =
                options(ctx.queryParam("note"), ctx.queryParam("claimedPlace"), ctx.queryParam("claimedDate"));
        Path spool = null;
        try {
            // Spool first so that a body cut short or over the bound never reaches the archive.
            spool = Files.createTempFile("daleel-upload-", ".part");
            try (InputStream in = ctx.bodyInputStream();
                    OutputStream out = Files.newOutputStream(spool)) {
                copyBounded(in, out);
            }
            try (InputStream in = Files.newInputStream(spool)) {
                return List.of(archive.importStream(in, name, options));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload body of " + name + " failed", e);
        } finally {
            deleteQuietly(spool);
        }
    }

    private void copyBounded(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
            if (total > config.maxUploadBytes()) {
                throw tooLarge(-1);
            }
            out.write(buf, 0, n);
        }
    }

    private ContentTooLargeResponse tooLarge(long declared) {
        String size = declared >= 0 ? declared + " bytes" : "the upload";
        return new ContentTooLargeResponse(
                size + " exceeds this server's upload limit of " + config.maxUploadBytes() + " bytes");
    }

    private ItemOptions options(String note, String claimedPlace, String claimedDate) {
        return new ItemOptions(new Provenance(
                config.operator(),
                Objects.requireNonNullElse(note, ""),
                Objects.requireNonNullElse(claimedPlace, "").strip(),
                Objects.requireNonNullElse(claimedDate, "").strip()));
    }

    /** The last path segment of a client-supplied name, without control characters. */
    static String fileName(String given, String what) {
        String name = Objects.requireNonNullElse(given, "");
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidInputException(what + " has no file name: give the file's name"
                    + (given == null || given.isBlank() ? "" : " (got '" + given + "')"));
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temp file is harmless; the upload's outcome is what the caller needs.
        }
    }
}
