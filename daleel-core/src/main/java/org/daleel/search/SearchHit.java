package org.daleel.search;

import java.time.Instant;

/**
 * One ranked hit.
 *
 * @param id item id
 * @param title item title, or ""
 * @param url source URL, or "" (file items)
 * @param fileName original file name, or ""
 * @param snippet a passage of the text around the matched words, matched words wrapped in
 *     {@code <b>..</b>} with all other markup escaped
 * @param language language code, or ""
 * @param capturedAt capture or import time
 * @param score relevance score (higher is better, comparable within one result only)
 */
public record SearchHit(
        String id,
        String title,
        String url,
        String fileName,
        String snippet,
        String language,
        Instant capturedAt,
        float score) {}
