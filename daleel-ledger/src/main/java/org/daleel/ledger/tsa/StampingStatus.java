package org.daleel.ledger.tsa;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The outcome of the latest attempt to time-stamp a checkpoint, kept so that an outage of the TSA
 * is visible ({@code daleel ledger timestamps}, the API) even though it never stops the archive.
 *
 * @param tsa the TSA URL
 * @param at when the attempt ended
 * @param size the tree size of the checkpoint
 * @param ok true when a token was stored
 * @param message what happened, e.g. the error naming the TSA
 */
public record StampingStatus(String tsa, Instant at, long size, boolean ok, String message) {

    /** One line for a person. */
    public String line() {
        return (ok ? "last time-stamp " : "time-stamping FAILED ") + "at " + at + " for checkpoint " + size + " by "
                + tsa + (message.isEmpty() ? "" : ": " + message);
    }

    String format() {
        Properties p = new Properties();
        p.setProperty("tsa", tsa);
        p.setProperty("at", at.toString());
        p.setProperty("size", Long.toUnsignedString(size));
        p.setProperty("ok", Boolean.toString(ok));
        p.setProperty("message", message);
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "# latest attempt to time-stamp a ledger checkpoint\n"
                + w.toString().lines().filter(l -> !l.startsWith("#")).sorted().collect(Collectors.joining("\n"))
                + "\n";
    }

    static StampingStatus parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            return new StampingStatus(
                    p.getProperty("tsa", ""),
                    Instant.parse(p.getProperty("at", "1970-01-01T00:00:00Z")),
                    Long.parseUnsignedLong(p.getProperty("size", "0")),
                    Boolean.parseBoolean(p.getProperty("ok", "false")),
                    p.getProperty("message", ""));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return new StampingStatus("", Instant.EPOCH, 0, false, "status file unreadable: " + e.getMessage());
        }
    }
}
