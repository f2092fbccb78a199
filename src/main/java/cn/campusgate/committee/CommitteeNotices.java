package cn.campusgate.committee;

import java.util.List;
import java.util.Objects;

import cn.campusgate.core.Role;
import cn.campusgate.notification.Notice;
import cn.campusgate.notification.Notifications;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Tells members and the secretary what the panel needs from them; in-app in the acting transaction. */
@Component
class CommitteeNotices {


    private final Notifications notifications;

    CommitteeNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    /** Members drawn (or drawn as replacements): declare, then review, by the deadline. */
    void drawn(Panel panel, List<Review> reviews) {
        for (Review review : reviews) {
            notifications.send(List.of(review.accountId()), new Notice("notice.committee.drawn",
                    List.of(panel.itemTitle(), deadline(panel)), reviewLink(review)));
        }
    }

    void seatFreed(Panel panel, Review left, @Nullable String replacement) {
        toSecretaries(panel, replacement == null
                ? new Notice("notice.committee.noReplacement", List.of(left.memberName(), panel.itemTitle()),
                        panelLink(panel))
                : new Notice("notice.committee.replaced", List.of(left.memberName(), panel.itemTitle(), replacement),
                        panelLink(panel)));
    }

    void remind(Panel panel, List<Review> pending) {
        for (Review review : pending) {
            notifications.send(List.of(review.accountId()), new Notice("notice.committee.reminder",
                    List.of(panel.itemTitle(), deadline(panel)), reviewLink(review)));
        }
    }

    void quorum(Panel panel) {
        toSecretaries(panel, new Notice("notice.committee.quorum",
                List.of(panel.itemTitle(), String.valueOf(panel.validReviews())), panelLink(panel)));
    }

    void signed(Panel panel, CommitteeOpinion opinion) {
        List<Long> served = panel.currentReviews().stream().filter(r -> r.status().seated())
                .map(Review::accountId).toList();
        notifications.send(served, new Notice("notice.committee.signed", List.of(panel.itemTitle()),
                "/items/" + panel.itemId()));
    }

    void reopened(Panel panel, List<Review> reviews) {
        for (Review review : reviews) {
            notifications.send(List.of(review.accountId()), new Notice("notice.committee.reopened",
                    List.of(panel.itemTitle(), deadline(panel), String.valueOf(panel.round())), reviewLink(review)));
        }
        toSecretaries(panel, new Notice("notice.committee.reopenedSecretary",
                List.of(panel.itemTitle(), String.valueOf(panel.round())), panelLink(panel)));
    }

    void closed(Panel panel, List<Review> pending) {
        notifications.send(pending.stream().map(Review::accountId).toList(),
                new Notice("notice.committee.closed", List.of(panel.itemTitle()), "/committee/reviews"));
    }

    private void toSecretaries(Panel panel, Notice notice) {
        notifications.sendToRole(panel.committeeId(), Role.COMMITTEE_SECRETARY, notice);
    }

    private static String deadline(Panel panel) {
        return Objects.requireNonNull(panel.deadline()).toString(); // an ISO date: read in each reader's language
    }

    static String reviewLink(Review review) {
        return "/committee/reviews/" + review.id();
    }

    static String panelLink(Panel panel) {
        return "/committee/items/" + panel.itemId();
    }
}
