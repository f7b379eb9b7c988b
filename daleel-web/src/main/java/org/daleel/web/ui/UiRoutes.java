package org.daleel.web.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.daleel.archive.Archive;
import org.daleel.archive.ImportResult;
import org.daleel.archive.SimilarItem;
import org.daleel.core.DaleelException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.item.Item;
import org.daleel.item.ItemIds;
import org.daleel.search.SearchQuery;
import org.daleel.web.Html;
import org.daleel.web.Intake;
import org.daleel.web.OriginPolicy;
import org.daleel.web.Page;
import org.daleel.web.Problem;
import org.daleel.web.SearchParams;

/**
 * The server-rendered web UI: search (front page), results, item pages, capture and upload
 * forms, and "find this image" (match an uploaded picture against the archive without storing it). No template engine and no script: pages are built with {@link Html}, which escapes
 * every value.
 */
public final class UiRoutes {
    private static final String CSS_RESOURCE = "/org/daleel/web/static/daleel.css";
    private static final int RECENT = 20;

    private final Archive archive;
    private final Intake intake;
    private final OriginPolicy origins;
    private final IntSupplier replayPort;
    private final String toolVersion;
    private final byte[] css;

    /** The UI over {@code archive}; item pages frame replays from the replay origin on {@code replayPort}. */
    public UiRoutes(Archive archive, Intake intake, OriginPolicy origins, IntSupplier replayPort, String toolVersion) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.origins = Objects.requireNonNull(origins, "origins");
        this.replayPort = Objects.requireNonNull(replayPort, "replayPort");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.css = resource(CSS_RESOURCE);
    }

    /** Registers the UI routes. */
    public void register(RoutesConfig routes) {
        routes.get("/", this::front);
        routes.get("/search", this::search);
        routes.get("/items/{id}", this::item);
        routes.get(
                "/capture",
                ctx -> page(
                        ctx,
                        "Capture",
                        FormPages.capture(FormPages.CaptureValues.EMPTY, intake.privateCaptureAllowed(), null)));
        routes.post("/capture", this::capture);
        routes.get("/upload", ctx -> page(ctx, "Upload", FormPages.upload(null)));
        routes.post("/upload", this::upload);
        routes.get("/match", ctx -> page(ctx, "Find this image", MatchPage.form("", null)));
        routes.post("/match", this::match);
        routes.get(
                "/static/daleel.css",
                ctx -> ctx.contentType("text/css; charset=utf-8").result(css));
    }

    /** A whole error page for {@code problem}. */
    public String errorPage(Problem problem) {
        return Page.render("Error " + problem.status(), FormPages.error(problem), toolVersion);
    }

    private void front(Context ctx) {
        page(
                ctx,
                "",
                SearchPage.reanalysisNotice(archive.reanalysis())
                        .append(SearchPage.front(archive.recent(RECENT), archive.count())));
    }

    private void search(Context ctx) {
        SearchPage.Form form = SearchPage.Form.of(ctx);
        if (form.isEmpty()) {
            front(ctx);
            return;
        }
        SearchQuery query = SearchParams.of(ctx);
        var result = archive.search(query);
        // The figures of the hits on this page (one catalog read each, at most a page of them).
        java.util.Map<String, org.daleel.item.ItemAnalysis> analyses = new java.util.HashMap<>();
        for (var hit : result.hits()) {
            archive.analysis(hit.id()).ifPresent(a -> analyses.put(hit.id(), a));
        }
        page(
                ctx,
                query.text().isEmpty() ? "Search" : query.text(),
                SearchPage.reanalysisNotice(archive.reanalysis())
                        .append(SearchPage.results(query, result, form, analyses)));
    }

    private void item(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ItemIds.isId(id)) {
            throw new NotFoundException("no item '" + id + "': item ids are 26-character ULIDs");
        }
        Item item = archive.get(id);
        String replayOrigin = origins.replayOrigin(ctx, replayPort.getAsInt());
        page(
                ctx,
                ItemPage.heading(item),
                ItemPage.render(
                        item,
                        archive.resources(id),
                        archive.similar(id),
                        archive.metadata(id),
                        archive.analysis(id),
                        archive.mediaParts(id),
                        replayOrigin));
    }

    private void capture(Context ctx) {
        var values = new FormPages.CaptureValues(
                param(ctx, "url"),
                param(ctx, "note"),
                param(ctx, "claimedPlace"),
                param(ctx, "claimedDate"),
                "true".equals(ctx.formParam("allowPrivate")));
        try {
            Item item = intake.capture(new Intake.CaptureForm(
                    values.url(), values.note(), values.claimedPlace(), values.claimedDate(), values.allowPrivate()));
            ctx.redirect("/items/" + item.id(), io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (DaleelException e) {
            Problem p = Problem.of(e, ctx.method().name(), ctx.path());
            ctx.status(p.status());
            page(ctx, "Capture", FormPages.capture(values, intake.privateCaptureAllowed(), p));
        }
    }

    private void upload(Context ctx) {
        try {
            List<ImportResult> results = intake.upload(ctx);
            page(ctx, "Uploaded", FormPages.uploaded(results));
        } catch (DaleelException | HttpResponseException e) {
            Problem p = Problem.of(e, ctx.method().name(), ctx.path());
            ctx.status(p.status());
            page(ctx, "Upload", FormPages.upload(p));
        }
    }

    /**
     * Looks up an uploaded picture (multipart part {@code file}, optional field {@code maxDistance})
     * without storing it. The request is bounded like an upload; bad input shows the form again with
     * the error.
     */
    private void match(Context ctx) {
        String typed = "";
        try {
            UploadedFile file = matchFile(ctx);
            typed = param(ctx, "maxDistance").strip();
            int maxDistance = maxDistance(typed);
            String name = pictureName(file.filename());
            List<SimilarItem> hits;
            try (InputStream in = file.content()) {
                hits = archive.match(in, name, maxDistance);
            } catch (IOException e) {
                throw new InvalidInputException(
                        "the uploaded picture " + name + " could not be read: " + e.getMessage(), e);
            }
            page(ctx, "Find this image", MatchPage.results(name, maxDistance, hits));
        } catch (DaleelException | HttpResponseException e) {
            Problem p = Problem.of(e, ctx.method().name(), ctx.path());
            ctx.status(p.status());
            page(ctx, "Find this image", MatchPage.form(typed, p));
        }
    }

    /** The one picture of a match request; 413 when the request exceeds the upload bound, 400 when it has none. */
    private static UploadedFile matchFile(Context ctx) {
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles(Intake.FILE_FIELD);
        } catch (Exception e) {
            // Javalin rethrows Jetty's checked ServletException undeclared: it can only be caught as Exception.
            throw multipartFailure(e);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException(
                    "no picture was sent: choose an image file (multipart/form-data part '" + Intake.FILE_FIELD + "')");
        }
        if (files.size() > 1) {
            throw new InvalidInputException(files.size() + " pictures were sent: choose one image file at a time");
        }
        return files.get(0);
    }

    /** 413 when a size bound stopped the multipart parser, 400 when the body is not multipart, else as is. */
    private static RuntimeException multipartFailure(Exception e) {
        boolean parseFailure = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("max length exceeded") || message.contains("exceeds max")) {
                return new ContentTooLargeResponse("the picture exceeds this server's upload limit");
            }
            parseFailure |= t instanceof jakarta.servlet.ServletException || message.contains("multipart");
        }
        if (parseFailure) {
            return new InvalidInputException(
                    "the request is not well-formed multipart/form-data: " + e.getMessage(), e);
        }
        return e instanceof RuntimeException re
                ? re
                : new IllegalStateException("reading the multipart request failed", e);
    }

    private static int maxDistance(String typed) {
        if (typed.isEmpty()) {
            return MatchPage.DEFAULT_MAX_DISTANCE;
        }
        try {
            return Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("largest distance '" + typed + "' is not a whole number: give 0 to 256");
        }
    }

    /** The last path segment of the client's file name, without control characters; "picture" when none. */
    private static String pictureName(String given) {
        String name = Objects.requireNonNullElse(given, "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "picture";
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private void page(Context ctx, String title, Html main) {
        ctx.html(Page.render(title, main, toolVersion));
    }

    private static String param(Context ctx, String name) {
        return Objects.requireNonNullElse(ctx.formParam(name), "");
    }

    private static byte[] resource(String name) {
        try (InputStream in = UiRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("class path resource " + name + " is missing from daleel-web");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
