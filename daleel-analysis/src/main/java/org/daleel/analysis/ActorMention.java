package org.daleel.analysis;

import java.util.Objects;

/**
 * An actor named in the text: an entry of the actor thesaurus, or a person whose role the text
 * gives ("opposition leader Riyad Hijab").
 *
 * @param text the mention as written
 * @param start UTF-16 offset in the analysed text
 * @param end end offset (exclusive)
 * @param id thesaurus id ("islamic-state"), or "person:" followed by the normalised name
 * @param name canonical English name of the actor, or the person's name as written
 * @param type ACLED-style actor type label ({@link ActorType#label()}), "Person" for a person
 * @param role the person's role as written ("opposition leader"); "" for a thesaurus actor
 */
public record ActorMention(String text, int start, int end, String id, String name, String type, String role) {
    /** Validates the fields. */
    public ActorMention {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        Spans.check(start, end);
    }
}
