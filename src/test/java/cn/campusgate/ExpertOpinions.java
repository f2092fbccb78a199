package cn.campusgate;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Supplier;

import cn.campusgate.committee.Aspect;
import cn.campusgate.committee.CommitteeOpinion;
import cn.campusgate.committee.Judgement;
import cn.campusgate.committee.Panel;
import cn.campusgate.committee.Panels;
import cn.campusgate.committee.Recommendation;
import cn.campusgate.committee.Review;
import cn.campusgate.committee.ReviewCommand;
import cn.campusgate.committee.ReviewStatus;
import cn.campusgate.committee.Reviews;
import cn.campusgate.organization.Accounts;
import org.springframework.stereotype.Component;

/**
 * Passes an item's expert-opinion step the only way it passes: the secretary draws a panel of three and
 * convenes it, each member confirms no conflict and submits a review with the wanted recommendation, the
 * secretary generates and signs the opinion. For tests of later steps; drives the real transitions.
 */
@Component
public class ExpertOpinions {

    private final SignedIn signedIn;
    private final Panels panels;
    private final Reviews reviews;
    private final Accounts accounts;

    public ExpertOpinions(SignedIn signedIn, Panels panels, Reviews reviews, Accounts accounts) {
        this.signedIn = signedIn;
        this.panels = panels;
        this.reviews = reviews;
        this.accounts = accounts;
    }

    /** The committee approves the item: the chain moves on to the preliminary review. */
    public CommitteeOpinion approve(long itemId) {
        return sign(itemId, Recommendation.APPROVE);
    }

    /** The committee's signed opinion with this recommendation (which decides the step accordingly). */
    public CommitteeOpinion sign(long itemId, Recommendation recommendation) {
        Panel found = as("secretary", () -> panels.page(itemId).panel());
        Panel panel = found;
        if (found.status().forming()) {
            as("secretary", () -> panels.propose(found.id(), 3, null));
            LocalDate week = LocalDate.now().plusDays(7);
            LocalDate deadline = week.isAfter(found.stepDueOn()) ? found.stepDueOn() : week;
            panel = as("secretary", () -> panels.convene(found.id(), deadline));
        }
        for (Review review : panel.currentReviews()) {
            String member = accounts.find(review.accountId()).orElseThrow().username();
            if (review.status() == ReviewStatus.AWAITING_DECLARATION) {
                as(member, () -> reviews.confirmNoConflict(review.id()));
            }
            if (review.status() != ReviewStatus.SUBMITTED) {
                as(member, () -> reviews.submit(review.id(), review(recommendation, 4)));
            }
        }
        long panelId = panel.id();
        as("secretary", () -> panels.draftOpinion(panelId));
        return as("secretary", () -> panels.sign(panelId));
    }

    /** A complete review: every aspect scored with a comment, the judgements fitting the recommendation. */
    public static ReviewCommand review(Recommendation recommendation, int score) {
        boolean holds = recommendation != Recommendation.REJECT;
        return new ReviewCommand(
                Arrays.stream(Aspect.values()).map(a -> new ReviewCommand.AspectInput(a, score, "评分理由：" + a)).toList(),
                Arrays.stream(Judgement.values()).map(j -> new ReviewCommand.JudgementInput(j, holds,
                        holds ? "" : "与学校现有课程重复")).toList(),
                recommendation,
                recommendation == Recommendation.APPROVE_WITH_CHANGES ? "压缩为一课时\n融入班团队会" : "",
                recommendation == Recommendation.REJECT ? "与学校已开设的课程重复，不宜进校园。" : "");
    }

    public <T> T as(String username, Supplier<T> work) {
        return signedIn.call(username, work);
    }
}
