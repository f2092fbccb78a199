package cn.campusgate.approval;

import cn.campusgate.core.Actors;
import cn.campusgate.item.ItemEvents.ItemSubmitted;
import cn.campusgate.item.ItemStatus;
import cn.campusgate.item.Items;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Items submitted before the approval chain existed (an installation upgraded from an earlier version)
 * would wait for ever; at start-up each gets its chain, as if it had just been submitted.
 */
@Component
@Order(30)
class ChainBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ChainBackfill.class);

    private final Items items;
    private final ApprovalRepository repository;
    private final Approvals approvals;

    ChainBackfill(Items items, ApprovalRepository repository, Approvals approvals) {
        this.items = items;
        this.repository = repository;
        this.approvals = approvals;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int started = 0;
        for (var item : items.inStatusForSystem(ItemStatus.SUBMITTED)) {
            if (repository.latestForItem(item.id()).isEmpty()) {
                approvals.on(new ItemSubmitted(Actors.SYSTEM, item.id(), item.departmentId(),
                        item.submittedVersions(), item.title(), item.content(), item.createdBy()));
                started++;
            }
        }
        if (started > 0) {
            log.info("Started the approval chain of {} items submitted before it existed", started);
        }
    }
}
