package cn.campusgate;

import java.time.LocalDate;
import java.util.List;

import cn.campusgate.approval.ApprovalStatus;
import cn.campusgate.approval.ApprovalWorkflowIT;
import cn.campusgate.approval.Approvals;
import cn.campusgate.approval.Decision;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemContent;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.Items;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes a department's item through the whole approval chain the only way it goes: drafted and submitted by the
 * department, the committee's opinion ({@link ExpertOpinions}), then the commission, the district and the municipal
 * group each approve their step. The item is then ready for its year's whitelist. Drives the real transitions.
 */
@Component
public class ApprovedItems {

    private final SignedIn signedIn;
    private final Items items;
    private final Approvals approvals;
    private final ExpertOpinions expertOpinions;

    public ApprovedItems(SignedIn signedIn, Items items, Approvals approvals, ExpertOpinions expertOpinions) {
        this.signedIn = signedIn;
        this.items = items;
        this.approvals = approvals;
        this.expertOpinions = expertOpinions;
    }

    /** An annual item of {@link ApprovalWorkflowIT#content} with this title, theme and start. */
    public Item throughTheChain(String department, String title, String theme, LocalDate start) {
        return throughTheChain(department, ApprovalWorkflowIT.content(title, theme, ItemRoute.ANNUAL, start));
    }

    public Item throughTheChain(String department, ItemContent content) {
        Item draft = signedIn.call(department, () -> items.draft(content));
        Item item = signedIn.call(department, () -> items.submit(draft.id(), draft.version()));
        expertOpinions.approve(item.id());
        for (String who : List.of("commission", "district", "municipal")) {
            long task = signedIn.call(who, () -> approvals.forItem(item.id())).orElseThrow().openTasks().findFirst()
                    .orElseThrow().id();
            signedIn.call(who, () -> approvals.decide(task, Decision.APPROVED, "同意", null));
        }
        assertThat(signedIn.call(department, () -> approvals.forItem(item.id())).orElseThrow().status())
                .isEqualTo(ApprovalStatus.READY_FOR_WHITELIST);
        return item;
    }
}
