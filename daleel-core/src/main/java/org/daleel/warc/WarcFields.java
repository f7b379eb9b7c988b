package org.daleel.warc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A block of {@code application/warc-fields} (WARC 1.1 s6.2 and s6.6): {@code name: value} lines as
 * in a WARC header, used for warcinfo records. Names are tokens; values are one line each (CR and LF
 * are refused, so a field can never inject another). Not thread-safe.
 */
public final class WarcFields {
    /** Media type of the block. */
    public static final String MEDIA_TYPE = "application/warc-fields";

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    /** Appends a field; a repeated name is kept as another line. Empty values are skipped. */
    public WarcFields add(String name, String value) {
        WarcRecord.checkName(name);
        WarcRecord.checkValue(name, value);
        if (!value.isEmpty()) {
            fields.add(Map.entry(name, value));
        }
        return this;
    }

    /** The fields in the order added. */
    public List<Map.Entry<String, String>> fields() {
        return List.copyOf(fields);
    }

    /** The block bytes: UTF-8 {@code name: value\r\n} lines. */
    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> f : fields) {
            sb.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
