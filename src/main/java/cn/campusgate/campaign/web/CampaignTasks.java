package cn.campusgate.campaign.web;

import java.util.ArrayList;
import java.util.List;

import cn.campusgate.campaign.Campaign;
import cn.campusgate.campaign.Campaigns;
import cn.campusgate.core.Actor;
import cn.campusgate.core.HomeTask;
import cn.campusgate.core.HomeTaskContributor;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

/** The task force's problems to put in the ledger and results to verify; an owner's open rectifications. */
@Component
class CampaignTasks implements HomeTaskContributor {

    private final Campaigns campaigns;

    CampaignTasks(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        List<HomeTask> tasks = new ArrayList<>();
        boolean participant = actor.has(Role.APPLICANT) || actor.has(Role.SCHOOL_SENTINEL) || actor.has(Role.TOWN_OFFICE);
        if (!participant && !actor.has(Role.COMMISSION_REVIEWER)) {
            return tasks;
        }
        List<Campaign> visible = campaigns.visible();
        if (visible.isEmpty()) {
            return tasks;
        }
        String path = "/campaigns/" + visible.getFirst().id();
        if (actor.has(Role.COMMISSION_REVIEWER)) {
            long waiting = campaigns.awaitingTaskForce(actor);
            tasks.add(new HomeTask("task.campaignWaiting", List.of(waiting), path + "/problems", waiting));
        }
        if (participant) {
            long open = campaigns.openLedgerLinesOf(actor);
            tasks.add(new HomeTask("task.campaignRectify", List.of(open), path + "/ledger", open));
        }
        return tasks;
    }
}
