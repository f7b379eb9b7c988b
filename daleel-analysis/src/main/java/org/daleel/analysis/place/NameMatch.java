package org.daleel.analysis.place;

/** A place name found in the text, with what surrounds it; filled by {@link PlaceRecognizer}. */
final class NameMatch {
    final int first;
    final int last;
    final String key;
    final int keyIndex;
    final boolean fuzzy;
    final int form;
    final String firstForm;
    /** Read with the other form of its prefix ("Saint Louis" for "St. Louis"), not an Arabic clitic form. */
    boolean prefixVariant;

    /**
     * Key of the same name with the other form of its prefix when both are gazetteer names ("St Clair"
     * and "Saint Clair"): its places are candidates too. -1 if none.
     */
    int otherPrefixKey = -1;

    /** Words of the name (tokens from first to last without a prefix's full stop). */
    int words = 1;

    int spanFirst;
    int spanLast;
    boolean adminPhrase;
    boolean placeWord;
    boolean cue;
    boolean reference;
    boolean common;
    boolean startWeak;
    boolean acronym;
    boolean arabicSingle;
    boolean rural;
    /** A one-word name followed by "said", "told", "was"...: likely a person. */
    boolean speaker;
    /** A one-word name followed by another capitalised word ("Julia Roberts"). */
    boolean beforeName;

    /** One of a list that ends in "counties" ("Henderson and Ellis counties"): context, not reported. */
    boolean countyOfList;

    /**
     * A county's or parish's name ("Laurel County", "Palm Beach County", "Orange County"): only a
     * second-level division may be its place, never a town of that name.
     */
    boolean county;

    String spanFirstForm;
    NameGroup group;

    NameMatch(int first, int last, String key, int keyIndex, boolean fuzzy, int form, String firstForm) {
        this.first = first;
        this.last = last;
        this.key = key;
        this.keyIndex = keyIndex;
        this.fuzzy = fuzzy;
        this.form = form;
        this.firstForm = firstForm;
    }
}
