package org.daleel.archive;

import org.daleel.item.Item;
import org.daleel.item.Provenance;

/** Words of recycled-media alerts: what was seen before, where and when, and what differs. */
final class Alerts {
    private Alerts() {}

    /** The alert on {@code current} about an {@code other} item showing the same picture. */
    static String describe(Item current, Item other, SimilarItem.Relation relation) {
        String source = other.url().isEmpty() ? other.fileName() : other.url();
        StringBuilder s = new StringBuilder();
        switch (relation) {
            case EARLIER -> s.append("seen before: first captured ");
            case LATER -> s.append("seen again later: captured ");
            case LOOKUP -> s.append("archived: captured ");
        }
        s.append(other.capturedAt().toString(), 0, 10).append(" from ").append(source.isEmpty() ? other.id() : source);
        Provenance p = other.provenance();
        s.append(", claimed ")
                .append(or(p.claimedPlace(), "no place"))
                .append(" / ")
                .append(or(p.claimedDate(), "no date"));
        if (current != null) {
            Provenance c = current.provenance();
            if (differs(p.claimedPlace(), c.claimedPlace())) {
                s.append("; claimed place differs (this item: ")
                        .append(c.claimedPlace())
                        .append(")");
            }
            if (differs(p.claimedDate(), c.claimedDate())) {
                s.append("; claimed date differs (this item: ")
                        .append(c.claimedDate())
                        .append(")");
            }
        }
        return s.toString();
    }

    private static boolean differs(String a, String b) {
        return !a.isBlank() && !b.isBlank() && !a.strip().equalsIgnoreCase(b.strip());
    }

    private static String or(String value, String fallback) {
        return value.isBlank() ? fallback : value;
    }
}
