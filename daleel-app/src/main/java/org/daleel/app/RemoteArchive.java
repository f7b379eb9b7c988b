package org.daleel.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daleel.archive.Archive;
import org.daleel.archive.DataDir;
import org.daleel.archive.ImportResult;
import org.daleel.archive.ItemOptions;
import org.daleel.capture.CaptureException;
import org.daleel.capture.CaptureRequest;
import org.daleel.core.ConflictException;
import org.daleel.core.DaleelException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.item.Item;
import org.daleel.item.ItemKind;
import org.daleel.item.Provenance;
import org.daleel.item.Resource;
import org.daleel.item.WarcRef;
import org.daleel.search.SearchHit;
import org.daleel.search.SearchQuery;
import org.daleel.search.SearchResult;

/**
 * An {@link Archive} reached through the HTTP API of a running {@code daleel serve}: how CLI
 * commands write while the server holds the data directory's writer lock. The server's address is
 * read from {@code server.json} in the data directory.
 */
final class RemoteArchive implements Archive {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final URI base;
    private final HttpClient http;

    RemoteArchive(URI base) {
        this.base = base;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The running server of this data directory, if {@code server.json} names one that answers. */
    static Optional<RemoteArchive> ofRunningServer(DataDir dir) {
        Path file = dir.serverFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = MAPPER.readTree(file.toFile());
            RemoteArchive remote = new RemoteArchive(URI.create(json.path("url").asText()));
            HttpResponse<Void> r = remote.http.send(
                    HttpRequest.newBuilder(remote.base.resolve("/api/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200 ? Optional.of(remote) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public Item capture(CaptureRequest request, ItemOptions options) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("url", request.url());
        body.put("note", options.provenance().note());
        body.put("claimedPlace", options.provenance().claimedPlace());
        body.put("claimedDate", options.provenance().claimedDate());
        body.put("allowPrivate", request.allowPrivate());
        JsonNode json = send(HttpRequest.newBuilder(base.resolve("/api/captures"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        return item(json);
    }

    @Override
    public ImportResult importFile(Path file, ItemOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file");
        }
        try {
            return upload(
                    HttpRequest.BodyPublishers.ofFile(file),
                    file.toString(),
                    file.getFileName().toString(),
                    options);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": could not read: " + e.getMessage());
        }
    }

    @Override
    public ImportResult importStream(InputStream in, String fileName, ItemOptions options) {
        return upload(HttpRequest.BodyPublishers.ofInputStream(() -> in), fileName, fileName, options);
    }

    private ImportResult upload(HttpRequest.BodyPublisher body, String path, String name, ItemOptions options) {
        Provenance p = options.provenance();
        String query = "?name=" + enc(name) + "&note=" + enc(p.note()) + "&claimedPlace=" + enc(p.claimedPlace())
                + "&claimedDate=" + enc(p.claimedDate());
        JsonNode json = send(HttpRequest.newBuilder(base.resolve("/api/files" + query))
                .header("Content-Type", "application/octet-stream")
                .POST(body));
        JsonNode first = json.isArray() ? json.get(0) : json;
        Item item = get(first.path("id").asText());
        ImportResult.Status status = "duplicate".equals(first.path("status").asText())
                ? ImportResult.Status.DUPLICATE
                : ImportResult.Status.NEW;
        return new ImportResult(path, item, status, first.path("records").asInt());
    }

    @Override
    public SearchResult search(SearchQuery q) {
        StringBuilder url = new StringBuilder("/api/search?q=")
                .append(enc(q.text()))
                .append("&limit=")
                .append(q.limit())
                .append("&offset=")
                .append(q.offset());
        if (!q.language().isEmpty()) {
            url.append("&lang=").append(enc(q.language()));
        }
        if (!q.kind().isEmpty()) {
            url.append("&kind=").append(enc(q.kind()));
        }
        if (q.from() != null) {
            url.append("&capturedFrom=").append(enc(q.from().toString()));
        }
        if (q.to() != null) {
            url.append("&capturedTo=").append(enc(q.to().toString()));
        }
        q.filter().places().forEach(p -> url.append("&place=").append(enc(p)));
        q.filter().actors().forEach(a -> url.append("&actor=").append(enc(a)));
        q.filter().eventTypes().forEach(t -> url.append("&type=").append(enc(t)));
        if (q.filter().dateFrom() != null) {
            url.append("&from=").append(q.filter().dateFrom());
        }
        if (q.filter().dateTo() != null) {
            url.append("&to=").append(q.filter().dateTo());
        }
        JsonNode json =
                send(HttpRequest.newBuilder(base.resolve(url.toString())).GET());
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode h : json.path("hits")) {
            hits.add(new SearchHit(
                    h.path("id").asText(),
                    h.path("title").asText(),
                    h.path("url").asText(),
                    h.path("fileName").asText(),
                    h.path("snippet").asText(),
                    h.path("language").asText(),
                    Instant.parse(h.path("capturedAt").asText()),
                    (float) h.path("score").asDouble(),
                    mappedPlaces(h.path("places"))));
        }
        return new SearchResult(
                json.path("total").asLong(), hits, org.daleel.web.AnalysisJson.parseFacets(json.path("facets")));
    }

    private static List<SearchHit.MappedPlace> mappedPlaces(JsonNode places) {
        List<SearchHit.MappedPlace> out = new ArrayList<>();
        for (JsonNode p : places) {
            out.add(new SearchHit.MappedPlace(
                    p.path("geonameId").asLong(),
                    p.path("name").asText(),
                    p.path("lat").asDouble(),
                    p.path("lon").asDouble(),
                    p.path("source").asText(),
                    p.path("nameAr").asText()));
        }
        return out;
    }

    @Override
    public Optional<org.daleel.item.ItemAnalysis> analysis(String id) {
        get(id);
        try {
            return Optional.of(org.daleel.web.AnalysisJson.parse(
                    send(HttpRequest.newBuilder(base.resolve("/api/items/" + enc(id) + "/analysis"))
                            .GET())));
        } catch (NotFoundException e) {
            return Optional.empty(); // the item exists (checked above) but has no analysis yet
        }
    }

    @Override
    public Item get(String id) {
        return item(send(
                HttpRequest.newBuilder(base.resolve("/api/items/" + enc(id))).GET()));
    }

    @Override
    public List<Resource> resources(String id) {
        JsonNode json = send(
                HttpRequest.newBuilder(base.resolve("/api/items/" + enc(id))).GET());
        List<Resource> out = new ArrayList<>();
        for (JsonNode r : json.path("resources")) {
            out.add(new Resource(
                    r.path("url").asText(),
                    r.path("status").asInt(),
                    r.path("mediaType").asText(),
                    r.path("sha256").asText(),
                    r.path("size").asLong(),
                    r.path("warcOffset").asLong()));
        }
        return out;
    }

    @Override
    public List<Item> recent(int limit) {
        JsonNode json = send(HttpRequest.newBuilder(base.resolve("/api/items?limit=" + limit))
                .GET());
        List<Item> out = new ArrayList<>();
        for (JsonNode n : json.isArray() ? json : json.path("items")) {
            out.add(item(n));
        }
        return out;
    }

    @Override
    public long count() {
        return send(HttpRequest.newBuilder(base.resolve("/api/health")).GET())
                .path("items")
                .asLong();
    }

    @Override
    public InputStream openBlob(String sha256) {
        throw new DaleelException("reading blobs by digest is done on the data directory, not through " + base);
    }

    @Override
    public InputStream openWarc(String id) throws IOException {
        try {
            HttpResponse<InputStream> r = http.send(
                    HttpRequest.newBuilder(base.resolve("/api/items/" + enc(id) + "/warc"))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                r.body().close();
                throw new NotFoundException("item " + id + ": the server at " + base + " has no WARC for it");
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public List<org.daleel.archive.SimilarItem> similar(String id) {
        return similarItems(send(HttpRequest.newBuilder(base.resolve("/api/items/" + enc(id) + "/similar"))
                .GET()));
    }

    @Override
    public org.daleel.meta.MediaMetadata metadata(String id) {
        JsonNode m = send(HttpRequest.newBuilder(base.resolve("/api/items/" + enc(id) + "/metadata"))
                .GET());
        Optional<org.daleel.meta.GpsPosition> gps = Optional.empty();
        JsonNode g = m.path("gps");
        if (g.isObject()) {
            gps = Optional.of(new org.daleel.meta.GpsPosition(
                    g.path("lat").asDouble(),
                    g.path("lon").asDouble(),
                    g.has("altitude")
                            ? java.util.OptionalDouble.of(g.path("altitude").asDouble())
                            : java.util.OptionalDouble.empty(),
                    g.path("source").asText()));
        }
        List<String> assessment = new ArrayList<>();
        m.path("assessment").forEach(n -> assessment.add(n.asText()));
        List<org.daleel.meta.MetadataTag> tags = new ArrayList<>();
        m.path("tags")
                .forEach(n -> tags.add(new org.daleel.meta.MetadataTag(
                        n.path("directory").asText(),
                        n.path("tag").asText(),
                        n.path("value").asText())));
        return new org.daleel.meta.MediaMetadata(
                m.path("cameraMake").asText(),
                m.path("cameraModel").asText(),
                m.path("lens").asText(),
                m.path("dateTimeOriginal").asText(),
                m.path("offsetTimeOriginal").asText(),
                m.path("software").asText(),
                gps,
                m.path("width").asInt(),
                m.path("height").asInt(),
                m.path("orientation").asInt(),
                tags,
                assessment);
    }

    @Override
    public List<org.daleel.archive.SimilarItem> match(InputStream image, String name, int maxDistance) {
        JsonNode json = send(
                HttpRequest.newBuilder(base.resolve("/api/match?maxDistance=" + maxDistance + "&name=" + enc(name)))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> image)));
        return similarItems(json);
    }

    private List<org.daleel.archive.SimilarItem> similarItems(JsonNode json) {
        List<org.daleel.archive.SimilarItem> out = new ArrayList<>();
        for (JsonNode n : json) {
            out.add(new org.daleel.archive.SimilarItem(
                    get(n.path("id").asText()),
                    n.path("distance").asInt(),
                    n.path("method").asText(),
                    n.path("explanation").asText(),
                    org.daleel.archive.SimilarItem.Relation.valueOf(
                            n.path("relation").asText().toUpperCase(java.util.Locale.ROOT)),
                    n.path("alert").asText(),
                    n.path("frameMillis").asLong(-1),
                    n.path("imageUrl").asText("")));
        }
        return out;
    }

    @Override
    public void close() {
        http.close();
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(
                    request.timeout(Duration.ofMinutes(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = r.body().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(r.body());
            int s = r.statusCode();
            if (s >= 200 && s < 300) {
                return json;
            }
            String detail = json.path("detail").asText(json.path("error").asText("HTTP " + s));
            throw switch (s) {
                case 400, 413 -> new InvalidInputException(detail);
                case 403 -> new CaptureException(CaptureException.Cause.FORBIDDEN_ADDRESS, detail);
                case 404 -> new NotFoundException(detail);
                case 409 -> new ConflictException(detail);
                case 422, 502, 504 -> new CaptureException(CaptureException.Cause.NETWORK, detail);
                default -> new DaleelException("the server at " + base + " answered " + s + ": " + detail);
            };
        } catch (ConnectException e) {
            throw new DaleelException("the daleel server at " + base + " stopped answering; run the command again");
        } catch (IOException e) {
            throw new DaleelException("talking to the daleel server at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaleelException("interrupted while talking to " + base, e);
        }
    }

    static Item item(JsonNode n) {
        JsonNode w = n.path("warc");
        JsonNode p = n.path("provenance");
        return new Item(
                n.path("id").asText(),
                0,
                ItemKind.parse(n.path("kind").asText()),
                n.path("url").asText(),
                n.path("requestedUrl").asText(),
                n.path("fileName").asText(),
                n.path("sha256").asText(),
                n.path("size").asLong(),
                n.path("mediaType").asText(),
                Instant.parse(n.path("capturedAt").asText()),
                n.path("title").asText(),
                n.path("text").asText(),
                n.path("language").asText(),
                n.path("published").asText(),
                n.path("extractionNote").asText(),
                new WarcRef(
                        w.path("fileName").asText(),
                        w.path("sha256").asText(),
                        w.path("size").asLong(),
                        w.path("offset").asLong()),
                new Provenance(
                        p.path("operator").asText(),
                        p.path("note").asText(),
                        p.path("claimedPlace").asText(),
                        p.path("claimedDate").asText()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
