package org.daleel.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Daleel's version, as built (recorded in WARC metadata, ledger entries and the UI). */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
