package org.daleel.extract.content;

/** What the extractor does with a payload of a media type. */
public enum MediaKind {
    /** HTML or XHTML: main text with boilerplate removed. */
    HTML,
    /** XML: all text. */
    XML,
    /** Plain text, CSV, JSON and the like. */
    TEXT,
    /** PDF. */
    PDF,
    /** Still images. */
    IMAGE,
    /** Video. */
    VIDEO,
    /** Audio. */
    AUDIO,
    /** WARC, WACZ, ZIP, gzip and other containers. */
    ARCHIVE,
    /** Office documents and other formats whose text is not read yet. */
    DOCUMENT,
    /** Bytes of no recognised format. */
    BINARY;

    /** The kind of a (lower-case, parameter-free) media type. */
    public static MediaKind of(String mediaType) {
        if (mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml")) {
            return HTML;
        }
        if (mediaType.equals("application/pdf")) {
            return PDF;
        }
        if (mediaType.equals("image/svg+xml")) {
            return IMAGE;
        }
        if (mediaType.equals("application/xml")
                || mediaType.equals("text/xml")
                || mediaType.equals("application/rss+xml")
                || mediaType.equals("application/atom+xml")) {
            return XML;
        }
        if (mediaType.startsWith("text/")
                || mediaType.equals("application/json")
                || mediaType.equals("application/ld+json")
                || mediaType.equals("application/geo+json")
                || mediaType.equals("application/javascript")) {
            return TEXT;
        }
        if (mediaType.startsWith("image/")) {
            return IMAGE;
        }
        if (mediaType.startsWith("video/")) {
            return VIDEO;
        }
        if (mediaType.startsWith("audio/")) {
            return AUDIO;
        }
        return switch (mediaType) {
            case "application/warc",
                    "application/wacz",
                    "application/zip",
                    "application/gzip",
                    "application/x-tar",
                    "application/x-7z-compressed",
                    "application/vnd.rar",
                    "application/zstd",
                    "application/x-bzip2",
                    "application/x-xz" -> ARCHIVE;
            case "application/msword",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    "application/vnd.oasis.opendocument.text",
                    "application/vnd.oasis.opendocument.spreadsheet",
                    "application/epub+zip",
                    "application/rtf",
                    "application/vnd.ms-excel",
                    "application/vnd.ms-powerpoint" -> DOCUMENT;
            default -> BINARY;
        };
    }
}
