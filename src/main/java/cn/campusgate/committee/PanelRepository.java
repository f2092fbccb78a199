package cn.campusgate.committee;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.campusgate.core.SqlArrays;
import cn.campusgate.organization.MemberKind;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stores panels with their reviews, opinions and record; the roster profiles; the departments' exclusions. */
@Repository
class PanelRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    PanelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- panels ---

    Optional<Panel> find(long id) {
        return jdbc.sql("SELECT * FROM panel WHERE id = :id").param("id", id).query(this::mapPanel).optional();
    }

    /** The panel, locked for this transaction: actions on one panel queue up. */
    Optional<Panel> lock(long id) {
        return jdbc.sql("SELECT * FROM panel WHERE id = :id FOR UPDATE").param("id", id).query(this::mapPanel)
                .optional();
    }

    Optional<Panel> lockLiveForApproval(long approvalId) {
        return jdbc.sql("SELECT * FROM panel WHERE approval_id = :id AND status <> 'CLOSED' FOR UPDATE")
                .param("id", approvalId).query(this::mapPanel).optional();
    }

    Optional<Panel> lockLiveForItem(long itemId) {
        return jdbc.sql("SELECT * FROM panel WHERE item_id = :id AND status <> 'CLOSED' ORDER BY id DESC LIMIT 1 FOR UPDATE")
                .param("id", itemId).query(this::mapPanel).optional();
    }

    /** The item's most recent panel, closed or not. */
    Optional<Panel> latestForItem(long itemId) {
        return jdbc.sql("SELECT * FROM panel WHERE item_id = :id ORDER BY id DESC LIMIT 1").param("id", itemId)
                .query(this::mapPanel).optional();
    }

    Optional<Long> panelOfReview(long reviewId) {
        return jdbc.sql("SELECT panel_id FROM panel_review WHERE id = :id").param("id", reviewId).query(Long.class)
                .optional();
    }

    /** The committee's panels in these states, the nearest step deadline first. */
    List<Panel> ofCommittee(long committeeId, List<PanelStatus> statuses, int limit) {
        return jdbc.sql("""
                SELECT * FROM panel WHERE committee_id = :committee AND status IN (:statuses)
                ORDER BY step_due_on, id LIMIT :limit""")
                .param("committee", committeeId).param("statuses", statuses.stream().map(Enum::name).toList())
                .param("limit", limit).query(this::mapPanel).list();
    }

    long countOfCommittee(long committeeId, PanelStatus status) {
        return jdbc.sql("SELECT count(*) FROM panel WHERE committee_id = :committee AND status = :status")
                .param("committee", committeeId).param("status", status.name()).query(Long.class).single();
    }

    /** The committee's convened panels whose current round has at least {@code quorum} valid reviews. */
    long countReadyToSign(long committeeId, int quorum) {
        return jdbc.sql("""
                SELECT count(*) FROM panel p WHERE p.committee_id = :committee AND p.status = 'CONVENED'
                  AND (SELECT count(*) FROM panel_review r WHERE r.panel_id = p.id AND r.round = p.round
                         AND r.status = 'SUBMITTED') >= :quorum""")
                .param("committee", committeeId).param("quorum", quorum).query(Long.class).single();
    }

    /** Convened panels whose deadline is on or before {@code by} and that have not been reminded this round. */
    List<Long> dueForReminder(LocalDate by) {
        return jdbc.sql("""
                SELECT id FROM panel WHERE status = 'CONVENED' AND reminded_round < round AND deadline <= :by
                ORDER BY id""").param("by", Date.valueOf(by)).query(Long.class).list();
    }

    /** Panels of items with these ids that had a composition (for preferring a similar item's panel). */
    List<Panel> convenedForItems(List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT ON (item_id) * FROM panel WHERE item_id IN (:items) AND status IN ('CONVENED', 'SIGNED')
                ORDER BY item_id, id DESC""").param("items", itemIds).query(this::mapPanel).list();
    }

    /** The member's reviews, with their panel, newest first; pending ones first when {@code pendingFirst}. */
    List<ReviewEntry> reviewsOf(long accountId) {
        return jdbc.sql("""
                SELECT r.id, r.panel_id, r.round, r.status, p.item_id, p.item_title, p.deadline, p.status AS panel_status,
                       r.submitted_at
                FROM panel_review r JOIN panel p ON p.id = r.panel_id
                WHERE r.account_id = :me
                ORDER BY (r.status IN ('AWAITING_DECLARATION', 'IN_REVIEW')) DESC, p.deadline NULLS LAST, r.id DESC
                LIMIT 200""").param("me", accountId)
                .query((rs, n) -> {
                    Date deadline = rs.getDate("deadline");
                    Timestamp submitted = rs.getTimestamp("submitted_at");
                    return new ReviewEntry(rs.getLong("id"), rs.getLong("panel_id"), rs.getInt("round"),
                            ReviewStatus.valueOf(rs.getString("status")), rs.getLong("item_id"),
                            rs.getString("item_title"), deadline == null ? null : deadline.toLocalDate(),
                            PanelStatus.valueOf(rs.getString("panel_status")),
                            submitted == null ? null : submitted.toInstant());
                }).list();
    }

    long pendingReviewsOf(long accountId) {
        return jdbc.sql("""
                SELECT count(*) FROM panel_review r JOIN panel p ON p.id = r.panel_id
                WHERE r.account_id = :me AND r.status IN ('AWAITING_DECLARATION', 'IN_REVIEW') AND p.status = 'CONVENED'""")
                .param("me", accountId).query(Long.class).single();
    }

    /** A line of a member's list of reviews. */
    record ReviewEntry(long reviewId, long panelId, int round, ReviewStatus status, long itemId, String itemTitle,
                       @Nullable LocalDate deadline, PanelStatus panelStatus, @Nullable Instant submittedAt) {
    }

    /** Whether the member confirmed having no conflict on a panel of the item (and so may read it). */
    boolean clearedFor(long itemId, long accountId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM panel_review r JOIN panel p ON p.id = r.panel_id
                               WHERE p.item_id = :item AND r.account_id = :me AND r.confirmed_at IS NOT NULL
                                 AND r.status NOT IN ('RECUSED', 'REMOVED', 'SET_ASIDE'))""")
                .param("item", itemId).param("me", accountId).query(Boolean.class).single();
    }

    /** Panel load: panels each member sat on (drawn, not recused or replaced) since the given day. */
    Map<Long, Integer> loads(List<Long> accountIds, Map<Long, LocalDate> since) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        record Seat(long accountId, Instant convenedAt) {
        }
        List<Seat> seats = jdbc.sql("""
                SELECT DISTINCT r.account_id, r.panel_id, p.convened_at FROM panel_review r JOIN panel p ON p.id = r.panel_id
                WHERE r.account_id IN (:ids) AND r.status NOT IN ('RECUSED', 'REMOVED') AND p.convened_at IS NOT NULL""")
                .param("ids", accountIds)
                .query((rs, n) -> new Seat(rs.getLong(1), rs.getTimestamp(3).toInstant())).list();
        return accountIds.stream().collect(Collectors.toMap(id -> id, id -> (int) seats.stream()
                .filter(s -> s.accountId() == id)
                .filter(s -> !s.convenedAt().atZone(cn.campusgate.core.Formats.ZONE).toLocalDate()
                        .isBefore(since.getOrDefault(id, LocalDate.MIN)))
                .count()));
    }

    List<PanelChange> changes(long panelId) {
        return jdbc.sql("SELECT * FROM panel_change WHERE panel_id = :id ORDER BY id").param("id", panelId)
                .query((rs, n) -> {
                    String draw = rs.getString("draw");
                    return new PanelChange(PanelChange.Kind.valueOf(rs.getString("kind")), rs.getInt("round"),
                            (Long) rs.getObject("account_id"), rs.getString("account_name"), rs.getString("reason"),
                            draw == null ? null : json.readValue(draw, DrawRecord.class), rs.getString("actor"),
                            rs.getString("actor_name"), rs.getTimestamp("at").toInstant());
                }).list();
    }

    Panel save(Panel panel) {
        String draw = panel.draw() == null ? null : json.writeValueAsString(panel.draw());
        String facts = panel.facts() == null ? null : json.writeValueAsString(panel.facts());
        if (panel.isNew()) {
            long id = jdbc.sql("""
                    INSERT INTO panel (item_id, approval_id, committee_id, item_title, status, round, size, members, draw,
                        facts, deadline, step_due_on, reminded_round, created_at, updated_at, convened_at, version)
                    VALUES (:item, :approval, :committee, :title, :status, :round, :size, CAST(:members AS bigint[]),
                        CAST(:draw AS jsonb), CAST(:facts AS jsonb), :deadline, :stepDueOn, :reminded, :createdAt, :updatedAt, :convenedAt, 0)
                    RETURNING id""")
                    .params(columns(panel)).param("draw", draw).param("facts", facts).param("item", panel.itemId())
                    .param("approval", panel.approvalId()).param("committee", panel.committeeId())
                    .param("createdAt", Timestamp.from(panel.createdAt()))
                    .query(Long.class).single();
            panel.assignId(id);
        } else {
            int updated = jdbc.sql("""
                    UPDATE panel SET item_title = :title, status = :status, round = :round, size = :size,
                        members = CAST(:members AS bigint[]), draw = CAST(:draw AS jsonb), facts = CAST(:facts AS jsonb),
                        deadline = :deadline,
                        step_due_on = :stepDueOn, reminded_round = :reminded, updated_at = :updatedAt,
                        convened_at = :convenedAt, version = version + 1
                    WHERE id = :id AND version = :version""")
                    .params(columns(panel)).param("draw", draw).param("facts", facts).param("id", panel.id())
                    .param("version", panel.version()).update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("panel " + panel.id() + " changed meanwhile");
            }
            panel.bumpVersion();
        }
        for (Review review : panel.reviews()) {
            saveReview(panel.id(), review);
        }
        for (CommitteeOpinion opinion : panel.opinions()) {
            saveOpinion(panel.id(), opinion);
        }
        for (PanelChange change : panel.drainChanges()) {
            jdbc.sql("""
                    INSERT INTO panel_change (panel_id, round, kind, account_id, account_name, reason, draw, actor,
                        actor_name, at)
                    VALUES (:panel, :round, :kind, :account, :accountName, :reason, CAST(:draw AS jsonb), :actor,
                        :actorName, :at)""")
                    .param("panel", panel.id()).param("round", change.round()).param("kind", change.kind().name())
                    .param("account", change.accountId()).param("accountName", change.accountName())
                    .param("reason", change.reason())
                    .param("draw", change.draw() == null ? null : json.writeValueAsString(change.draw()))
                    .param("actor", change.actor()).param("actorName", change.actorName())
                    .param("at", Timestamp.from(change.at())).update();
        }
        return panel;
    }

    private static Map<String, Object> columns(Panel panel) {
        Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("title", panel.itemTitle());
        columns.put("status", panel.status().name());
        columns.put("round", panel.round());
        columns.put("size", panel.size());
        columns.put("members", "{" + panel.members().stream().map(String::valueOf).collect(Collectors.joining(",")) + "}");
        columns.put("deadline", panel.deadline() == null ? null : Date.valueOf(panel.deadline()));
        columns.put("stepDueOn", Date.valueOf(panel.stepDueOn()));
        columns.put("reminded", panel.remindedRound());
        columns.put("updatedAt", Timestamp.from(panel.updatedAt()));
        columns.put("convenedAt", panel.convenedAt() == null ? null : Timestamp.from(panel.convenedAt()));
        return columns;
    }

    private void saveReview(long panelId, Review review) {
        String content = review.content() == null ? null : json.writeValueAsString(review.content());
        if (review.isNew()) {
            long id = jdbc.sql("""
                    INSERT INTO panel_review (panel_id, round, account_id, member_name, member_kind, status, content,
                        status_reason, confirmed_at, submitted_at, updated_at)
                    VALUES (:panel, :round, :account, :name, :kind, :status, CAST(:content AS jsonb), :reason,
                        :confirmedAt, :submittedAt, :updatedAt) RETURNING id""")
                    .param("panel", panelId).param("round", review.round()).param("account", review.accountId())
                    .param("name", review.memberName()).param("kind", review.kind().name())
                    .params(reviewColumns(review)).param("content", content)
                    .query(Long.class).single();
            review.assignId(id);
        } else if (review.changed()) {
            jdbc.sql("""
                    UPDATE panel_review SET status = :status, content = CAST(:content AS jsonb), status_reason = :reason,
                        confirmed_at = :confirmedAt, submitted_at = :submittedAt, updated_at = :updatedAt
                    WHERE id = :id""")
                    .params(reviewColumns(review)).param("content", content).param("id", review.id()).update();
        }
        review.saved();
    }

    private static Map<String, Object> reviewColumns(Review review) {
        Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("status", review.status().name());
        columns.put("reason", review.statusReason());
        columns.put("confirmedAt", review.confirmedAt() == null ? null : Timestamp.from(review.confirmedAt()));
        columns.put("submittedAt", review.submittedAt() == null ? null : Timestamp.from(review.submittedAt()));
        columns.put("updatedAt", Timestamp.from(review.updatedAt()));
        return columns;
    }

    private void saveOpinion(long panelId, CommitteeOpinion opinion) {
        Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("status", opinion.status().name());
        columns.put("summary", json.writeValueAsString(opinion.summary()));
        columns.put("recommendation", opinion.recommendation().name());
        columns.put("deviation", opinion.deviationReason());
        columns.put("text", opinion.text());
        columns.put("draftedBy", opinion.draftedBy());
        columns.put("draftedAt", Timestamp.from(opinion.draftedAt()));
        columns.put("updatedAt", Timestamp.from(opinion.updatedAt()));
        columns.put("signedBy", opinion.signedBy());
        columns.put("signedByName", opinion.signedByName());
        columns.put("signedAt", opinion.signedAt() == null ? null : Timestamp.from(opinion.signedAt()));
        if (opinion.isNew()) {
            long id = jdbc.sql("""
                    INSERT INTO committee_opinion (panel_id, round, status, summary, recommendation, deviation_reason,
                        text, drafted_by, drafted_at, updated_at, signed_by, signed_by_name, signed_at)
                    VALUES (:panel, :round, :status, CAST(:summary AS jsonb), :recommendation, :deviation, :text,
                        :draftedBy, :draftedAt, :updatedAt, :signedBy, :signedByName, :signedAt) RETURNING id""")
                    .params(columns).param("panel", panelId).param("round", opinion.round()).query(Long.class).single();
            opinion.assignId(id);
        } else if (opinion.changed()) {
            jdbc.sql("""
                    UPDATE committee_opinion SET status = :status, summary = CAST(:summary AS jsonb),
                        recommendation = :recommendation, deviation_reason = :deviation, text = :text,
                        drafted_by = :draftedBy, drafted_at = :draftedAt, updated_at = :updatedAt,
                        signed_by = :signedBy, signed_by_name = :signedByName, signed_at = :signedAt
                    WHERE id = :id""").params(columns).param("id", opinion.id()).update();
        }
        opinion.saved();
    }

    private Panel mapPanel(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Review> reviews = jdbc.sql("SELECT * FROM panel_review WHERE panel_id = :id ORDER BY round, id")
                .param("id", id).query(this::mapReview).list();
        List<CommitteeOpinion> opinions = jdbc.sql("SELECT * FROM committee_opinion WHERE panel_id = :id ORDER BY round")
                .param("id", id).query(this::mapOpinion).list();
        String draw = rs.getString("draw");
        String facts = rs.getString("facts");
        Date deadline = rs.getDate("deadline");
        Timestamp convened = rs.getTimestamp("convened_at");
        return new Panel(id, rs.getInt("version"), rs.getLong("item_id"), rs.getLong("approval_id"),
                rs.getLong("committee_id"), rs.getString("item_title"), PanelStatus.valueOf(rs.getString("status")),
                rs.getInt("round"), rs.getInt("size"), longs(rs.getArray("members")),
                draw == null ? null : json.readValue(draw, DrawRecord.class),
                facts == null ? null : json.readValue(facts, ItemFacts.class),
                deadline == null ? null : deadline.toLocalDate(), rs.getDate("step_due_on").toLocalDate(),
                rs.getInt("reminded_round"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), convened == null ? null : convened.toInstant(), reviews,
                opinions);
    }

    private Review mapReview(ResultSet rs, int row) throws SQLException {
        String content = rs.getString("content");
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new Review(rs.getLong("id"), rs.getInt("round"), rs.getLong("account_id"), rs.getString("member_name"),
                MemberKind.valueOf(rs.getString("member_kind")), ReviewStatus.valueOf(rs.getString("status")),
                content == null ? null : json.readValue(content, ReviewContent.class), rs.getString("status_reason"),
                confirmed == null ? null : confirmed.toInstant(), submitted == null ? null : submitted.toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private CommitteeOpinion mapOpinion(ResultSet rs, int row) throws SQLException {
        Timestamp signed = rs.getTimestamp("signed_at");
        return new CommitteeOpinion(rs.getLong("id"), rs.getInt("round"), OpinionStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("summary"), OpinionSummary.class),
                Recommendation.valueOf(rs.getString("recommendation")), rs.getString("deviation_reason"),
                rs.getString("text"), rs.getString("drafted_by"), rs.getTimestamp("drafted_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("signed_by"), rs.getString("signed_by_name"),
                signed == null ? null : signed.toInstant());
    }

    // --- roster ---

    Optional<RosterProfile> profile(long accountId) {
        return jdbc.sql("SELECT * FROM committee_member WHERE account_id = :id").param("id", accountId)
                .query(PanelRepository::mapProfile).optional();
    }

    Map<Long, RosterProfile> profiles(long committeeId) {
        Map<Long, RosterProfile> profiles = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM committee_member WHERE committee_id = :id").param("id", committeeId)
                .query((rs, n) -> profiles.put(rs.getLong("account_id"), mapProfile(rs, n))).list();
        return profiles;
    }

    void saveProfile(long accountId, long committeeId, RosterProfile profile, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO committee_member (account_id, committee_id, affiliation, topics, term_starts, term_ends,
                    available, availability_note, conflict_organization_ids, declared_ties, updated_by, updated_at)
                VALUES (:account, :committee, :affiliation, CAST(:topics AS text[]), :termStarts, :termEnds, :available,
                    :note, CAST(:orgs AS bigint[]), CAST(:ties AS text[]), :by, :at)
                ON CONFLICT (account_id) DO UPDATE SET committee_id = EXCLUDED.committee_id,
                    affiliation = EXCLUDED.affiliation, topics = EXCLUDED.topics, term_starts = EXCLUDED.term_starts,
                    term_ends = EXCLUDED.term_ends, available = EXCLUDED.available,
                    availability_note = EXCLUDED.availability_note,
                    conflict_organization_ids = EXCLUDED.conflict_organization_ids,
                    declared_ties = EXCLUDED.declared_ties, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at, version = committee_member.version + 1""")
                .param("account", accountId).param("committee", committeeId).param("affiliation", profile.affiliation())
                .param("topics", SqlArrays.textArray(profile.topics()))
                .param("termStarts", profile.termStarts() == null ? null : Date.valueOf(profile.termStarts()))
                .param("termEnds", profile.termEnds() == null ? null : Date.valueOf(profile.termEnds()))
                .param("available", profile.available()).param("note", profile.availabilityNote())
                .param("orgs", "{" + profile.conflictOrganizationIds().stream().map(String::valueOf)
                        .collect(Collectors.joining(",")) + "}")
                .param("ties", SqlArrays.textArray(profile.declaredTies())).param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    private static RosterProfile mapProfile(ResultSet rs, int row) throws SQLException {
        Date starts = rs.getDate("term_starts");
        Date ends = rs.getDate("term_ends");
        return new RosterProfile(rs.getString("affiliation"), SqlArrays.strings(rs.getArray("topics")),
                starts == null ? null : starts.toLocalDate(), ends == null ? null : ends.toLocalDate(),
                rs.getBoolean("available"), rs.getString("availability_note"),
                longs(rs.getArray("conflict_organization_ids")), SqlArrays.strings(rs.getArray("declared_ties")));
    }

    // --- exclusions ---

    /** The department's exclusions for the item: member → reason. */
    Map<Long, String> exclusions(long itemId) {
        Map<Long, String> exclusions = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT account_id, reason FROM panel_exclusion WHERE item_id = :item ORDER BY requested_at")
                .param("item", itemId).query((rs, n) -> exclusions.put(rs.getLong(1), rs.getString(2))).list();
        return exclusions;
    }

    boolean addExclusion(long itemId, long accountId, String reason, String by, Instant at) {
        return jdbc.sql("""
                INSERT INTO panel_exclusion (item_id, account_id, reason, requested_by, requested_at)
                VALUES (:item, :account, :reason, :by, :at) ON CONFLICT DO NOTHING""")
                .param("item", itemId).param("account", accountId).param("reason", reason).param("by", by)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    boolean removeExclusion(long itemId, long accountId) {
        return jdbc.sql("DELETE FROM panel_exclusion WHERE item_id = :item AND account_id = :account")
                .param("item", itemId).param("account", accountId).update() == 1;
    }

    private static List<Long> longs(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Long> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(((Number) value).longValue());
        }
        return values;
    }
}
