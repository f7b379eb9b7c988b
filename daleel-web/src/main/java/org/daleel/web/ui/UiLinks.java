package org.daleel.web.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL pieces for links between pages. */
final class UiLinks {
    private UiLinks() {}

    /** {@code s} encoded for a query parameter value. */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
