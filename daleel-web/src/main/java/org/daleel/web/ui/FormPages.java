package org.daleel.web.ui;

import java.util.List;
import org.daleel.archive.ImportResult;
import org.daleel.web.Html;
import org.daleel.web.Intake;
import org.daleel.web.Problem;

/** The capture and upload forms, the upload outcome and error pages. */
final class FormPages {
    private FormPages() {}

    /** Values typed into the capture form, kept when it is shown again with an error. */
    record CaptureValues(String url, String note, String claimedPlace, String claimedDate, boolean allowPrivate) {
        static final CaptureValues EMPTY = new CaptureValues("", "", "", "", false);
    }

    static Html capture(CaptureValues v, boolean privateAllowed, Problem error) {
        Html h = new Html();
        h.element("h1", "Capture a web page");
        h.element(
                "p",
                "Daleel fetches the page and its images, stylesheets and scripts, writes them to a WARC file and"
                        + " records their SHA-256 digests. This can take a minute.",
                "class",
                "muted");
        error(h, error);
        h.open("form", "class", "stacked", "method", "post", "action", "/capture");
        field(h, "URL", "url", "url", v.url(), true);
        area(h, "Note", "note", v.note());
        field(h, "Claimed place", "claimedPlace", "text", v.claimedPlace(), false);
        field(h, "Claimed date", "claimedDate", "text", v.claimedDate(), false);
        if (privateAllowed) {
            h.open("label", "class", "check")
                    .empty(
                            "input",
                            "type",
                            "checkbox",
                            "name",
                            "allowPrivate",
                            "value",
                            "true",
                            "checked",
                            v.allowPrivate() ? "" : null)
                    .text(" Allow loopback and private addresses (intranet sources)")
                    .close("label");
        }
        h.element("button", "Capture", "type", "submit");
        h.close("form");
        return h;
    }

    static Html upload(Problem error) {
        Html h = new Html();
        h.element("h1", "Upload files");
        h.element(
                "p",
                "Images, video, PDF, HTML, text, WARC or WACZ files. Files whose bytes are already archived are"
                        + " reported as duplicates and stored once.",
                "class",
                "muted");
        error(h, error);
        h.open("form", "class", "stacked", "method", "post", "action", "/upload", "enctype", "multipart/form-data");
        h.open("label")
                .text("Files")
                .empty("input", "type", "file", "name", Intake.FILE_FIELD, "multiple", "", "required", "")
                .close("label");
        area(h, "Note", "note", "");
        field(h, "Claimed place", "claimedPlace", "text", "", false);
        field(h, "Claimed date", "claimedDate", "text", "", false);
        h.element("button", "Upload", "type", "submit");
        h.close("form");
        return h;
    }

    static Html uploaded(List<ImportResult> results) {
        Html h = new Html();
        h.element("h1", "Uploaded");
        h.open("table", "class", "uploads");
        h.open("tr")
                .element("th", "File")
                .element("th", "Status")
                .element("th", "Records")
                .element("th", "SHA-256")
                .close("tr");
        for (ImportResult r : results) {
            h.open("tr", "class", r.status().label());
            h.open("td")
                    .element("a", r.path(), "href", "/items/" + r.item().id(), "dir", "auto")
                    .close("td");
            h.element("td", r.status().label(), "class", "status");
            h.element("td", Integer.toString(r.records()));
            h.open("td").element("code", r.item().sha256(), "class", "digest").close("td");
            h.close("tr");
        }
        h.close("table");
        h.open("p").element("a", "Upload more", "href", "/upload").close("p");
        return h;
    }

    static Html error(Problem p) {
        Html h = new Html();
        h.element("h1", "Error " + p.status());
        error(h, p);
        h.open("p").element("a", "Back to search", "href", "/").close("p");
        return h;
    }

    private static void error(Html h, Problem p) {
        if (p != null) {
            h.open("p", "class", "error", "role", "alert")
                    .element("strong", p.code())
                    .text(": ")
                    .element("span", p.detail(), "dir", "auto")
                    .close("p");
        }
    }

    private static void field(Html h, String label, String name, String type, String value, boolean required) {
        h.open("label")
                .text(label)
                .empty(
                        "input",
                        "type",
                        type,
                        "name",
                        name,
                        "value",
                        value,
                        "dir",
                        "auto",
                        "required",
                        required ? "" : null)
                .close("label");
    }

    private static void area(Html h, String label, String name, String value) {
        h.open("label")
                .text(label)
                .open("textarea", "name", name, "rows", "3", "dir", "auto")
                .text(value)
                .close("textarea")
                .close("label");
    }
}
