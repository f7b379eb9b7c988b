package org.daleel.web.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.daleel.archive.Archive;
import org.daleel.archive.ImportResult;
import org.daleel.core.DaleelException;
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
 * forms. No template engine and no script: pages are built with {@link Html}, which escapes
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
        routes.get("/capture", ctx -> page(ctx, "Capture", FormPages.capture(FormPages.CaptureValues.EMPTY, intake.privateCaptureAllowed(), null)));
        routes.post("/capture", this::capture);
        routes.get("/upload", ctx -> page(ctx, "Upload", FormPages.upload(null)));
        routes.post("/upload", this::upload);
        routes.get("/static/daleel.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(css));
    }

    /** A whole error page for {@code problem}. */
    public String errorPage(Problem problem) {
        return Page.render("Error " + problem.status(), FormPages.error(problem), toolVersion);
    }

    private void front(Context ctx) {
        page(ctx, "", SearchPage.front(archive.recent(RECENT), archive.count()));
    }

    private void search(Context ctx) {
        if (SearchParams.text(ctx, "q").isEmpty()) {
            front(ctx);
            return;
        }
        SearchQuery query = SearchParams.of(ctx);
        page(ctx, query.text(), SearchPage.results(query, archive.search(query),
                SearchParams.text(ctx, "kind"), SearchParams.text(ctx, "from"), SearchParams.text(ctx, "to")));
    }

    private void item(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ItemIds.isId(id)) {
            throw new NotFoundException("no item '" + id + "': item ids are 26-character ULIDs");
        }
        Item item = archive.get(id);
        String replayOrigin = origins.replayOrigin(ctx, replayPort.getAsInt());
        page(ctx, ItemPage.heading(item), ItemPage.render(item, archive.resources(id), archive.similar(id), replayOrigin));
    }

    private void capture(Context ctx) {
        var values = new FormPages.CaptureValues(
                param(ctx, "url"), param(ctx, "note"), param(ctx, "claimedPlace"), param(ctx, "claimedDate"),
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
