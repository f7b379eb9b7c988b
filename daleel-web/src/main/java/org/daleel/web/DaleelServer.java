package org.daleel.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Objects;
import org.daleel.archive.Archive;
import org.daleel.custody.CustodyLog;
import org.daleel.web.api.ApiDocs;
import org.daleel.web.api.ApiRoutes;
import org.daleel.web.replay.ReplayRoutes;
import org.daleel.web.ui.UiRoutes;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daleel's web server: two listeners on two ports, so two browser origins.
 *
 * <ul>
 *   <li>The app ({@link #baseUrl()}): the web UI and the HTTP API under {@code /api}, with a strict
 *       Content-Security-Policy that frames nothing but the replay origin.
 *   <li>The replay origin ({@link #replayBaseUrl()}): archived pages and their resources at
 *       {@code /replay/{id}/{archived url}}, rewritten to load only from the archive and served in
 *       a CSP sandbox. It serves nothing else, so hostile archived scripts never run with the app's
 *       authority.
 * </ul>
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #stop()} (or {@link #close()}); the archive is
 * not closed by the server. Thread-safe.
 */
public final class DaleelServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DaleelServer.class);

    private final ServerConfig config;
    private final Archive archive;
    private final OriginPolicy origins;
    private final ApiRoutes api;
    private final UiRoutes ui;
    private final ReplayRoutes replayRoutes;
    private volatile int replayPort;
    private Javalin app;
    private Javalin replay;
    private boolean started;

    /** A server for {@code archive} without a custody ledger; nothing listens until {@link #start()}. */
    public DaleelServer(ServerConfig config, Archive archive) {
        this(config, archive, CustodyLog.absent());
    }

    /**
     * A server for {@code archive} that also publishes its custody ledger (API routes and the tiled
     * log under {@code /ledger/}); nothing listens until {@link #start()}. The ledger is not closed
     * by the server.
     */
    public DaleelServer(ServerConfig config, Archive archive, CustodyLog custody) {
        this.config = Objects.requireNonNull(config, "config");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.origins = new OriginPolicy(config.bindAddress());
        Intake intake = new Intake(archive, config);
        this.api = new ApiRoutes(archive, custody, intake, new ApiDocs(config.toolVersion()), config.toolVersion());
        this.ui = new UiRoutes(archive, intake, origins, () -> replayPort, config.toolVersion());
        this.replayRoutes = new ReplayRoutes(archive);
    }

    /** Starts the replay listener, then the app; fails if either port cannot be bound. */
    public synchronized DaleelServer start() {
        if (started) {
            throw new IllegalStateException("Daleel server already started on " + baseUrl());
        }
        started = true;
        replay = Javalin.create(this::configureReplay).start();
        replayPort = replay.port();
        try {
            app = Javalin.create(this::configureApp).start();
        } catch (RuntimeException e) {
            replay.stop();
            throw e;
        }
        LOG.info("Daleel serving {} (replay origin {})", baseUrl(), replayBaseUrl());
        return this;
    }

    /** Stops both listeners. Idempotent. */
    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
        if (replay != null) {
            replay.stop();
            replay = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Port of the app (UI and API). */
    public synchronized int port() {
        return running(app).port();
    }

    /** Port of the replay origin. */
    public synchronized int replayPort() {
        return running(replay).port();
    }

    /** URL of the app, e.g. {@code http://127.0.0.1:7070}. */
    public String baseUrl() {
        return "http://" + OriginPolicy.urlHost(config.bindAddress()) + ":" + port();
    }

    /** URL of the replay origin, e.g. {@code http://127.0.0.1:7071}. */
    public String replayBaseUrl() {
        return "http://" + OriginPolicy.urlHost(config.bindAddress()) + ":" + replayPort();
    }

    /** The API routes, as {@code "METHOD /path"}; {@code openapi.json} documents exactly these. */
    public List<String> apiRoutes() {
        return api.routes();
    }

    private void configureApp(JavalinConfig cfg) {
        common(cfg, config.port());
        cfg.jetty.multipartConfig.maxFileSize(config.maxUploadBytes(), SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes(), SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxInMemoryFileSize(1024 * 1024, SizeUnit.BYTES);
        cfg.routes.before(ctx -> {
            origins.checkHost(ctx);
            SecurityHeaders.app(ctx, origins.replayOrigin(ctx, replayPort));
            if (ctx.method() != HandlerType.GET
                    && ctx.method() != HandlerType.HEAD
                    && ctx.method() != HandlerType.OPTIONS) {
                origins.checkSameOrigin(ctx);
            }
        });
        api.register(cfg.routes);
        ui.register(cfg.routes);
        cfg.routes.exception(HttpResponseException.class, this::appError);
        cfg.routes.exception(Exception.class, this::appError);
    }

    private void configureReplay(JavalinConfig cfg) {
        common(cfg, config.replayPort());
        // Replay paths embed whole URLs ("/replay/ID/https://host/..."): allow their empty segment.
        cfg.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(
                UriCompliance.DEFAULT.with("daleel-replay", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT)));
        cfg.routes.before(ctx -> {
            SecurityHeaders.replay(ctx);
            origins.checkHost(ctx);
        });
        replayRoutes.register(cfg.routes);
        cfg.routes.exception(HttpResponseException.class, this::replayError);
        cfg.routes.exception(Exception.class, this::replayError);
    }

    private void common(JavalinConfig cfg, int port) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.jetty.host = config.bindAddress();
        cfg.jetty.port = port;
        // Evidence downloads stay byte for byte what was archived, also on the wire.
        cfg.http.compressionStrategy = CompressionStrategy.NONE;
        cfg.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
    }

    private void appError(Exception e, Context ctx) {
        Problem p = report(e, ctx);
        ctx.status(p.status());
        if (ctx.path().equals("/api") || ctx.path().startsWith("/api/")) {
            ctx.contentType("application/json").result(Json.write(Json.error(p.code(), p.detail())));
        } else {
            ctx.html(ui.errorPage(p));
        }
    }

    private void replayError(Exception e, Context ctx) {
        Problem p = report(e, ctx);
        SecurityHeaders.replay(ctx);
        ctx.status(p.status()).contentType("text/plain; charset=utf-8").result(p.code() + ": " + p.detail() + "\n");
    }

    private Problem report(Exception e, Context ctx) {
        Problem p = Problem.of(e, ctx.method().name(), ctx.path());
        if (p.code().equals("internal-error")) {
            LOG.error("{} {} failed", ctx.method().name(), ctx.path(), e);
        } else if (p.serverSide()) {
            LOG.warn("{} {}: {}", ctx.method().name(), ctx.path(), p.detail());
        }
        return p;
    }

    private static Javalin running(Javalin server) {
        if (server == null) {
            throw new IllegalStateException("Daleel server is not running: call start() first");
        }
        return server;
    }
}
