package cn.campusgate.whitelist;

import java.util.Map;

import cn.campusgate.core.AuditedEvent;

/** Past-tense events of the lists; each is audited. */
public final class WhitelistEvents {

    private WhitelistEvents() {
    }

    /** Any change to a list: what caches of the public side listen for. */
    public interface WhitelistEvent extends AuditedEvent {
        long whitelistId();
    }

    public record WhitelistOpened(String actor, long whitelistId, long jurisdictionId, int year, WhitelistKind kind)
            implements WhitelistEvent {
        public String action() { return "whitelist.opened"; }
        public String subject() { return "whitelist:" + whitelistId; }
        public Map<String, Object> details() { return Map.of("year", year, "kind", kind); }
    }

    public record EntryAdded(String actor, long whitelistId, long entryId, long itemId, String title,
                             int effectiveVersion) implements WhitelistEvent {
        public String action() { return "whitelist.entry-added"; }
        public String subject() { return "whitelist:" + whitelistId; }
        public Map<String, Object> details() { return Map.of("item", itemId, "version", effectiveVersion); }
    }

    public record EntryRemoved(String actor, long whitelistId, long entryId, long itemId, String reason,
                               String decision, int effectiveVersion) implements WhitelistEvent {
        public String action() { return "whitelist.entry-removed"; }
        public String subject() { return "whitelist:" + whitelistId; }
        public Map<String, Object> details() {
            return Map.of("item", itemId, "reason", reason, "decision", decision, "version", effectiveVersion);
        }
    }

    public record CommentPeriodStarted(String actor, long whitelistId, java.time.LocalDate endsOn)
            implements WhitelistEvent {
        public String action() { return "whitelist.comment-period-started"; }
        public String subject() { return "whitelist:" + whitelistId; }
        public Map<String, Object> details() { return Map.of("endsOn", endsOn); }
    }

    /** An item joined a list under comment: the 公示 starts again for the list as it now stands. */
    public record CommentPeriodRestarted(String actor, long whitelistId, long entryId, java.time.LocalDate endsOn)
            implements WhitelistEvent {
        public String action() { return "whitelist.comment-period-restarted"; }
        public String subject() { return "whitelist:" + whitelistId; }
        public Map<String, Object> details() { return Map.of("entry", entryId, "endsOn", endsOn); }
    }

    /** The commission opened an objector's sealed name and contact. */
    public record ObjectorIdentityRead(String actor, long whitelistId, long objectionId) implements AuditedEvent {
        public String action() { return "whitelist.objector-identity-read"; }
        public String subject() { return "whitelist:" + whitelistId; }
        public Map<String, Object> details() { return Map.of("objection", objectionId); }
    }

    public record ObjectionFiled(String actor, long whitelistId, long objectionId) implements WhitelistEvent {
        public String action() { return "whitelist.objection-filed"; }
        public String subject() { return "whitelist:" + whitelistId; }
    }

    public record ObjectionAnswered(String actor, long whitelistId, long objectionId, boolean upheld)
            implements WhitelistEvent {
        public String action() { return "whitelist.objection-answered"; }
        public String subject() { return "whitelist:" + whitelistId; }
        public Map<String, Object> details() { return Map.of("objection", objectionId, "upheld", upheld); }
    }

    public record WhitelistReturnedToDraft(String actor, long whitelistId, String reason) implements WhitelistEvent {
        public String action() { return "whitelist.returned-to-draft"; }
        public String subject() { return "whitelist:" + whitelistId; }
        public Map<String, Object> details() { return Map.of("reason", reason); }
    }

    public record WhitelistApproved(String actor, long whitelistId, String text) implements WhitelistEvent {
        public String action() { return "whitelist.approved"; }
        public String subject() { return "whitelist:" + whitelistId; }
        public Map<String, Object> details() { return Map.of("text", text); }
    }

    public record VersionPublished(String actor, long whitelistId, int number, String documentNumber)
            implements WhitelistEvent {
        public String action() { return "whitelist.version-published"; }
        public String subject() { return "whitelist:" + whitelistId; }
        public Map<String, Object> details() { return Map.of("version", number, "documentNumber", documentNumber); }
    }

    public record WhitelistArchived(String actor, long whitelistId) implements WhitelistEvent {
        public String action() { return "whitelist.archived"; }
        public String subject() { return "whitelist:" + whitelistId; }
    }
}
