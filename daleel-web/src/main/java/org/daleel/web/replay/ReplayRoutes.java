package org.daleel.web.replay;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.daleel.archive.Archive;
import org.daleel.item.Item;
import org.daleel.item.ItemIds;
import org.daleel.item.Resource;
import org.daleel.web.MediaTypes;

/**
 * The replay origin's routes. {@code GET /replay/{id}/{archived url}} serves the archived
 * page of item {@code id} or one of its embedded resources, matched by URL (see
 * {@link ReplayPaths#key}). HTML and CSS are rewritten so that nothing loads from the live web;
 * other payloads are served as archived. A request for the item's requested URL, when the capture
 * followed redirects, redirects to the replay of the final URL. {@code GET /media/{id}} serves a
 * video or audio item's bytes for the app's player, with byte ranges, and {@code GET
 * /media/{id}/{sha256}} a video or audio resource of a captured page the same way; archived video and
 * audio resources are served with byte ranges in replay too. Anything else is 404.
 *
 * <p>The caller (the replay server) adds the sandboxing headers to every response.
 */
public final class ReplayRoutes {
    private final Archive archive;

    /** Replay of the items of {@code archive}. */
    public ReplayRoutes(Archive archive) {
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /** Registers the replay route. */
    public void register(RoutesConfig routes) {
        routes.get(ReplayPaths.PREFIX + "{id}/<target>", this::replay);
        routes.get(ReplayPaths.MEDIA + "{id}", this::media);
        routes.get(ReplayPaths.MEDIA + "{id}/{sha256}", this::pageMedia);
    }

    /**
     * {@code GET /media/{id}/{sha256}}: a video or audio resource of captured page {@code id} (one the
     * page showed, archived whole with it), with byte ranges, for the app's player.
     */
    private void pageMedia(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        String sha = ctx.pathParam("sha256");
        if (!ItemIds.isId(id)) {
            throw new NotFoundResponse("no archived item '" + id + "'");
        }
        Resource r = archive.resources(id).stream()
                .filter(x -> x.sha256().equals(sha))
                .filter(x -> {
                    String type = MediaTypes.base(x.mediaType());
                    return type.startsWith("video/") || type.startsWith("audio/");
                })
                .findFirst()
                .orElseThrow(() -> new NotFoundResponse("item " + id + " has no video or audio resource " + sha));
        ctx.writeSeekableStream(archive.openBlob(r.sha256()), MediaTypes.safe(r.mediaType()), r.size());
    }

    /**
     * {@code GET /media/{id}}: the stored bytes of a video or audio item, with byte ranges so that
     * a player can seek; served from the replay origin (sandboxed), never from the app's.
     */
    private void media(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        if (!ItemIds.isId(id)) {
            throw new NotFoundResponse("no archived item '" + id + "'");
        }
        Item item = archive.get(id);
        String type = MediaTypes.base(item.mediaType());
        if (!type.startsWith("video/") && !type.startsWith("audio/")) {
            throw new NotFoundResponse("item " + id + " is not a video or audio recording");
        }
        ctx.writeSeekableStream(archive.openBlob(item.sha256()), MediaTypes.safe(item.mediaType()), item.size());
    }

    private void replay(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        String target = target(ctx, id);
        if (!ItemIds.isId(id)) {
            throw new NotFoundResponse("no archived item '" + id + "' to replay");
        }
        Item item = archive.get(id);
        String key = ReplayPaths.key(target);
        if (!item.url().isEmpty() && ReplayPaths.key(item.url()).equals(key)) {
            serve(ctx, item.id(), item.url(), item.sha256(), item.mediaType(), 200);
            return;
        }
        if (!item.requestedUrl().isEmpty()
                && !item.url().isEmpty()
                && ReplayPaths.key(item.requestedUrl()).equals(key)) {
            ctx.redirect(ReplayPaths.path(item.id(), item.url()));
            return;
        }
        Optional<Resource> resource = find(archive.resources(id), key);
        if (resource.isEmpty()) {
            throw new NotFoundResponse("'" + target + "' is not archived with item " + id);
        }
        Resource r = resource.get();
        String type = MediaTypes.base(r.mediaType());
        if ((type.startsWith("video/") || type.startsWith("audio/")) && r.status() >= 200 && r.status() <= 299) {
            // the page's own player seeks with byte ranges, as in the live page
            ctx.writeSeekableStream(archive.openBlob(r.sha256()), MediaTypes.safe(r.mediaType()), r.size());
            return;
        }
        serve(
                ctx,
                item.id(),
                r.url(),
                r.sha256(),
                r.mediaType(),
                r.status() >= 400 && r.status() <= 599 ? r.status() : 200);
    }

    /** The archived URL part of the request, taken raw from the request line with its query. */
    private static String target(Context ctx, String id) {
        String uri = ctx.req().getRequestURI();
        String prefix = ReplayPaths.PREFIX + id + "/";
        String path = uri.startsWith(prefix) ? uri.substring(prefix.length()) : ctx.pathParam("target");
        String query = ctx.req().getQueryString();
        return query == null ? path : path + "?" + query;
    }

    private static Optional<Resource> find(List<Resource> resources, String key) {
        return resources.stream()
                .filter(r -> ReplayPaths.key(r.url()).equals(key))
                .findFirst();
    }

    private void serve(Context ctx, String id, String url, String sha256, String mediaType, int status)
            throws IOException {
        if (sha256.isEmpty()) {
            throw new NotFoundResponse("'" + url + "' was recorded without a payload in item " + id);
        }
        String base = MediaTypes.base(mediaType);
        ctx.status(status);
        if (base.equals("text/html") || base.equals("application/xhtml+xml")) {
            byte[] html = new ReplayRewriter(id).html(read(sha256), MediaTypes.charset(mediaType), url);
            ctx.contentType("text/html; charset=utf-8").result(html);
        } else if (base.equals("text/css")) {
            String css = new String(read(sha256), charset(mediaType));
            ctx.contentType("text/css; charset=utf-8")
                    .result(new ReplayRewriter(id).css(css, url).getBytes(StandardCharsets.UTF_8));
        } else {
            ctx.contentType(MediaTypes.safe(mediaType)).result(archive.openBlob(sha256));
        }
    }

    private byte[] read(String sha256) throws IOException {
        try (InputStream in = archive.openBlob(sha256)) {
            return in.readAllBytes();
        }
    }

    private static Charset charset(String mediaType) {
        String name = MediaTypes.charset(mediaType);
        try {
            return name.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(name.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8; // an unknown declared charset: read as UTF-8, as browsers do for CSS
        }
    }
}
