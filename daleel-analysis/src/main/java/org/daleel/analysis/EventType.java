package org.daleel.analysis;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Controlled vocabulary of events: ACLED event types and sub-types, plus violation types used in
 * documentation work (siege, evacuation, attack on medical or aid workers, forced displacement,
 * execution). Each constant carries its ACLED event type and sub-type; a violation type without an
 * ACLED equivalent carries the closest ACLED type and an empty sub-type.
 */
public enum EventType {
    /** Air or drone strike, including barrel bombs dropped from helicopters. */
    AIR_DRONE_STRIKE("air_drone_strike", "Explosions/Remote violence", "Air/drone strike"),
    /** Shelling, artillery, mortar, rocket or missile attack. */
    SHELLING("shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    /** Remote explosive, landmine or IED, car bomb. */
    REMOTE_EXPLOSIVE("remote_explosive", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    /** Suicide bomb. */
    SUICIDE_BOMB("suicide_bomb", "Explosions/Remote violence", "Suicide bomb"),
    /** Chemical weapon. */
    CHEMICAL_ATTACK("chemical_attack", "Explosions/Remote violence", "Chemical weapon"),
    /** Armed clash between organised armed groups. */
    ARMED_CLASH("armed_clash", "Battles", "Armed clash"),
    /** Government regains territory. */
    GOVERNMENT_REGAINS_TERRITORY("government_regains_territory", "Battles", "Government regains territory"),
    /** Non-state actor overtakes territory. */
    NON_STATE_OVERTAKES_TERRITORY("non_state_overtakes_territory", "Battles", "Non-state actor overtakes territory"),
    /** Violence against civilians: attack, massacre. */
    ATTACK_ON_CIVILIANS("attack_on_civilians", "Violence against civilians", "Attack"),
    /** Attack on medical facilities or personnel, aid workers or civil defence (violation type). */
    ATTACK_ON_MEDICAL_AID("attack_on_medical_aid", "Violence against civilians", "Attack"),
    /** Execution (violation type). */
    EXECUTION("execution", "Violence against civilians", "Attack"),
    /** Arrest, detention, abduction or enforced disappearance. */
    ARREST_DETENTION("arrest_detention", "Violence against civilians", "Abduction/forced disappearance"),
    /** Siege (violation type). */
    SIEGE("siege", "Strategic developments", ""),
    /** Evacuation, including of besieged areas (violation type). */
    EVACUATION("evacuation", "Strategic developments", ""),
    /** Forced displacement (violation type). */
    FORCED_DISPLACEMENT("forced_displacement", "Strategic developments", ""),
    /** Looting or property destruction. */
    LOOTING("looting", "Strategic developments", "Looting/property destruction"),
    /** Ceasefire, truce or other agreement. */
    AGREEMENT("agreement", "Strategic developments", "Agreement"),
    /** Protest or demonstration. */
    PROTEST("protest", "Protests", "Peaceful protest");

    private final String code;
    private final String acledEventType;
    private final String acledSubEventType;

    EventType(String code, String acledEventType, String acledSubEventType) {
        this.code = code;
        this.acledEventType = acledEventType;
        this.acledSubEventType = acledSubEventType;
    }

    /** The code used in JSON and search filters ("shelling"). */
    public String code() {
        return code;
    }

    /** ACLED event type ("Explosions/Remote violence"). */
    public String acledEventType() {
        return acledEventType;
    }

    /** ACLED sub-event type, "" for a violation type ACLED does not distinguish. */
    public String acledSubEventType() {
        return acledSubEventType;
    }

    /**
     * The type with this code or constant name, case-insensitive ("shelling", "AIR_DRONE_STRIKE").
     *
     * @throws IllegalArgumentException naming the bad value and listing the valid codes
     */
    public static EventType parse(String value) {
        String v = value == null ? "" : value.trim();
        for (EventType t : values()) {
            if (t.code.equalsIgnoreCase(v) || t.name().equalsIgnoreCase(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("event type: expected one of "
                + Arrays.stream(values()).map(EventType::code).collect(Collectors.joining(", ")) + "; found '" + value
                + "'");
    }
}
