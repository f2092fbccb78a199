package cn.campusgate.committee;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.campusgate.core.AuditedEvent;
import org.jspecify.annotations.Nullable;

/** Past-tense events of the committee's work; each is audited in the transaction that publishes it. */
public final class CommitteeEvents {

    private CommitteeEvents() {
    }

    public record RosterProfileUpdated(String actor, long accountId, long committeeId) implements AuditedEvent {
        public String action() { return "committee.roster-updated"; }
        public String subject() { return "committee-member:" + accountId; }
        public Map<String, Object> details() { return Map.of("committee", committeeId); }
    }

    /** The applying department asked that a member not review its item. */
    public record ExclusionRequested(String actor, long itemId, long accountId, String reason) implements AuditedEvent {
        public String action() { return "committee.exclusion-requested"; }
        public String subject() { return "item:" + itemId; }
        public Map<String, Object> details() { return Map.of("member", accountId, "reason", reason); }
    }

    public record ExclusionWithdrawn(String actor, long itemId, long accountId) implements AuditedEvent {
        public String action() { return "committee.exclusion-withdrawn"; }
        public String subject() { return "item:" + itemId; }
        public Map<String, Object> details() { return Map.of("member", accountId); }
    }

    /** The item's expert-opinion step opened: a panel is to be formed. */
    public record PanelRequested(String actor, long panelId, long itemId, long approvalId) implements AuditedEvent {
        public String action() { return "committee.panel-requested"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("item", itemId, "approval", approvalId); }
    }

    /** A draw proposed members; the seed and inputs are in the panel's record for replay. */
    public record PanelDrawn(String actor, long panelId, long itemId, long seed, List<Long> chosen)
            implements AuditedEvent {
        public String action() { return "committee.panel-drawn"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("item", itemId, "seed", seed, "members", chosen); }
    }

    /** The secretary changed the proposal: a member added or removed, or the proposal dropped. */
    public record PanelAdjusted(String actor, long panelId, PanelChange.Kind change, @Nullable Long accountId,
                                String reason) implements AuditedEvent {
        public String action() { return "committee.panel-adjusted"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() {
            Map<String, Object> details = new HashMap<>(Map.of("change", change, "reason", reason));
            if (accountId != null) {
                details.put("member", accountId);
            }
            return details;
        }
    }

    public record PanelConvened(String actor, long panelId, long itemId, List<Long> members, LocalDate deadline)
            implements AuditedEvent {
        public String action() { return "committee.panel-convened"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("item", itemId, "members", members, "deadline", deadline); }
    }

    /** A member confirmed having no conflict with the item. */
    public record MemberCleared(String actor, long panelId, long reviewId) implements AuditedEvent {
        public String action() { return "committee.member-cleared"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("review", reviewId); }
    }

    /** A member declared a conflict and left the panel. */
    public record MemberRecused(String actor, long panelId, long reviewId, String reason) implements AuditedEvent {
        public String action() { return "committee.member-recused"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("review", reviewId, "reason", reason); }
    }

    /** The secretary replaced a member who had not reviewed, with a reason. */
    public record MemberRemoved(String actor, long panelId, long accountId, String reason) implements AuditedEvent {
        public String action() { return "committee.member-removed"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("member", accountId, "reason", reason); }
    }

    /** A replacement was drawn for a freed seat ({@code replacement} 0 when nobody was left to draw). */
    public record MemberReplaced(String actor, long panelId, long replaced, long replacement, long seed)
            implements AuditedEvent {
        public String action() { return "committee.member-replaced"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() {
            return Map.of("replaced", replaced, "replacement", replacement, "seed", seed);
        }
    }

    public record ReviewSubmitted(String actor, long panelId, long reviewId, int round, Recommendation recommendation)
            implements AuditedEvent {
        public String action() { return "committee.review-submitted"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() {
            return Map.of("review", reviewId, "round", round, "recommendation", recommendation);
        }
    }

    public record ReviewSetAside(String actor, long panelId, long reviewId, String reason) implements AuditedEvent {
        public String action() { return "committee.review-set-aside"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("review", reviewId, "reason", reason); }
    }

    public record PanelReminded(String actor, long panelId, int round, List<Long> members) implements AuditedEvent {
        public String action() { return "committee.panel-reminded"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("round", round, "members", members); }
    }

    public record PanelDeadlineExtended(String actor, long panelId, LocalDate deadline, String reason)
            implements AuditedEvent {
        public String action() { return "committee.deadline-extended"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("deadline", deadline, "reason", reason); }
    }

    public record OpinionDrafted(String actor, long panelId, int round, int validReviews) implements AuditedEvent {
        public String action() { return "committee.opinion-drafted"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("round", round, "validReviews", validReviews); }
    }

    public record OpinionEdited(String actor, long panelId, int round, Recommendation recommendation)
            implements AuditedEvent {
        public String action() { return "committee.opinion-edited"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("round", round, "recommendation", recommendation); }
    }

    /** The secretary signed the opinion; it decided the expert-opinion step. */
    public record OpinionSigned(String actor, long panelId, long itemId, long opinionId, int round,
                                Recommendation recommendation) implements AuditedEvent {
        public String action() { return "committee.opinion-signed"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() {
            return Map.of("item", itemId, "opinion", opinionId, "round", round, "recommendation", recommendation);
        }
    }

    /** The item came back corrected: the same panel reviews it in a new round. */
    public record PanelReopened(String actor, long panelId, long itemId, int round) implements AuditedEvent {
        public String action() { return "committee.panel-reopened"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("item", itemId, "round", round); }
    }

    public record PanelClosed(String actor, long panelId, long itemId) implements AuditedEvent {
        public String action() { return "committee.panel-closed"; }
        public String subject() { return "panel:" + panelId; }
        public Map<String, Object> details() { return Map.of("item", itemId); }
    }
}
