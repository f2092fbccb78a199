package cn.campusgate.whitelist;

import cn.campusgate.approval.ApprovalEvents.ItemReadyForWhitelist;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Follows the approval chain: an item that passed every step joins its list in the chain's own
 * transaction, so that an approved item is never missing from its list. Archives finished years on 1 January.
 */
@Component
class WhitelistListener {

    private final Whitelists whitelists;

    WhitelistListener(Whitelists whitelists) {
        this.whitelists = whitelists;
    }

    @EventListener
    void on(ItemReadyForWhitelist ready) {
        whitelists.admit(ready);
    }

    @Scheduled(cron = "${campusgate.whitelist.archive-cron:0 5 0 1 1 *}", zone = "Asia/Shanghai")
    void archiveFinishedYears() {
        whitelists.archiveFinishedYears();
    }
}
