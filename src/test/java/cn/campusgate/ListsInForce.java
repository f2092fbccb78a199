package cn.campusgate;

import java.time.LocalDate;

import cn.campusgate.whitelist.Objection;
import cn.campusgate.whitelist.Whitelist;
import cn.campusgate.whitelist.WhitelistEntry;
import cn.campusgate.whitelist.WhitelistStatus;
import cn.campusgate.whitelist.Whitelists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings the list that carries an item into force the only way a list gets there: the commission opens the 公示,
 * answers any objection, the period ends (the application's clock is the real one, so the period is moved back
 * instead of waiting), the leadership group approves and the commission publishes for the whole year. For tests of
 * what needs an entry in force (implementation plans, their feedback); drives the real transitions.
 */
@Component
public class ListsInForce {

    private final SignedIn signedIn;
    private final Whitelists whitelists;
    private final JdbcClient jdbc;

    public ListsInForce(SignedIn signedIn, Whitelists whitelists, JdbcClient jdbc) {
        this.signedIn = signedIn;
        this.whitelists = whitelists;
        this.jdbc = jdbc;
    }

    /** The entry of the item, on a list now in force. */
    public WhitelistEntry entryInForce(long itemId) {
        Whitelist list = listOf(itemId);
        if (list.status() == WhitelistStatus.DRAFT) {
            Whitelist draft = list;
            list = signedIn.call("commission", () -> whitelists.startCommentPeriod(draft.id(), draft.version(),
                    Whitelist.DEFAULT_COMMENT_DAYS));
        }
        if (list.status() == WhitelistStatus.COMMENT_PERIOD) {
            long id = list.id();
            for (Objection objection : signedIn.call("commission", () -> whitelists.objections(id))) {
                if (!objection.answered()) {
                    signedIn.call("commission", () -> whitelists.answerObjection(objection.id(), "已研究，予以答复。", false));
                }
            }
            endCommentPeriod(id);
            Whitelist commenting = signedIn.call("commission", () -> whitelists.get(id));
            list = signedIn.call("district", () -> whitelists.approve(id, commenting.version(), "同意发布。"));
        }
        if (list.status() == WhitelistStatus.APPROVED) {
            Whitelist approved = list;
            list = signedIn.call("commission", () -> whitelists.publish(approved.id(), approved.version(),
                    "合教发〔" + approved.year() + "〕测" + approved.id() + "号", LocalDate.of(approved.year(), 1, 1),
                    LocalDate.of(approved.year(), 12, 31)));
        }
        long id = list.id();
        return signedIn.call("commission", () -> whitelists.entries(whitelists.get(id), false)).stream()
                .filter(e -> e.itemId() == itemId).findFirst().orElseThrow();
    }

    /** The comment period is moved back so that it ended yesterday. */
    public void endCommentPeriod(long whitelistId) {
        jdbc.sql("""
                UPDATE whitelist SET comment_starts_on = comment_starts_on - (comment_ends_on - CURRENT_DATE + 1),
                    comment_ends_on = CURRENT_DATE - 1 WHERE id = :id AND comment_ends_on >= CURRENT_DATE""")
                .param("id", whitelistId).update();
    }

    /** The list (of any status) that carries the item. */
    public Whitelist listOf(long itemId) {
        return signedIn.call("commission", whitelists::managed).stream().map(Whitelists.Summary::list)
                .filter(l -> signedIn.call("commission", () -> whitelists.entries(l, true)).stream()
                        .anyMatch(e -> e.itemId() == itemId))
                .findFirst().orElseThrow();
    }
}
