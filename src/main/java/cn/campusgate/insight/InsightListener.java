package cn.campusgate.insight;

import java.time.Clock;
import java.time.LocalDate;

import cn.campusgate.approval.ApprovalEvents.ItemReadyForWhitelist;
import cn.campusgate.approval.ApprovalEvents.StepOverdue;
import cn.campusgate.campaign.CampaignEvents.AffairsSurveyed;
import cn.campusgate.campaign.CampaignEvents.RectificationMoved;
import cn.campusgate.campaign.CampaignEvents.SurveyedAffair;
import cn.campusgate.campaign.LedgerStatus;
import cn.campusgate.item.ItemEvents.ItemSubmitted;
import cn.campusgate.monitoring.MonitoringEvents.AlertRaised;
import cn.campusgate.monitoring.MonitoringEvents.SentinelRecordMade;
import cn.campusgate.supervision.CaseOutcome;
import cn.campusgate.supervision.SupervisionEvents.CaseClosed;
import cn.campusgate.supervision.SupervisionEvents.CaseVerified;
import cn.campusgate.supervision.SupervisionEvents.ComplaintFiled;
import cn.campusgate.supervision.SupervisionEvents.SanctionIssued;
import cn.campusgate.screening.RuleFamily;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the other modules' events after they commit (kept in the event publication registry until handled, so a
 * restart loses none) and records them as facts. Each fact has a key derived from its source, so a replay is harmless.
 */
@Component
class InsightListener {

    private final Facts facts;
    private final Clock clock;

    InsightListener(Facts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ItemSubmitted event) {
        String theme = event.content().theme() == null || event.content().theme().isBlank() ? event.title()
                : event.content().theme();
        facts.record(Fact.of(FactKind.ITEM_SUBMITTED, today(), "item-submitted:" + event.itemId() + ":" + event.versionNumber())
                .department(event.departmentId()).theme(theme).category(event.content().route()));
    }

    @ApplicationModuleListener
    void on(ItemReadyForWhitelist event) {
        // Counted in the year whose cap it takes, even when approved the year before.
        LocalDate today = today();
        LocalDate on = today.getYear() == event.year() ? today
                : today.getYear() < event.year() ? LocalDate.of(event.year(), 1, 1) : LocalDate.of(event.year(), 12, 31);
        facts.record(Fact.of(FactKind.ITEM_APPROVED, on, "item-approved:" + event.approvalId())
                .department(event.departmentId()).theme(event.itemTitle()).category(event.exempt() ? "EXEMPT" : event.route()));
    }

    @ApplicationModuleListener
    void on(StepOverdue event) {
        facts.record(Fact.of(FactKind.STEP_OVERDUE, today(), "step-overdue:" + event.taskId() + ":" + event.dueOn())
                .place(event.organizationId()).theme(event.itemTitle()));
    }

    @ApplicationModuleListener
    void on(AffairsSurveyed event) {
        for (SurveyedAffair a : event.affairs()) {
            facts.record(Fact.of(FactKind.SURVEY_AFFAIR, a.occurredOn(), "survey-affair:" + a.affairId())
                    .school(a.schoolId()).department(a.departmentId()).place(a.schoolId() == null ? event.jurisdictionId() : null)
                    .theme(a.title()).category(a.kind()).hours(a.classHours()));
            int n = 0;
            for (RuleFamily family : a.findings()) {
                facts.record(Fact.of(FactKind.CAMPAIGN_PROBLEM, a.occurredOn(), "campaign-problem:" + a.affairId() + ":" + n++)
                        .school(a.schoolId()).department(a.departmentId())
                        .place(a.schoolId() == null ? event.jurisdictionId() : null).theme(a.title()).category(family));
            }
        }
    }

    @ApplicationModuleListener
    void on(RectificationMoved event) {
        if (event.to() == LedgerStatus.VERIFIED) {
            facts.record(Fact.of(FactKind.RECTIFICATION_CLOSED, event.on(), "rectification-closed:" + event.entryId())
                    .place(event.ownerId()).category(event.on().isAfter(event.deadline()) ? "LATE" : "ON_TIME"));
        }
    }

    // --- monitoring ---

    @ApplicationModuleListener
    void on(SentinelRecordMade event) {
        facts.record(Fact.of(FactKind.SENTINEL_RECORD, event.occurredOn(), "sentinel-record:" + event.recordId())
                .school(event.schoolId()).department(event.departmentId()).theme(event.title()).category(event.kind())
                .hours(java.math.BigDecimal.valueOf(event.classHours())));
    }

    @ApplicationModuleListener
    void on(AlertRaised event) {
        facts.record(Fact.of(FactKind.ALERT, today(), "alert:" + event.alertId())
                .school(event.schoolId()).department(event.departmentId()).category(event.kind()));
    }

    // --- supervision ---

    @ApplicationModuleListener
    void on(ComplaintFiled event) {
        facts.caseOpened(event.caseId(), event.jurisdictionId(), today());
        facts.record(Fact.of(FactKind.COMPLAINT, today(), "complaint:" + event.complaintId())
                .place(event.jurisdictionId()).category(event.category()));
    }

    @ApplicationModuleListener
    void on(CaseVerified event) {
        var found = facts.caseVerified(event.caseId(), event.outcome().name());
        if (event.outcome() == CaseOutcome.SUBSTANTIATED) {
            facts.record(Fact.of(FactKind.VIOLATION, today(), "violation:" + event.caseId())
                    .place(found.map(InsightRepository.CaseFacts::jurisdictionId).orElse(null)).category(event.outcome()));
        }
    }

    @ApplicationModuleListener
    void on(CaseClosed event) {
        var found = facts.caseFacts(event.caseId());
        Integer days = found.map(c -> (int) java.time.temporal.ChronoUnit.DAYS.between(c.openedOn(), today())).orElse(null);
        facts.record(Fact.of(FactKind.CASE_CLOSED, today(), "case-closed:" + event.caseId())
                .place(found.map(InsightRepository.CaseFacts::jurisdictionId).orElse(null)).category(event.outcome()).days(days));
    }

    @ApplicationModuleListener
    void on(SanctionIssued event) {
        facts.record(Fact.of(FactKind.SANCTION, today(), "sanction:" + event.sanctionId())
                .place(event.targetId()).category(event.kind()));
        facts.attributeViolation(event.caseId(), event.targetId());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
