package org.daleel.analysis.item;

import org.daleel.analysis.EventType;

/** Short English labels of event types, for facets and the item page. */
final class EventLabels {
    private EventLabels() {}

    static String label(EventType type) {
        return switch (type) {
            case AIR_DRONE_STRIKE -> "Air or drone strike";
            case SHELLING -> "Shelling, artillery or missile attack";
            case REMOTE_EXPLOSIVE -> "Remote explosive, landmine or IED";
            case SUICIDE_BOMB -> "Suicide bomb";
            case CHEMICAL_ATTACK -> "Chemical attack";
            case ARMED_CLASH -> "Armed clash";
            case GOVERNMENT_REGAINS_TERRITORY -> "Government regains territory";
            case NON_STATE_OVERTAKES_TERRITORY -> "Non-state group overtakes territory";
            case ATTACK_ON_CIVILIANS -> "Attack on civilians";
            case ATTACK_ON_MEDICAL_AID -> "Attack on medical or aid workers";
            case EXECUTION -> "Execution";
            case ARREST_DETENTION -> "Arrest, detention or disappearance";
            case SIEGE -> "Siege";
            case EVACUATION -> "Evacuation";
            case FORCED_DISPLACEMENT -> "Forced displacement";
            case LOOTING -> "Looting or property destruction";
            case AGREEMENT -> "Agreement or ceasefire";
            case PROTEST -> "Protest";
        };
    }
}
