package org.daleel.web.ui;

import java.util.List;
import org.daleel.archive.SimilarItem;
import org.daleel.item.Item;
import org.daleel.item.Provenance;
import org.daleel.web.Html;
import org.daleel.web.Intake;
import org.daleel.web.Problem;

/**
 * "Find this image": a form for a picture that is not stored, and the archived items whose pictures
 * match it (whole picture by PDQ, or a crop, border or screenshot of an archived picture).
 */
final class MatchPage {
    /** Largest PDQ Hamming distance accepted by default, as in the API and the item-page alerts. */
    static final int DEFAULT_MAX_DISTANCE = 31;

    private MatchPage() {}

    /** The form; {@code maxDistance} is the value as typed, kept when the form is shown again with an error. */
    static Html form(String maxDistance, Problem error) {
        Html h = new Html();
        h.element("h1", "Find this image");
        h.element(
                "p",
                "Choose a picture or a video clip to look for in the archive: copies that were re-encoded,"
                        + " resized, rotated, mirrored, cropped, bordered or screenshotted are found too, and so are"
                        + " archived videos showing the picture (with the frame's time) and captured pages showing it."
                        + " The file is compared and discarded; nothing is stored.",
                "class",
                "muted");
        if (error != null) {
            h.open("p", "class", "error", "role", "alert")
                    .element("strong", error.code())
                    .text(": ")
                    .element("span", error.detail(), "dir", "auto")
                    .close("p");
        }
        h.open("form", "class", "stacked", "method", "post", "action", "/match", "enctype", "multipart/form-data");
        h.open("label")
                .text("Picture")
                .empty("input", "type", "file", "name", Intake.FILE_FIELD, "accept", "image/*,video/*", "required", "")
                .close("label");
        h.open("label")
                .text("Largest distance (PDQ bits that may differ, 0–256; default " + DEFAULT_MAX_DISTANCE + ")")
                .empty(
                        "input",
                        "type",
                        "number",
                        "name",
                        "maxDistance",
                        "min",
                        "0",
                        "max",
                        "256",
                        "value",
                        maxDistance.isEmpty() ? Integer.toString(DEFAULT_MAX_DISTANCE) : maxDistance)
                .close("label");
        h.element("button", "Find", "type", "submit");
        h.close("form");
        return h;
    }

    /** The archived items matching the picture {@code fileName}, nearest first. */
    static Html results(String fileName, int maxDistance, List<SimilarItem> hits) {
        Html h = new Html();
        h.element("h1", "Find this image");
        h.open("p", "class", "muted")
                .text("Picture ")
                .element("span", fileName, "dir", "auto")
                .text(", largest distance " + maxDistance + ". It was not stored.")
                .close("p");
        if (hits.isEmpty()) {
            h.element("p", "No archived picture matches.", "class", "none");
        } else {
            h.element(
                    "h2",
                    hits.size() == 1
                            ? "1 archived item shows this picture"
                            : hits.size() + " archived items show this picture");
            h.open("ol", "class", "results matches");
            for (SimilarItem hit : hits) {
                hit(h, hit);
            }
            h.close("ol");
        }
        h.open("p").element("a", "Find another image", "href", "/match").close("p");
        return h;
    }

    private static void hit(Html h, SimilarItem hit) {
        Item item = hit.item();
        h.open("li");
        h.element("a", ItemPage.heading(item), "class", "title", "href", "/items/" + item.id(), "dir", "auto");
        h.element("p", hit.alert(), "class", "alert", "dir", "auto");
        h.open("table", "class", "meta");
        row(h, "Match", "distance " + hit.distance() + " · " + hit.method() + " · " + hit.explanation());
        row(h, "Captured", item.capturedAt().toString());
        if (!item.url().isEmpty()) {
            row(h, "Source URL", item.url());
        } else {
            row(h, "File name", item.fileName());
        }
        Provenance p = item.provenance();
        row(h, "Claimed place", p.claimedPlace());
        row(h, "Claimed date", p.claimedDate());
        h.close("table");
        h.close("li");
    }

    private static void row(Html h, String label, String value) {
        if (value.isEmpty()) {
            return;
        }
        h.open("tr")
                .element("th", label, "scope", "row")
                .element("td", value, "dir", "auto")
                .close("tr");
    }
}
