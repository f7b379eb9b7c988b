package org.daleel.analysis.actor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.daleel.analysis.ActorType;
import org.daleel.analysis.text.Normalizer;
import org.daleel.core.InvalidInputException;

/**
 * Conflict actors with their English and Arabic aliases and an ACLED-style type, read from
 * tab-separated files (format documented at the top of the shipped {@code actors.tsv}: id, type,
 * country, English name, Arabic name, "|"-separated aliases). Users extend it with files of the same
 * format; an entry whose id already exists gains the new aliases.
 *
 * <p>Immutable and thread-safe.
 */
public final class ActorThesaurus {
    private static final String DEFAULT_RESOURCE = "/org/daleel/analysis/actor/actors.tsv";

    /**
     * One actor.
     *
     * @param id stable identifier
     * @param type actor type
     * @param country ISO country code, "" for none
     * @param nameEn canonical English name
     * @param nameAr canonical Arabic name
     */
    public record Entry(String id, ActorType type, String country, String nameEn, String nameAr) {
        /** Validates the fields. */
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(nameEn, "nameEn");
            Objects.requireNonNull(nameAr, "nameAr");
        }
    }

    /**
     * One alias: its key, the entry it names, whether it matches only in capitals, and the country
     * the document must be about ("" for none).
     */
    record Alias(int entry, boolean capitalsOnly, String onlyInCountry) {}

    private final List<Entry> entries;
    private final Map<String, List<Alias>> aliases;
    private final Map<String, Integer> maxWords;

    private ActorThesaurus(List<Entry> entries, Map<String, List<Alias>> aliases) {
        this.entries = List.copyOf(entries);
        this.aliases = Map.copyOf(aliases);
        Map<String, Integer> mw = new HashMap<>();
        for (String key : aliases.keySet()) {
            int sp = key.indexOf(' ');
            String first = sp < 0 ? key : key.substring(0, sp);
            int words = key.split(" ").length;
            mw.merge(first, words, Math::max);
        }
        this.maxWords = Map.copyOf(mw);
    }

    /** The shipped thesaurus. */
    public static ActorThesaurus loadDefault() {
        return load(List.of());
    }

    /**
     * The shipped thesaurus extended with {@code extraFiles} (same format), in order.
     *
     * @throws UncheckedIOException if a file cannot be read
     * @throws InvalidInputException naming the file and line of a malformed row
     */
    public static ActorThesaurus load(List<Path> extraFiles) {
        Builder b = new Builder();
        try (InputStream in = ActorThesaurus.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IOException("classpath resource " + DEFAULT_RESOURCE + " is missing");
            }
            b.read(in, "actors.tsv");
            for (Path p : extraFiles) {
                try (InputStream extra = Files.newInputStream(p)) {
                    b.read(extra, p.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("actor thesaurus: " + e.getMessage(), e);
        }
        return b.build();
    }

    /** Reads a thesaurus from streams in the documented format (for tests and tools). */
    public static ActorThesaurus read(Map<String, InputStream> sources) throws IOException {
        Builder b = new Builder();
        for (Map.Entry<String, InputStream> e : sources.entrySet()) {
            b.read(e.getValue(), e.getKey());
        }
        return b.build();
    }

    /** All entries. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entry with this id. */
    public Optional<Entry> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Entry at index {@code i}. */
    Entry entry(int i) {
        return entries.get(i);
    }

    /** Aliases with this key (empty when none). */
    List<Alias> aliases(String key) {
        return aliases.getOrDefault(key, List.of());
    }

    /** Largest number of words of an alias starting with {@code firstWord}, 0 if none. */
    int maxWords(String firstWord) {
        return maxWords.getOrDefault(firstWord, 0);
    }

    private static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private final Map<String, Integer> byId = new HashMap<>();
        private final Map<String, List<Alias>> aliases = new LinkedHashMap<>();

        void read(InputStream in, String source) throws IOException {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 5) {
                    throw new InvalidInputException("actor thesaurus " + source + " line " + lineNo
                            + ": expected 6 tab-separated columns (id, type, country, name_en, name_ar, aliases), found "
                            + f.length);
                }
                String id = f[0].trim();
                if (id.isEmpty()) {
                    throw new InvalidInputException("actor thesaurus " + source + " line " + lineNo
                            + ": expected an id, found an empty column");
                }
                ActorType type;
                try {
                    type = ActorType.parse(f[1]);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(
                            "actor thesaurus " + source + " line " + lineNo + ": " + e.getMessage(), e);
                }
                Integer idx = byId.get(id);
                if (idx == null) {
                    idx = entries.size();
                    entries.add(new Entry(id, type, f[2].trim().toUpperCase(Locale.ROOT), f[3].trim(), f[4].trim()));
                    byId.put(id, idx);
                }
                add(f[3], idx);
                add(f[4], idx);
                if (f.length > 5) {
                    for (String alias : f[5].split("\\|")) {
                        add(alias, idx);
                    }
                }
            }
        }

        private void add(String raw, int idx) {
            String alias = raw.trim();
            String country = "";
            int at = alias.lastIndexOf('@');
            if (at > 0 && alias.length() - at == 3) {
                country = alias.substring(at + 1).toUpperCase(Locale.ROOT);
                alias = alias.substring(0, at).trim();
            }
            String key = Normalizer.key(alias);
            if (key.isEmpty()) {
                return;
            }
            boolean capitals = isAcronym(alias);
            List<Alias> list = aliases.computeIfAbsent(key, k -> new ArrayList<>());
            for (Alias a : list) {
                if (a.entry() == idx && a.onlyInCountry().equals(country)) {
                    return;
                }
            }
            list.add(new Alias(idx, capitals, country));
        }

        private static boolean isAcronym(String alias) {
            int letters = 0;
            for (int i = 0; i < alias.length(); i++) {
                char c = alias.charAt(i);
                if (Character.isLetter(c)) {
                    if (!Character.isUpperCase(c) || !Normalizer.isLatinLetter(c)) {
                        return false;
                    }
                    letters++;
                } else if (c != '.') {
                    return false;
                }
            }
            return letters > 0 && letters <= 5;
        }

        ActorThesaurus build() {
            Map<String, List<Alias>> frozen = new HashMap<>();
            aliases.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            return new ActorThesaurus(entries, frozen);
        }
    }
}
