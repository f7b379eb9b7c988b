package org.daleel.app;

import java.io.PrintWriter;
import java.util.Arrays;
import org.daleel.capture.CaptureException;
import org.daleel.core.ConflictException;
import org.daleel.core.DaleelException;
import org.daleel.core.IntegrityException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.core.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code daleel} command line. */
@Command(
        name = "daleel",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Daleel (دليل, \"evidence\"): an evidence archive for open-source investigations.",
            "Capture web pages into WARC files, import files, search them in English and Arabic,",
            "and serve a web UI. Data lives in ./daleel-data unless --data DIR or $DALEEL_DATA says otherwise.",
            ""
        },
        subcommands = {
            ServeCommand.class,
            CaptureCommand.class,
            ImportCommand.class,
            SearchCommand.class,
            ShowCommand.class,
            AnalyzeCommand.class,
            GazetteerCommand.class,
            EvalCommand.class,
            ReanalyzeCommand.class,
            ReindexCommand.class,
            HashCommand.class,
            MatchCommand.class,
            LedgerCommand.class,
            VerifyCommand.class,
            ExportCommand.class,
            VerifyPackageCommand.class,
            ConfigCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Examples:",
            "  daleel serve                                   web UI and API on http://127.0.0.1:7070",
            "  daleel capture https://example.org/report.html --note \"convoy attack\"",
            "  daleel import ~/evidence/ --claimed-place \"Darayya\" --claimed-date 2016-08-20",
            "  daleel search \"pumping station\" --json",
            "  daleel search داريا",
            "  daleel show 01JDX3T5Q8K2M4N6P7R9S0T1V2",
            "  daleel ledger prove 01JDX3T5Q8K2M4N6P7R9S0T1V2   offline receipt (c2sp.org/tlog-proof@v1)",
            "  daleel verify                                  re-hash everything against the custody ledger",
            "  daleel config set ledger.tsa.url https://freetsa.org/tsr   RFC 3161 time-stamps of checkpoints",
            "",
            "Exit codes: 0 ok, 1 failure, 2 bad input, 3 not found, 4 capture failed, 5 conflict, 6 integrity."
        })
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).setUsageHelpWidth(HELP_WIDTH).usage(System.out);
    }

    /** Help text is written in lines of up to about 110 characters; wider than picocli's 80 keeps them whole. */
    static final int HELP_WIDTH = 120;

    /** Kept strongly reachable so the level set below stays in force. */
    private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        // Lucene warns on every start that the incubating Vector API is not enabled; it is not needed here.
        LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (used by tests in-process). */
    static int run(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new Main()).setUsageHelpWidth(HELP_WIDTH);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, verbose, commandLine.getErr()));
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("daleel: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        // Short commands say when items were analysed by an older analyzer (once, after succeeding).
        cli.setExecutionStrategy(parsed -> StaleNotice.runNoticing(parsed, System.err));
        return cli.execute(args);
    }

    private static int report(Exception e, boolean verbose, PrintWriter err) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("daleel: " + message.replace('\n', ' '));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return switch (e) {
            case InvalidInputException x -> 2;
            case NotFoundException x -> 3;
            case CaptureException x -> 4;
            case ConflictException x -> 5;
            case IntegrityException x -> 6;
            case DaleelException x -> 1;
            default -> 1;
        };
    }

    /** Prints the build's version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"daleel " + Version.current(), "Java " + Runtime.version()};
        }
    }
}
