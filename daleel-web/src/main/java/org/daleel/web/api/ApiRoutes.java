package org.daleel.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.daleel.archive.Archive;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.custody.CheckpointStamp;
import org.daleel.custody.CustodyLog;
import org.daleel.custody.TimestampReport;
import org.daleel.item.Item;
import org.daleel.item.ItemIds;
import org.daleel.web.Intake;
import org.daleel.web.Json;
import org.daleel.web.MediaTypes;
import org.daleel.web.SearchParams;
import org.daleel.web.SecurityHeaders;

/**
 * The HTTP API under {@code /api}: JSON in and out, errors as {@code {"error", "detail"}} (see
 * {@link org.daleel.web.Problem}). {@code openapi.json} documents every route registered here;
 * a test keeps the two in step.
 *
 * <p>Besides the API it serves the custody ledger as a read-only C2SP tiled log under {@value
 * #LEDGER_PREFIX}: {@code checkpoint} and {@code tile/<L>/<N>[.p/<W>]}, {@code
 * tile/entries/<N>[.p/<W>]}, so that a generic tlog-tiles client can mirror and audit it (the
 * signing key is never served).
 */
public final class ApiRoutes {
    /** Most items {@code GET /api/items} returns. */
    public static final int MAX_RECENT = 1000;

    private static final Set<String> CAPTURE_FIELDS =
            Set.of("url", "note", "claimedPlace", "claimedDate", "allowPrivate");

    /** Where the tiled log is served: {@code /ledger/checkpoint}, {@code /ledger/tile/...}. */
    public static final String LEDGER_PREFIX = "/ledger/";

    private final Archive archive;
    private final CustodyLog custody;
    private final Intake intake;
    private final ApiDocs docs;
    private final String toolVersion;
    private final List<String> routes = new ArrayList<>();

    /** The API over {@code archive} without a custody ledger (ledger routes answer 404). */
    public ApiRoutes(Archive archive, Intake intake, ApiDocs docs, String toolVersion) {
        this(archive, CustodyLog.absent(), intake, docs, toolVersion);
    }

    /** The API over {@code archive} and its custody ledger, taking new evidence through {@code intake}. */
    public ApiRoutes(Archive archive, CustodyLog custody, Intake intake, ApiDocs docs, String toolVersion) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.custody = Objects.requireNonNull(custody, "custody");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.docs = Objects.requireNonNull(docs, "docs");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /** Registers every API route. */
    public void register(RoutesConfig config) {
        add(config, HandlerType.GET, "/api/health", this::health);
        add(config, HandlerType.GET, "/api/search", this::search);
        add(config, HandlerType.GET, "/api/items", this::recent);
        add(config, HandlerType.GET, "/api/items/{id}", this::item);
        add(config, HandlerType.GET, "/api/items/{id}/payload", this::payload);
        add(config, HandlerType.GET, "/api/items/{id}/warc", this::warc);
        add(config, HandlerType.GET, "/api/items/{id}/proof", this::proof);
        add(config, HandlerType.GET, "/api/items/{id}/similar", this::similar);
        add(config, HandlerType.GET, "/api/items/{id}/metadata", this::metadata);
        add(config, HandlerType.GET, "/api/items/{id}/analysis", this::analysis);
        add(config, HandlerType.POST, "/api/match", this::match);
        add(config, HandlerType.GET, "/api/ledger/checkpoint", this::checkpoint);
        add(config, HandlerType.GET, "/api/ledger/vkey", this::vkey);
        add(config, HandlerType.GET, "/api/ledger/timestamps", this::timestamps);
        add(config, HandlerType.POST, "/api/captures", this::capture);
        add(config, HandlerType.POST, "/api/files", this::files);
        add(
                config,
                HandlerType.GET,
                "/api/openapi.json",
                ctx -> ctx.contentType("application/json").result(docs.openApiJson()));
        add(config, HandlerType.GET, "/api/docs", ctx -> ctx.html(docs.page()));
        // The tiled log: static, public files, outside the API (not in openapi.json).
        config.addHttpHandler(HandlerType.GET, LEDGER_PREFIX + "checkpoint", ctx -> tile(ctx, "checkpoint"));
        config.addHttpHandler(
                HandlerType.GET, LEDGER_PREFIX + "tile/<path>", ctx -> tile(ctx, "tile/" + ctx.pathParam("path")));
        config.addHttpHandler(
                HandlerType.GET,
                LEDGER_PREFIX + "timestamps/{name}",
                ctx -> tile(ctx, "timestamps/" + ctx.pathParam("name")));
    }

