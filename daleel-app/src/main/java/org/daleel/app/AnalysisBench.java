package org.daleel.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.daleel.analysis.Analysis;
import org.daleel.analysis.TextAnalyzer;
import org.daleel.analysis.gazetteer.Gazetteer;

/**
 * {@code daleel bench analysis}: how long the default gazetteer and the analyzer take to load, and how
 * many news-length articles (about 800 words, two English to one Arabic) the whole analysis handles
 * per second on one thread and on every core.
 */
final class AnalysisBench {
    private AnalysisBench() {}

    static void run(int count, int threads) throws InterruptedException, ExecutionException {
        long t0 = System.nanoTime();
        Gazetteer g = Gazetteer.loadDefault();
        double gazetteerMs = (System.nanoTime() - t0) / 1e6;
        TextAnalyzer analyzer = TextAnalyzer.loadDefault();
        System.out.printf(
                Locale.ROOT,
                "analysis: default gazetteer (%d places, %d name keys) opened in %.0f ms (first open in this JVM);"
                        + " analyzer (gazetteer + actors) loaded in %d ms%n",
                g.size(),
                g.names().keys(),
                gazetteerMs,
                analyzer.loadTime().toMillis());
        Optional<LocalDate> published = Optional.of(LocalDate.parse("2016-08-20"));
        List<String> warm = SyntheticArticles.generate(Math.min(count, 500), 1);
        for (String s : warm) {
            analyzer.analyze(s, published);
        }
        List<String> batch = SyntheticArticles.generate(count, 2);
        long words = 0;
        long chars = 0;
        for (String s : batch) {
            words += SyntheticArticles.wordCount(s);
            chars += s.length();
        }
        long places = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        for (String s : batch) {
            places += analyzer.analyze(s, published).places().size();
        }
        double single = (System.nanoTime() - t1) / 1e9;
        double singleCpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger events = new AtomicInteger();
        double parallel;
        try {
            long t2 = System.nanoTime();
            List<Future<Analysis>> futures = batch.stream()
                    .map(s -> pool.submit(() -> analyzer.analyze(s, published)))
                    .toList();
            for (Future<Analysis> f : futures) {
                events.addAndGet(f.get().events().size());
            }
            parallel = (System.nanoTime() - t2) / 1e9;
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                Locale.ROOT,
                "analysis: %d articles (%d words, %.0f KB on average; %.1f places and %.1f events per article):"
                        + " %.0f articles/s on one thread (%.0f per CPU-second of that thread), %.0f articles/s on %d"
                        + " threads; load average %.1f; %s%n",
                count,
                words / count,
                chars / 1024.0 / count,
                places / (double) count,
                events.get() / (double) count,
                count / single,
                count / singleCpu,
                count / parallel,
                threads,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                BenchCommand.memory());
    }
}
