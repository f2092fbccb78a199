package cn.campusgate.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.campusgate.approval.ApprovalEvents.ApprovalWithdrawn;
import cn.campusgate.approval.ApprovalEvents.StepOpened;
import cn.campusgate.approval.StepKind;
import cn.campusgate.committee.CommitteeEvents.PanelClosed;
import cn.campusgate.committee.CommitteeEvents.PanelReopened;
import cn.campusgate.committee.CommitteeEvents.PanelRequested;
import cn.campusgate.core.Actors;
import cn.campusgate.item.Items;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the approval chain: an opened expert-opinion step asks for a panel (or, after the panel's return
 * was corrected and resubmitted, a new round of the same panel); a withdrawn chain ends its panel. In the
 * chain's own transaction, so that a step never opens without its panel.
 */
@Component
class CommitteeListener {

    private static final Logger log = LoggerFactory.getLogger(CommitteeListener.class);

    private final PanelRepository repository;
    private final Panels panels;
    private final Candidates candidates;
    private final Items items;
    private final CommitteeNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int defaultSize;

    CommitteeListener(PanelRepository repository, Panels panels, Candidates candidates, Items items,
                      CommitteeNotices notices, ApplicationEventPublisher events, Clock clock,
                      @org.springframework.beans.factory.annotation.Value("${campusgate.committee.panel-size:5}") int defaultSize) {
        this.repository = repository;
        this.panels = panels;
        this.candidates = candidates;
        this.items = items;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
        this.defaultSize = defaultSize;
    }

    @EventListener
    void on(StepOpened opened) {
        if (opened.step() != StepKind.EXPERT_OPINION) {
            return;
        }
        Optional<Panel> live = repository.lockLiveForApproval(opened.approvalId());
        if (live.isEmpty()) {
            Panel panel = Panel.request(opened.itemId(), opened.approvalId(), opened.organizationId(),
                    opened.itemTitle(), opened.dueOn(), Math.max(Panel.QUORUM, Math.min(Panel.MAX_SIZE, defaultSize)),
                    opened.actor(), clock.instant());
            repository.save(panel);
            events.publishEvent(new PanelRequested(opened.actor(), panel.id(), panel.itemId(), panel.approvalId()));
            return;
        }
        Panel panel = live.get();
        if (panel.status() == PanelStatus.SIGNED && panel.currentOpinion()
                .filter(o -> o.recommendation() == Recommendation.APPROVE_WITH_CHANGES).isPresent()) {
            currentFacts(panel.itemId()).ifPresent(panel::useFacts);
            LocalDate today = LocalDate.now(clock);
            List<Review> next = panel.reopen(opened.itemTitle(), opened.dueOn(),
                    panels.defaultDeadline(opened.dueOn(), today), clock.instant());
            repository.save(panel);
            events.publishEvent(new PanelReopened(opened.actor(), panel.id(), panel.itemId(), panel.round()));
            notices.reopened(panel, next);
        }
    }

    @EventListener
    void on(ApprovalWithdrawn withdrawn) {
        repository.lockLiveForApproval(withdrawn.approvalId()).ifPresent(panel -> {
            List<Review> pending = panel.close(withdrawn.actor(), clock.instant());
            repository.save(panel);
            events.publishEvent(new PanelClosed(withdrawn.actor(), panel.id(), panel.itemId()));
            notices.closed(panel, pending);
        });
    }

    /** The resubmitted item as its department sent it; the secretary's next action reads it otherwise. */
    private Optional<ItemFacts> currentFacts(long itemId) {
        if (Actors.current().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(candidates.facts(items.get(itemId)));
        } catch (RuntimeException unreadable) {
            log.debug("item {} not readable by the resubmitting actor", itemId, unreadable);
            return Optional.empty();
        }
    }
}
