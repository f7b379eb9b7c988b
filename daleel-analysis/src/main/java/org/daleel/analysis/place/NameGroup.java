package org.daleel.analysis.place;

/** All mentions of one name in a document, resolved together (one sense per document). */
final class NameGroup {
    final NameMatch first;
    final boolean adminPhrase;
    final boolean placeWord;
    final boolean multiword;
    /** The name of a county or parish: its candidates are second-level divisions only. */
    final boolean county;
    /**
     * Set by the resolver for a county's name: true if its candidates are county records; if false they
     * are towns of that name, context only and never reported.
     */
    boolean countyRecord;

    boolean countryside;
    boolean anyCue;
    boolean allCommon = true;
    boolean allStartWeak = true;
    boolean allAcronym = true;
    boolean allArabicSingle = true;
    boolean allSpeaker = true;
    /** Some mention of this name in the document is followed by "said", "told"...: a person there. */
    boolean anySpeaker;

    boolean allBeforeName = true;
    int count;
    /**
     * Groups named right after a mention of this name as its state or country ("St. Petersburg,
     * Florida": Florida's group), and groups this name follows as such.
     */
    final java.util.List<NameGroup> containers = new java.util.ArrayList<>(0);

    final java.util.List<NameGroup> contained = new java.util.ArrayList<>(0);
    int[] cands = new int[0];
    double[] staticScore = new double[0];
    int chosen = -1;
    double score;
    boolean accepted;

    /** True if the chosen place may be reported for this name: not a town standing in for a county. */
    boolean reportable() {
        return chosen >= 0 && (!county || countyRecord);
    }

    NameGroup(NameMatch m) {
        this.first = m;
        this.adminPhrase = m.adminPhrase;
        this.placeWord = m.placeWord;
        this.multiword = m.last > m.first;
        this.county = m.county;
    }

    void add(NameMatch m) {
        m.group = this;
        count++;
        anyCue |= m.cue;
        allCommon &= m.common;
        allStartWeak &= m.startWeak;
        allAcronym &= m.acronym;
        allArabicSingle &= m.arabicSingle;
        allSpeaker &= m.speaker;
        allBeforeName &= m.beforeName;
        countryside |= m.rural;
    }
}
