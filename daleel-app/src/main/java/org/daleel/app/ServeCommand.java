package org.daleel.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.daleel.archive.DataDir;
import org.daleel.archive.LocalArchive;
import org.daleel.core.ConflictException;
import org.daleel.core.Version;
import org.daleel.web.DaleelServer;
import org.daleel.web.Json;
import org.daleel.web.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code daleel serve}. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the web UI and HTTP API (default http://127.0.0.1:7070).",
            "Captured pages are replayed from a second origin (the next port, 7071 by default) so that",
            "archived scripts never run in the app's origin. While the server runs, CLI commands on the",
            "same data directory hand their writes to it. API reference: /api/docs.",
            "After it starts, items analysed by an older analyzer version (after an upgrade) are analysed",
            "again in the background; the search page and GET /api/health show the progress, and stopping",
            "the server stops it safely (the next start goes on)."
        })
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--port", description = "App port (default ${DEFAULT-VALUE}; 0 picks a free port).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--replay-port", description = "Replay origin port (default: app port + 1).")
    Integer replayPort;

    @Option(names = "--bind", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(
            names = "--allow-private",
            description = "Let capture requests with allowPrivate reach loopback and private addresses.")
    boolean allowPrivate;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws Exception {
        DataDir dir = data.dataDir();
        dir.create();
        Optional<DataDir.WriterLock> lock = dir.tryLockWriter();
        if (lock.isEmpty()) {
            throw new ConflictException(dir + " is being written by another daleel process (a server or an import);"
                    + " stop it or give this server another --data directory");
        }
        ServerConfig config = ServerConfig.defaults(Version.current())
                .withBindAddress(bind)
                .withPort(port)
                .withAllowPrivateCapture(allowPrivate);
        if (replayPort != null) {
            config = config.withReplayPort(replayPort);
        }
        LocalArchive archive = Wiring.openWriter(dir);
        DaleelServer server = new DaleelServer(config, archive, archive.custody()).start();
        writeServerFile(dir, server);
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "daleel-index-flush");
            t.setDaemon(true);
            return t;
        });
        // Commit the index every second so CLI searches in other processes see new items.
        flusher.scheduleWithFixedDelay(archive::flush, 1, 1, TimeUnit.SECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        DataDir.WriterLock held = lock.get();
        // All cleanup runs in the shutdown hook: the JVM halts as soon as hooks finish.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                flusher.shutdownNow();
                                server.stop();
                                archive.close();
                                Files.deleteIfExists(dir.serverFile());
                                held.close();
                            } catch (IOException | RuntimeException e) {
                                System.err.println("daleel: while stopping: " + e.getMessage());
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "daleel-shutdown"));
        System.out.println("Daleel " + Version.current() + " serving " + dir);
        System.out.println(
                "  web UI and API: " + server.baseUrl() + "/   (API docs: " + server.baseUrl() + "/api/docs)");
        System.out.println("  replay origin:  " + server.replayBaseUrl() + "/");
        System.out.println("Press Ctrl+C to stop.");
        System.out.flush();
        // Items analysed by an older analyzer version get this one's analysis, in the background.
        archive.startReanalysis(reanalysisReport(System.err));
        stopped.await();
        return 0;
    }

    /** One line when the background re-analysis starts work and one when it is done; no bar. */
    static LocalArchive.Progress reanalysisReport(java.io.PrintStream status) {
        return new LocalArchive.Progress() {
            private boolean started;

            @Override
            public void update(long done, long total) {
                if (!started) {
                    started = true;
                    status.println("daleel: re-analysing " + total + (total == 1 ? " item" : " items")
                            + " analysed by an older analyzer, in the background (progress on the search page"
                            + " and at /api/health)");
                }
                if (done >= total) {
                    status.println("daleel: re-analysed " + total + (total == 1 ? " item" : " items"));
                }
            }
        };
    }

    private static void writeServerFile(DataDir dir, DaleelServer server) throws IOException {
        ObjectNode json = Json.object();
        json.put("url", server.baseUrl());
        json.put("replayUrl", server.replayBaseUrl());
        json.put("pid", ProcessHandle.current().pid());
        json.put("version", Version.current());
        Path temp = dir.root().resolve("server.json.tmp");
        Files.writeString(temp, Json.write(json), StandardCharsets.UTF_8);
        Files.move(temp, dir.serverFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
