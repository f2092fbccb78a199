package cn.campusgate.evaluation;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores activities, the schools' answers, anonymous answers, removal proposals and task ratings. */
@Repository
class EvaluationRepository {

    private final JdbcClient jdbc;

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- activities ---

    /**
     * Serialises a daily job across application nodes for the rest of the transaction: the second node's run waits
     * for the first to commit, and its next statements see what the first did.
     */
    void serialiseJob(String job) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('campusgate.job'), hashtext(:job))").param("job", job)
                .query().singleValue();
    }

    boolean hasActivityForPlan(long planId) {
        return jdbc.sql("SELECT count(*) FROM evaluated_activity WHERE plan_id = :p").param("p", planId)
                .query(Long.class).single() > 0;
    }

    long insertActivity(Activity a) {
        return jdbc.sql("""
                INSERT INTO evaluated_activity (plan_id, whitelist_entry_id, item_id, department_id, department_name,
                    jurisdiction_id, title, starts_on, ends_on, feedback_token, opened_on, closes_on)
                VALUES (:plan, :entry, :item, :department, :departmentName, :jurisdiction, :title, :startsOn, :endsOn,
                    :token, :openedOn, :closesOn) RETURNING id""")
                .param("plan", a.planId()).param("entry", a.whitelistEntryId()).param("item", a.itemId())
                .param("department", a.departmentId()).param("departmentName", a.departmentName())
                .param("jurisdiction", a.jurisdictionId()).param("title", a.title())
                .param("startsOn", Date.valueOf(a.startsOn())).param("endsOn", Date.valueOf(a.endsOn()))
                .param("token", a.feedbackToken()).param("openedOn", Date.valueOf(a.openedOn()))
                .param("closesOn", Date.valueOf(a.closesOn())).query(Long.class).single();
    }

    Optional<Activity> activity(long id) {
        return jdbc.sql("SELECT * FROM evaluated_activity WHERE id = :id").param("id", id).query(this::mapActivity).optional();
    }

    Optional<Activity> activityByToken(String token) {
        return jdbc.sql("SELECT * FROM evaluated_activity WHERE feedback_token = :t").param("t", token)
                .query(this::mapActivity).optional();
    }

    Optional<Activity> activityOfPlan(long planId) {
        return jdbc.sql("SELECT * FROM evaluated_activity WHERE plan_id = :p").param("p", planId)
                .query(this::mapActivity).optional();
    }

    List<Activity> activitiesIn(Collection<Long> jurisdictions) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM evaluated_activity WHERE jurisdiction_id IN (:js) ORDER BY ends_on DESC, id DESC")
                .param("js", jurisdictions).query(this::mapActivity).list();
    }

    List<Activity> activitiesOfDepartment(long departmentId) {
        return jdbc.sql("SELECT * FROM evaluated_activity WHERE department_id = :d ORDER BY ends_on DESC, id DESC")
                .param("d", departmentId).query(this::mapActivity).list();
    }

    // --- the schools' answers ---

    void ask(long activityId, long schoolId, LocalDate on) {
        jdbc.sql("INSERT INTO school_feedback (activity_id, school_id, asked_on) VALUES (:a, :s, :on)")
                .param("a", activityId).param("s", schoolId).param("on", Date.valueOf(on)).update();
    }

    /** Activities a school was asked about in a period (the semester cap). */
    long askedBetween(long schoolId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT count(*) FROM school_feedback WHERE school_id = :s AND asked_on BETWEEN :from AND :to")
                .param("s", schoolId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
    }

    Optional<SchoolRequest> request(long activityId, long schoolId) {
        return jdbc.sql("SELECT * FROM school_feedback WHERE activity_id = :a AND school_id = :s")
                .param("a", activityId).param("s", schoolId).query(this::mapRequest).optional();
    }

    List<SchoolRequest> requestsOfSchool(long schoolId) {
        return jdbc.sql("SELECT * FROM school_feedback WHERE school_id = :s ORDER BY asked_on DESC, id DESC")
                .param("s", schoolId).query(this::mapRequest).list();
    }

    long unansweredOfSchool(long schoolId) {
        return jdbc.sql("""
                SELECT count(*) FROM school_feedback f JOIN evaluated_activity a ON a.id = f.activity_id
                WHERE f.school_id = :s AND f.answered_on IS NULL AND a.closes_on >= CURRENT_DATE""")
                .param("s", schoolId).query(Long.class).single();
    }

    /** Unanswered requests asked on or before the day, never reminded, whose activity is still open. */
    List<SchoolRequest> remindable(LocalDate askedBy, LocalDate today) {
        return jdbc.sql("""
                SELECT f.* FROM school_feedback f JOIN evaluated_activity a ON a.id = f.activity_id
                WHERE f.answered_on IS NULL AND f.reminded_on IS NULL AND f.asked_on <= :askedBy
                  AND a.closes_on >= :today ORDER BY f.id""")
                .param("askedBy", Date.valueOf(askedBy)).param("today", Date.valueOf(today))
                .query(this::mapRequest).list();
    }

    /** @return whether this call claimed the one reminder (false: another node or run already sent it) */
    boolean markReminded(long requestId, LocalDate on) {
        return jdbc.sql("UPDATE school_feedback SET reminded_on = :on WHERE id = :id AND reminded_on IS NULL")
                .param("on", Date.valueOf(on)).param("id", requestId).update() == 1;
    }

    void saveAnswer(SchoolRequest r) {
        int updated = jdbc.sql("""
                UPDATE school_feedback SET answered_on = :on, held = :held, usefulness = :usefulness, burden = :burden,
                    duplication = :duplication, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("on", r.answeredOn() == null ? null : Date.valueOf(r.answeredOn())).param("held", r.held())
                .param("usefulness", r.usefulness()).param("burden", r.burden())
                .param("duplication", r.duplication() == null ? null : r.duplication().name())
                .param("id", r.id()).param("version", r.version()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("school answer " + r.id() + " changed meanwhile");
        }
    }

    /** The schools' answers about the given activities, counted. */
    SchoolTally schoolTally(Collection<Long> activityIds) {
        if (activityIds.isEmpty()) {
            return SchoolTally.empty();
        }
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE held) AS answered, count(*) FILTER (WHERE held = FALSE) AS not_held,
                    coalesce(sum(usefulness) FILTER (WHERE held), 0) AS usefulness,
                    coalesce(sum(burden) FILTER (WHERE held), 0) AS burden,
                    count(*) FILTER (WHERE held AND duplication <> 'NONE') AS duplicated,
                    coalesce(sum(0.5 * (usefulness - 1) / 3.0 + 0.3 * (1 - (burden - 1) / 3.0)
                        + 0.2 * (1 - CASE duplication WHEN 'NONE' THEN 0 WHEN 'PARTLY' THEN 0.5 ELSE 1 END))
                        FILTER (WHERE held), 0) AS value
                FROM school_feedback WHERE activity_id IN (:ids) AND answered_on IS NOT NULL""")
                .param("ids", activityIds)
                .query((rs, n) -> new SchoolTally(rs.getLong("answered"), rs.getLong("not_held"),
                        rs.getLong("usefulness"), rs.getLong("burden"), rs.getLong("duplicated"),
                        rs.getBigDecimal("value").doubleValue())).single();
    }

    // --- anonymous answers ---

    void insertPublic(long activityId, Respondent respondent, int rating, String reasons, @Nullable String comment,
                      LocalDate weekOf) {
        jdbc.sql("""
                INSERT INTO public_feedback (activity_id, respondent, rating, reasons, comment, week_of)
                VALUES (:a, :respondent, :rating, :reasons, :comment, :week)""")
                .param("a", activityId).param("respondent", respondent.name()).param("rating", rating)
                .param("reasons", reasons).param("comment", comment).param("week", Date.valueOf(weekOf)).update();
    }

    Tally tally(Collection<Long> activityIds) {
        if (activityIds.isEmpty()) {
            return Tally.empty();
        }
        long[] ratings = new long[Rating.MAX];
        Map<Respondent, Long> respondents = new EnumMap<>(Respondent.class);
        Map<Reason, Long> reasons = new EnumMap<>(Reason.class);
        List<String> comments = new ArrayList<>();
        jdbc.sql("SELECT respondent, rating, reasons, comment FROM public_feedback WHERE activity_id IN (:ids) "
                        + "ORDER BY week_of DESC, id DESC")
                .param("ids", activityIds).query(rs -> {
                    ratings[rs.getInt("rating") - Rating.MIN]++;
                    respondents.merge(Respondent.valueOf(rs.getString("respondent")), 1L, Long::sum);
                    for (String reason : rs.getString("reasons").split(",")) {
                        if (!reason.isBlank()) {
                            reasons.merge(Reason.valueOf(reason), 1L, Long::sum);
                        }
                    }
                    String comment = rs.getString("comment");
                    if (comment != null) {
                        comments.add(comment);
                    }
                });
        return new Tally(ratings, respondents, reasons, comments);
    }

    // --- removal proposals ---

    void insertProposal(RemovalProposal p) {
        Map<String, Object> m = params(p);
        long id = jdbc.sql("""
                INSERT INTO removal_proposal (whitelist_entry_id, whitelist_id, item_id, title, department_id,
                    department_name, jurisdiction_id, status, score, public_answers, unfavourable, dislike_bound,
                    school_answers, complaints, violations, below_threshold, strongly_disliked, proposed_on,
                    response_due_on, updated_at)
                VALUES (:entry, :whitelist, :item, :title, :department, :departmentName, :jurisdiction, :status, :score,
                    :publicAnswers, :unfavourable, :bound, :schoolAnswers, :complaints, :violations, :below, :disliked,
                    :proposedOn, :dueOn, :updatedAt) RETURNING id""").params(m).query(Long.class).single();
        p.assignId(id);
    }

    void saveProposal(RemovalProposal p) {
        Map<String, Object> m = params(p);
        m.put("id", p.id());
        m.put("version", p.version());
        int updated = jdbc.sql("""
                UPDATE removal_proposal SET status = :status, response = :response, responded_by = :respondedBy,
                    decision_note = :note, decided_by = :decidedBy, decided_on = :decidedOn,
                    whitelist_version = :whitelistVersion, updated_at = :updatedAt, version = version + 1
                WHERE id = :id AND version = :version""").params(m).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("removal proposal " + p.id() + " changed meanwhile");
        }
        p.incrementVersion();
    }

    Optional<RemovalProposal> proposal(long id) {
        return jdbc.sql("SELECT * FROM removal_proposal WHERE id = :id").param("id", id).query(this::mapProposal).optional();
    }

    Optional<RemovalProposal> lockProposal(long id) {
        return jdbc.sql("SELECT * FROM removal_proposal WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::mapProposal).optional();
    }

    List<RemovalProposal> proposalsIn(Collection<Long> jurisdictions) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM removal_proposal WHERE jurisdiction_id IN (:js) ORDER BY id DESC")
                .param("js", jurisdictions).query(this::mapProposal).list();
    }

    List<RemovalProposal> proposalsOfDepartment(long departmentId) {
        return jdbc.sql("SELECT * FROM removal_proposal WHERE department_id = :d ORDER BY id DESC")
                .param("d", departmentId).query(this::mapProposal).list();
    }

    Optional<RemovalProposal> openProposalFor(long entryId) {
        return jdbc.sql("""
                SELECT * FROM removal_proposal WHERE whitelist_entry_id = :e
                AND status IN ('AWAITING_RESPONSE', 'AWAITING_DECISION', 'REMOVAL_DECIDED')""")
                .param("e", entryId).query(this::mapProposal).optional();
    }

    Optional<RemovalProposal> latestProposalFor(long entryId) {
        return jdbc.sql("SELECT * FROM removal_proposal WHERE whitelist_entry_id = :e ORDER BY id DESC LIMIT 1")
                .param("e", entryId).query(this::mapProposal).optional();
    }

    long countProposals(Collection<Long> jurisdictions, RemovalStatus status) {
        if (jurisdictions.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM removal_proposal WHERE jurisdiction_id IN (:js) AND status = :s")
                .param("js", jurisdictions).param("s", status.name()).query(Long.class).single();
    }

    long countProposalsOfDepartment(long departmentId, RemovalStatus status) {
        return jdbc.sql("SELECT count(*) FROM removal_proposal WHERE department_id = :d AND status = :s")
                .param("d", departmentId).param("s", status.name()).query(Long.class).single();
    }

    List<Long> windowsPassed(LocalDate today) {
        return jdbc.sql("SELECT id FROM removal_proposal WHERE status = 'AWAITING_RESPONSE' AND response_due_on < :today")
                .param("today", Date.valueOf(today)).query(Long.class).list();
    }

    // --- task ratings (reverse evaluation) ---

    long insertRating(long schoolId, long departmentId, long jurisdictionId, TaskKind kind, String subject,
                      int necessity, int clarity, int workload, @Nullable String comment, LocalDate weekOf) {
        return jdbc.sql("""
                INSERT INTO task_rating (school_id, department_id, jurisdiction_id, kind, subject, necessity, clarity,
                    workload, comment, week_of)
                VALUES (:school, :department, :jurisdiction, :kind, :subject, :necessity, :clarity, :workload, :comment,
                    :week) RETURNING id""")
                .param("school", schoolId).param("department", departmentId).param("jurisdiction", jurisdictionId)
                .param("kind", kind.name()).param("subject", subject).param("necessity", necessity)
                .param("clarity", clarity).param("workload", workload).param("comment", comment)
                .param("week", Date.valueOf(weekOf)).query(Long.class).single();
    }

    List<TaskRatings.OwnRating> ratingsOfSchool(long schoolId) {
        return jdbc.sql("""
                SELECT r.id, r.department_id, o.name AS department_name, r.kind, r.subject, r.necessity, r.clarity,
                    r.workload, r.week_of
                FROM task_rating r JOIN organization o ON o.id = r.department_id
                WHERE r.school_id = :s ORDER BY r.week_of DESC, r.id DESC""")
                .param("s", schoolId)
                .query((rs, n) -> new TaskRatings.OwnRating(rs.getLong("id"), rs.getLong("department_id"),
                        rs.getString("department_name"), TaskKind.valueOf(rs.getString("kind")), rs.getString("subject"),
                        rs.getInt("necessity"), rs.getInt("clarity"), rs.getInt("workload"),
                        rs.getDate("week_of").toLocalDate())).list();
    }

    /** A department's ratings, counted per kind (and in total under {@code null}). */
    Map<@Nullable TaskKind, TaskRatings.RatingTally> ratingTallies(long departmentId) {
        Map<@Nullable TaskKind, TaskRatings.RatingTally> tallies = new HashMap<>();
        jdbc.sql("""
                SELECT kind, count(*) AS n, sum(necessity) AS necessity, sum(clarity) AS clarity,
                    sum(workload) AS workload
                FROM task_rating WHERE department_id = :d GROUP BY ROLLUP (kind)""")
                .param("d", departmentId).query(rs -> {
                    String kind = rs.getString("kind");
                    tallies.put(kind == null ? null : TaskKind.valueOf(kind), new TaskRatings.RatingTally(
                            rs.getLong("n"), rs.getLong("necessity"), rs.getLong("clarity"), rs.getLong("workload")));
                });
        return tallies;
    }

    List<String> ratingComments(long departmentId) {
        return jdbc.sql("SELECT comment FROM task_rating WHERE department_id = :d AND comment IS NOT NULL "
                        + "ORDER BY week_of DESC, id DESC LIMIT 50")
                .param("d", departmentId).query(String.class).list();
    }

    // --- mapping ---

    private static Map<String, Object> params(RemovalProposal p) {
        RemovalProposal.Subject s = p.subject();
        RemovalProposal.Evidence e = p.evidence();
        Map<String, Object> m = new HashMap<>();
        m.put("entry", s.whitelistEntryId());
        m.put("whitelist", s.whitelistId());
        m.put("item", s.itemId());
        m.put("title", s.title());
        m.put("department", s.departmentId());
        m.put("departmentName", s.departmentName());
        m.put("jurisdiction", s.jurisdictionId());
        m.put("status", p.status().name());
        m.put("score", e.score());
        m.put("publicAnswers", e.publicAnswers());
        m.put("unfavourable", e.unfavourable());
        m.put("bound", BigDecimal.valueOf(e.dislikeBound()).setScale(4, java.math.RoundingMode.HALF_UP));
        m.put("schoolAnswers", e.schoolAnswers());
        m.put("complaints", e.complaints());
        m.put("violations", e.violations());
        m.put("below", e.belowThreshold());
        m.put("disliked", e.stronglyDisliked());
        m.put("proposedOn", Date.valueOf(p.proposedOn()));
        m.put("dueOn", Date.valueOf(p.responseDueOn()));
        m.put("response", p.response());
        m.put("respondedBy", p.respondedBy());
        m.put("note", p.decisionNote());
        m.put("decidedBy", p.decidedBy());
        m.put("decidedOn", p.decidedOn() == null ? null : Date.valueOf(p.decidedOn()));
        m.put("whitelistVersion", p.whitelistVersion());
        m.put("updatedAt", Timestamp.from(p.updatedAt()));
        return m;
    }

    private RemovalProposal mapProposal(ResultSet rs, int row) throws SQLException {
        Date decided = rs.getDate("decided_on");
        int wv = rs.getInt("whitelist_version");
        Integer whitelistVersion = rs.wasNull() ? null : wv;
        return new RemovalProposal(rs.getLong("id"), rs.getInt("version"), new RemovalProposal.Subject(
                rs.getLong("whitelist_entry_id"), rs.getLong("whitelist_id"), rs.getLong("item_id"), rs.getString("title"),
                rs.getLong("department_id"), rs.getString("department_name"), rs.getLong("jurisdiction_id")),
                new RemovalProposal.Evidence(rs.getInt("score"), rs.getLong("public_answers"),
                        rs.getLong("unfavourable"), rs.getBigDecimal("dislike_bound").doubleValue(),
                        rs.getLong("school_answers"), rs.getLong("complaints"), rs.getLong("violations"),
                        rs.getBoolean("below_threshold"), rs.getBoolean("strongly_disliked")),
                RemovalStatus.valueOf(rs.getString("status")), rs.getDate("proposed_on").toLocalDate(),
                rs.getDate("response_due_on").toLocalDate(), rs.getString("response"), rs.getString("responded_by"),
                rs.getString("decision_note"), rs.getString("decided_by"), decided == null ? null : decided.toLocalDate(),
                whitelistVersion, rs.getTimestamp("updated_at").toInstant());
    }

    private Activity mapActivity(ResultSet rs, int row) throws SQLException {
        return new Activity(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("whitelist_entry_id"),
                rs.getLong("item_id"), rs.getLong("department_id"), rs.getString("department_name"),
                rs.getLong("jurisdiction_id"), rs.getString("title"), rs.getDate("starts_on").toLocalDate(),
                rs.getDate("ends_on").toLocalDate(), rs.getString("feedback_token"),
                rs.getDate("opened_on").toLocalDate(), rs.getDate("closes_on").toLocalDate());
    }

    private SchoolRequest mapRequest(ResultSet rs, int row) throws SQLException {
        Date reminded = rs.getDate("reminded_on");
        Date answered = rs.getDate("answered_on");
        boolean held = rs.getBoolean("held");
        Boolean heldOrNull = rs.wasNull() ? null : held;
        int u = rs.getInt("usefulness");
        Integer usefulness = rs.wasNull() ? null : u;
        int b = rs.getInt("burden");
        Integer burden = rs.wasNull() ? null : b;
        String d = rs.getString("duplication");
        return new SchoolRequest(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("school_id"),
                rs.getDate("asked_on").toLocalDate(), reminded == null ? null : reminded.toLocalDate(),
                answered == null ? null : answered.toLocalDate(), heldOrNull, usefulness, burden,
                d == null ? null : Duplication.valueOf(d), rs.getInt("version"));
    }

    static String reasons(Collection<Reason> reasons) {
        return reasons.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static List<Reason> reasons(String text) {
        return Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).map(Reason::valueOf).toList();
    }
}
