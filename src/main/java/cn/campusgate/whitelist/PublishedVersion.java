package cn.campusgate.whitelist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A published version of a list, as it was published: its entries are a frozen copy. */
public record PublishedVersion(long whitelistId, int number, String documentNumber, LocalDate effectiveFrom,
                               LocalDate effectiveTo, String note, String publishedBy, Instant publishedAt,
                               List<WhitelistEntry> entries) {

    public PublishedVersion {
        entries = List.copyOf(entries);
    }
}
