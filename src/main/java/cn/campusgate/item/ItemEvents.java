package cn.campusgate.item;

import java.util.Map;

import cn.campusgate.core.AuditedEvent;

/** Past-tense events of an item's life; each is audited, and later modules react to them. */
public final class ItemEvents {

    private ItemEvents() {
    }

    public record ItemDrafted(String actor, long itemId, long departmentId, String title) implements AuditedEvent {
        public String action() { return "item.drafted"; }
        public String subject() { return "item:" + itemId; }
        public Map<String, Object> details() { return Map.of("department", departmentId, "title", title); }
    }

    public record ItemDraftSaved(String actor, long itemId) implements AuditedEvent {
        public String action() { return "item.draft-saved"; }
        public String subject() { return "item:" + itemId; }
    }

    /** The content travels along so that the approval chain starts without reading the item again. */
    public record ItemSubmitted(String actor, long itemId, long departmentId, int versionNumber, String title,
                                ItemContent content, String draftedBy) implements AuditedEvent {
        public String action() { return "item.submitted"; }
        public String subject() { return "item:" + itemId; }
        public Map<String, Object> details() { return Map.of("version", versionNumber, "title", title); }
    }

    public record ItemReturned(String actor, long itemId, long departmentId, String reason) implements AuditedEvent {
        public String action() { return "item.returned"; }
        public String subject() { return "item:" + itemId; }
        public Map<String, Object> details() { return Map.of("reason", reason); }
    }

    public record ItemWithdrawn(String actor, long itemId, long departmentId) implements AuditedEvent {
        public String action() { return "item.withdrawn"; }
        public String subject() { return "item:" + itemId; }
    }

    public record ItemApproved(String actor, long itemId, long departmentId) implements AuditedEvent {
        public String action() { return "item.approved"; }
        public String subject() { return "item:" + itemId; }
    }

    public record ItemRejected(String actor, long itemId, long departmentId, String reason) implements AuditedEvent {
        public String action() { return "item.rejected"; }
        public String subject() { return "item:" + itemId; }
        public Map<String, Object> details() { return Map.of("reason", reason); }
    }
}
