package org.daleel.archive;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.daleel.core.InvalidInputException;

/**
 * The user settings of an archive: {@code settings.properties} in the data directory, one {@code
 * key=value} line per {@link Setting} that differs from its default. Immutable; {@link #with} and
 * {@link #without} return changed copies, {@link #save} replaces the file atomically (temporary
 * file, fsync, rename, directory fsync). Loading refuses a file with an unknown key or an invalid
 * value, naming the file, the key and the value. Settings are read when a command or the server
 * opens the archive; a running server sees changes after a restart.
 */
public final class Settings {
    /** The file name in the data directory. */
    public static final String FILE = "settings.properties";

    private final Map<Setting, String> values;

    private Settings(Map<Setting, String> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** No setting set: every default in force. */
    public static Settings defaults() {
        return new Settings(new EnumMap<>(Setting.class));
    }

    /** The settings file of {@code dir}. */
    public static Path file(DataDir dir) {
        return dir.root().resolve(FILE);
    }

    /**
     * Reads the settings of {@code dir}; defaults when it has no settings file.
     *
     * @throws InvalidInputException when the file holds an unknown key or an invalid value
     */
    public static Settings load(DataDir dir) {
        Path file = file(dir);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return defaults();
        } catch (IOException e) {
            throw new UncheckedIOException("settings " + file + ": could not read", e);
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(file + ": not a properties file: " + e.getMessage(), e);
        }
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (String key : p.stringPropertyNames()) {
            try {
                Setting s = Setting.parse(key);
                String v = s.validate(p.getProperty(key));
                if (!v.isEmpty()) {
                    values.put(s, v);
                }
            } catch (InvalidInputException e) {
                throw new InvalidInputException(
                        file + ": " + e.getMessage() + " (fix it with 'daleel config set' or 'daleel config unset')",
                        e);
            }
        }
        return new Settings(values);
    }

    /** The value in force: the one set, else the default ("" means none). */
    public String get(Setting s) {
        return values.getOrDefault(s, s.defaultValue());
    }

    /** True when the setting is set (not just defaulted). */
    public boolean isSet(Setting s) {
        return values.containsKey(s);
    }

    /** A duration setting's value. */
    public Duration duration(Setting s) {
        return Setting.parseDuration(get(s));
    }

    /** A size setting's value in bytes. */
    public long bytes(Setting s) {
        return Setting.parseSize(get(s));
    }

    /** A whole-number setting's value. */
    public int integer(Setting s) {
        return Integer.parseInt(get(s));
    }

    /**
     * A copy with {@code s} set to {@code value} (validated and normalised; "" unsets it).
     *
     * @throws InvalidInputException naming the key and the value when it is not valid
     */
    public Settings with(Setting s, String value) {
        Map<Setting, String> copy = new EnumMap<>(Setting.class);
        copy.putAll(values);
        String v = s.validate(value);
        if (v.isEmpty()) {
            copy.remove(s);
        } else {
            copy.put(s, v);
        }
        return new Settings(copy);
    }

    /** A copy with {@code s} back at its default. */
    public Settings without(Setting s) {
        Map<Setting, String> copy = new EnumMap<>(Setting.class);
        copy.putAll(values);
        copy.remove(s);
        return new Settings(copy);
    }

    /** Writes these settings to {@code dir}'s settings file, replacing it atomically. */
    public void save(DataDir dir) throws IOException {
        Properties p = new Properties();
        values.forEach((k, v) -> p.setProperty(k.key(), v));
        StringWriter w = new StringWriter();
        p.store(w, null);
        String body =
                w.toString().lines().filter(l -> !l.startsWith("#")).sorted().collect(Collectors.joining("\n"));
        String text = "# Daleel archive settings: edit with 'daleel config set KEY VALUE' (see 'daleel config list')\n"
                + body + (body.isEmpty() ? "" : "\n");
        Path target = file(dir);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try (FileChannel d = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                d.force(true);
            }
        }
    }

    @Override
    public String toString() {
        return "Settings" + values;
    }
}