    private void tile(Context ctx, String path) throws IOException {
        byte[] body = custody.published(path)
                .orElseThrow(() -> new NotFoundException("no ledger file " + LEDGER_PREFIX + path));
        boolean immutable = path.startsWith("tile/") && !path.contains(".p/");
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
        ctx.contentType(
                        path.equals("checkpoint") || path.endsWith(".checkpoint")
                                ? "text/plain; charset=utf-8"
                                : path.endsWith(".tsr") ? "application/timestamp-reply" : "application/octet-stream")
                .result(body);
    }

    private void proof(Context ctx) throws IOException {
        Item item = lookup(ctx);
        List<Long> indices = custody.indices(item.id());
        if (indices.isEmpty()) {
            throw new NotFoundException("item " + item.id() + " has no entry in the custody ledger");
        }
        ObjectNode body = Json.object();
        body.put("item", item.id());
        body.put("index", indices.get(0));
        var all = body.putArray("indices");
        indices.forEach(all::add);
        body.put("receipt", custody.receipt(indices.get(0)));
        json(ctx, 200, body);
    }

    private void checkpoint(Context ctx) {
        String note = custody.checkpoint();
        String[] lines = note.split("\n", 4);
        ObjectNode body = Json.object();
        body.put("origin", lines[0]);
        body.put("size", Long.parseLong(lines[1]));
        body.put("root", lines[2]);
        body.put("note", note);
        json(ctx, 200, body);
    }

    /** The newest time-stamps first, at most this many (the CLI lists them all). */
    private static final int MAX_TIMESTAMPS = 100;

    private void timestamps(Context ctx) throws IOException {
        TimestampReport report = custody.timestamps();
        ObjectNode body = Json.object();
        body.put("tsa", report.tsa());
        body.put("lastAttempt", report.lastAttempt());
        body.put("lastAttemptOk", report.lastAttemptOk());
        body.put("count", report.stamps().size());
        var list = body.putArray("timestamps");
        List<CheckpointStamp> stamps = report.stamps();
        for (int i = stamps.size() - 1; i >= Math.max(0, stamps.size() - MAX_TIMESTAMPS); i--) {
            CheckpointStamp st = stamps.get(i);
            ObjectNode o = list.addObject();
            o.put("size", st.treeSize());
            o.put("genTime", st.genTime().toString());
            o.put("tsa", st.tsa());
            o.put("serial", st.serial());
            o.put("status", st.ok() ? "valid" : "invalid");
            var problems = o.putArray("problems");
            st.problems().forEach(problems::add);
            o.put("token", LEDGER_PREFIX + "timestamps/" + st.treeSize() + ".tsr");
            o.put("checkpoint", LEDGER_PREFIX + "timestamps/" + st.treeSize() + ".checkpoint");
        }
        json(ctx, 200, body);
    }

    private void vkey(Context ctx) {
        ObjectNode body = Json.object();
        body.put("vkey", custody.verifierKey());
        json(ctx, 200, body);
    }

    /** The routes registered, as {@code "METHOD /path"} with OpenAPI-style {@code {param}}s. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /** Writes {@code body} as the JSON response with {@code status}. */
    public static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    private void add(RoutesConfig config, HandlerType method, String path, Handler handler) {
        config.addHttpHandler(method, path, handler);
        routes.add(method.name() + " " + path);
    }

    private void health(Context ctx) {
        ObjectNode body = Json.object();
        body.put("status", "ok");
        body.put("version", toolVersion);
        body.put("items", archive.count());
        body.set("reanalysis", Json.reanalysis(archive.reanalysis()));
        json(ctx, 200, body);
    }

    private void search(Context ctx) {
        json(ctx, 200, Json.searchResult(archive.search(SearchParams.of(ctx))));
    }

    private void recent(Context ctx) {
        int limit = SearchParams.integer(ctx, "limit", 50);
        if (limit < 1 || limit > MAX_RECENT) {
            throw new InvalidInputException("parameter limit=" + limit + " is out of range 1.." + MAX_RECENT);
        }
        ObjectNode body = Json.object();
        body.put("total", archive.count());
        var items = body.putArray("items");
        archive.recent(limit).forEach(i -> items.add(Json.item(i)));
        json(ctx, 200, body);
    }

