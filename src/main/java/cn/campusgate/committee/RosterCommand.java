package cn.campusgate.committee;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the secretary enters about a member: topics separated by commas or 、, ties one per line as
 * {@code party：nature}; {@code available} as a checkbox sends nothing when unticked, so absent means no.
 */
public record RosterCommand(
        @Size(max = 100, message = "{committee.roster.affiliationTooLong}") @Nullable String affiliation,
        @Size(max = 300, message = "{committee.roster.topicsTooLong}") @Nullable String topics,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate termStarts,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate termEnds,
        @Nullable Boolean available,
        @Size(max = 200, message = "{committee.roster.noteTooLong}") @Nullable String availabilityNote,
        @Nullable List<Long> conflictOrganizationIds,
        @Size(max = 1000, message = "{committee.roster.tiesTooLong}") @Nullable String declaredTies) {

    public static RosterCommand of(RosterProfile profile) {
        return new RosterCommand(profile.affiliation(), String.join("、", profile.topics()), profile.termStarts(),
                profile.termEnds(), profile.available(), profile.availabilityNote(),
                profile.conflictOrganizationIds(), String.join("\n", profile.declaredTies()));
    }

    /** The profile this command describes (after the form's own checks). */
    RosterProfile toProfile() {
        List<String> topicList = topics == null ? List.of() : Arrays.stream(topics.split("[,，、;；\\n]+"))
                .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        List<String> ties = declaredTies == null ? List.of() : declaredTies.lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        String note = availabilityNote == null || availabilityNote.isBlank() ? null : availabilityNote.strip();
        return new RosterProfile(affiliation == null ? "" : affiliation.strip(), topicList, termStarts, termEnds,
                Boolean.TRUE.equals(available), note,
                conflictOrganizationIds == null ? List.of() : conflictOrganizationIds.stream().distinct().toList(),
                ties);
    }
}
