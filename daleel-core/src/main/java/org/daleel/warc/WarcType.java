package org.daleel.warc;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.daleel.core.InvalidInputException;

/** The WARC record types Daleel writes (WARC 1.1 s6). */
public enum WarcType {
    /** Describes the records that follow it in the file (s6.2). */
    WARCINFO("warcinfo"),
    /** A complete scheme-specific response, for HTTP the status line, headers and body (s6.3). */
    RESPONSE("response"),
    /** A resource without the protocol envelope, such as an imported file (s6.4). */
    RESOURCE("resource"),
    /** A complete scheme-specific request, for HTTP the request line and headers (s6.5). */
    REQUEST("request"),
    /** Content created by the archiving tool about another record (s6.6). */
    METADATA("metadata");

    private final String token;

    WarcType(String token) {
        this.token = token;
    }

    /** The value of the {@code WARC-Type} field. */
    public String token() {
        return token;
    }

    /** The type named by a {@code WARC-Type} value; names the bad value and lists the valid ones. */
    public static WarcType parse(String value) {
        for (WarcType t : values()) {
            if (t.token.equals(value)) {
                return t;
            }
        }
        throw new InvalidInputException("WARC-Type '" + value + "' is not one of "
                + Arrays.stream(values()).map(WarcType::token).collect(Collectors.joining(", ")));
    }
}