    private void item(Context ctx) {
        Item item = lookup(ctx);
        var node =
                Json.item(item, archive.resources(item.id()), archive.similar(item.id()), archive.metadata(item.id()));
        // The same shape as daleel show --json: the analysis with the item.
        archive.analysis(item.id()).ifPresent(a -> node.set("analysis", org.daleel.web.AnalysisJson.analysis(a)));
        json(ctx, 200, node);
    }

    private void analysis(Context ctx) {
        Item item = lookup(ctx);
        var analysis = archive.analysis(item.id())
                .orElseThrow(() -> new NotFoundException("item " + item.id()
                        + " has not been analysed yet (it was stored before analysis existed: run daleel reanalyze)"));
        json(ctx, 200, org.daleel.web.AnalysisJson.analysis(analysis));
    }

    private void metadata(Context ctx) {
        Item item = lookup(ctx);
        json(ctx, 200, Json.metadata(archive.metadata(item.id())));
    }

    private void similar(Context ctx) {
        Item item = lookup(ctx);
        json(ctx, 200, Json.similar(archive.similar(item.id())));
    }

    private void match(Context ctx) {
        int maxDistance = org.daleel.web.SearchParams.integer(ctx, "maxDistance", 31);
        String name = Objects.requireNonNullElse(ctx.queryParam("name"), "upload");
        var upload = ctx.uploadedFile("file");
        try (var in = upload != null ? upload.content() : ctx.bodyInputStream()) {
            json(ctx, 200, Json.similar(archive.match(in, upload != null ? upload.filename() : name, maxDistance)));
        } catch (IOException e) {
            throw new InvalidInputException("could not read the uploaded image: " + e.getMessage());
        }
    }

    private void payload(Context ctx) throws IOException {
        Item item = lookup(ctx);
        var in = archive.openBlob(item.sha256());
        SecurityHeaders.download(ctx);
        Downloads.attachment(ctx, Downloads.payloadName(item));
        Downloads.digest(ctx, item.sha256());
        ctx.header("Content-Length", Long.toString(item.size()));
        ctx.contentType(MediaTypes.safe(item.mediaType())).result(in);
    }

    private void warc(Context ctx) throws IOException {
        Item item = lookup(ctx);
        if (!item.hasWarc()) {
            throw new NotFoundException("item " + item.id() + " has no WARC file: it was imported as a "
                    + item.kind().label() + ", not captured");
        }
        var in = archive.openWarc(item.id());
        SecurityHeaders.download(ctx);
        Downloads.attachment(ctx, item.warc().fileName());
        Downloads.digest(ctx, item.warc().sha256());
        ctx.header("Content-Length", Long.toString(item.warc().size()));
        ctx.contentType("application/warc").result(in);
    }

    private void capture(Context ctx) {
        requireJson(ctx);
        JsonNode body = Json.parse(ctx.body(), "capture request body");
        if (!body.isObject()) {
            throw new InvalidInputException(
                    "capture request body must be a JSON object such as {\"url\": \"https://...\"}, got "
                            + body.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!CAPTURE_FIELDS.contains(name)) {
                throw new InvalidInputException("capture request field '" + name + "' is unknown; known fields: "
                        + String.join(", ", CAPTURE_FIELDS.stream().sorted().toList()));
            }
        });
        var form = new Intake.CaptureForm(
                string(body, "url"),
                string(body, "note"),
                string(body, "claimedPlace"),
                string(body, "claimedDate"),
                bool(body, "allowPrivate"));
        Item item = intake.capture(form);
        ctx.header("Location", "/api/items/" + item.id());
        json(ctx, 201, Json.item(item, archive.resources(item.id()), archive.similar(item.id())));
    }

    private void files(Context ctx) {
        json(ctx, 200, Json.importResults(intake.upload(ctx)));
    }

    private Item lookup(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ItemIds.isId(id)) {
            throw new NotFoundException(
                    "no item '" + id + "': item ids are 26-character ULIDs such as 01JD0000000000000000000000");
        }
        return archive.get(id);
    }

    private static void requireJson(Context ctx) {
        String type = MediaTypes.base(Objects.requireNonNullElse(ctx.contentType(), ""));
        if (!type.equals("application/json")) {
            throw new UnsupportedMediaTypeResponse(
                    ctx.method() + " " + ctx.path() + " takes Content-Type application/json, got '"
                            + Objects.requireNonNullElse(ctx.contentType(), "") + "'");
        }
    }

    private static String string(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new InvalidInputException("capture request field '" + field + "' must be a string, got "
                    + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return v.asText();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new InvalidInputException("capture request field '" + field + "' must be true or false, got " + v);
        }
        return v.booleanValue();
    }
}
