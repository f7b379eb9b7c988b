package org.daleel.analysis;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Actor types after ACLED's actor categories (inter codes 1-8), plus international and
 * humanitarian bodies (which ACLED files under External/Other forces) and named persons.
 */
public enum ActorType {
    /** ACLED 1: national armies, police and other state agents. */
    STATE_FORCES("State forces", 1),
    /** ACLED 2: organised armed groups fighting the state. */
    REBEL_GROUPS("Rebel groups", 2),
    /** ACLED 3: armed groups serving a political elite. */
    POLITICAL_MILITIAS("Political militias", 3),
    /** ACLED 4: armed groups organised around an ethnic, religious or communal identity. */
    IDENTITY_MILITIAS("Identity militias", 4),
    /** ACLED 5. */
    RIOTERS("Rioters", 5),
    /** ACLED 6. */
    PROTESTERS("Protesters", 6),
    /** ACLED 7. */
    CIVILIANS("Civilians", 7),
    /** ACLED 8: foreign forces, private security, and others. */
    EXTERNAL_OTHER_FORCES("External/Other forces", 8),
    /** UN bodies, treaty organisations, courts (ACLED 8). */
    INTERNATIONAL_BODIES("International bodies", 8),
    /** Humanitarian organisations, rescuers and medical services (ACLED 8). */
    HUMANITARIAN_BODIES("Humanitarian bodies", 8),
    /** A named person (ACLED has no category for persons). */
    PERSON("Person", 0);

    private final String label;
    private final int acledInter;

    ActorType(String label, int acledInter) {
        this.label = label;
        this.acledInter = acledInter;
    }

    /** The label used in JSON ("State forces"). */
    public String label() {
        return label;
    }

    /** ACLED inter code (1-8), 0 for a person. */
    public int acledInter() {
        return acledInter;
    }

    /**
     * The type with this label or constant name, case-insensitive ("State forces", "state_forces").
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static ActorType parse(String value) {
        String v = value == null ? "" : value.trim();
        for (ActorType t : values()) {
            if (t.label.equalsIgnoreCase(v)
                    || t.name().equalsIgnoreCase(v.replace(' ', '_').replace('/', '_'))) {
                return t;
            }
        }
        throw new IllegalArgumentException("actor type: expected one of "
                + Arrays.stream(values()).map(ActorType::label).collect(Collectors.joining(", ")) + "; found '"
                + value + "'");
    }
}
