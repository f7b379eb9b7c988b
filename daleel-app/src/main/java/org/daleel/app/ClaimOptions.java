package org.daleel.app;

import org.daleel.archive.ItemOptions;
import org.daleel.item.Provenance;
import picocli.CommandLine.Option;

/** What the person adding material says about it (recorded as claims, never as facts). */
final class ClaimOptions {
    @Option(names = "--note", paramLabel = "TEXT", description = "A note recorded with each new item.")
    String note = "";

    @Option(
            names = "--claimed-place",
            paramLabel = "TEXT",
            description = "Where the source claims this happened, as the source says it.")
    String claimedPlace = "";

    @Option(
            names = "--claimed-date",
            paramLabel = "DATE",
            description = "When the source claims this happened (ISO date such as 2016-12-12, or as given).")
    String claimedDate = "";

    ItemOptions toOptions() {
        return new ItemOptions(new Provenance(System.getProperty("user.name", ""), note, claimedPlace, claimedDate));
    }
}
