package cn.campusgate.whitelist;

import cn.campusgate.core.SystemText;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One line of a list's public change log: what changed, on which day, why, and the decision behind it.
 *
 * @param versionNumber the published version the change took effect in; {@code null} before publication
 */
public record WhitelistChange(long id, long whitelistId, @Nullable Integer versionNumber, Kind kind,
                             @Nullable Long entryId, @Nullable String entryTitle, LocalDate changedOn, String reason,
                             String decision, String actor, Instant at, @Nullable SystemText reasonText,
                             @Nullable SystemText decisionText) {

    /** A change whose reason and decision are the Chinese sentences only (typed, or written before keys). */
    public WhitelistChange(long id, long whitelistId, @Nullable Integer versionNumber, Kind kind, @Nullable Long entryId,
                           @Nullable String entryTitle, LocalDate changedOn, String reason, String decision, String actor,
                           Instant at) {
        this(id, whitelistId, versionNumber, kind, entryId, entryTitle, changedOn, reason, decision, actor, at, null, null);
    }

    public enum Kind {
        /** 列入. */
        ADDED,
        /** 调整出白名单. */
        REMOVED,
        /** 公示开始 / 批准 / 发布 / 归档 and other steps of the list itself. */
        STATUS
    }
}
