package cn.campusgate.campaign;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.campusgate.screening.Finding;
import cn.campusgate.screening.RuleFamily;
import cn.campusgate.screening.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores campaigns, milestones, survey imports and affairs, problems and the rectification ledger. */
@Repository
class CampaignRepository {

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- campaigns ---

    long insertCampaign(long jurisdictionId, int year, String title, LocalDate since, String measures, String outlook,
                        String by, Instant now) {
        return jdbc.sql("""
                INSERT INTO campaign (jurisdiction_id, year, title, survey_since, measures, outlook, created_by, created_at)
                VALUES (:j, :y, :t, :s, :m, :o, :by, :now) RETURNING id""")
                .param("j", jurisdictionId).param("y", year).param("t", title).param("s", Date.valueOf(since))
                .param("m", measures).param("o", outlook).param("by", by).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    boolean campaignExists(long jurisdictionId, int year) {
        return jdbc.sql("SELECT count(*) FROM campaign WHERE jurisdiction_id = :j AND year = :y")
                .param("j", jurisdictionId).param("y", year).query(Long.class).single() > 0;
    }

    Optional<Campaign> campaign(long id) {
        return jdbc.sql("SELECT * FROM campaign WHERE id = :id").param("id", id).query(this::mapCampaign).optional();
    }

    Optional<Campaign> lockCampaign(long id) {
        return jdbc.sql("SELECT * FROM campaign WHERE id = :id FOR UPDATE").param("id", id).query(this::mapCampaign).optional();
    }

    List<Campaign> campaigns(long jurisdictionId) {
        return jdbc.sql("SELECT * FROM campaign WHERE jurisdiction_id = :j ORDER BY year DESC")
                .param("j", jurisdictionId).query(this::mapCampaign).list();
    }

    void saveTexts(Campaign campaign, String measures, String outlook) {
        int updated = jdbc.sql("""
                UPDATE campaign SET measures = :m, outlook = :o, version = version + 1
                WHERE id = :id AND version = :v""")
                .param("m", measures).param("o", outlook).param("id", campaign.id()).param("v", campaign.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("campaign " + campaign.id() + " changed meanwhile");
        }
    }

    private Campaign mapCampaign(ResultSet rs, int n) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getLong("jurisdiction_id"), rs.getInt("year"), rs.getString("title"),
                rs.getDate("survey_since").toLocalDate(), rs.getString("measures"), rs.getString("outlook"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }

    // --- milestones ---

    void insertMilestone(long campaignId, MilestoneKind kind, @Nullable LocalDate due) {
        jdbc.sql("INSERT INTO campaign_milestone (campaign_id, kind, due_on, status) VALUES (:c, :k, :d, 'PLANNED')")
                .param("c", campaignId).param("k", kind.name()).param("d", date(due)).update();
    }

    List<Milestone> milestones(long campaignId) {
        return jdbc.sql("SELECT * FROM campaign_milestone WHERE campaign_id = :c ORDER BY id")
                .param("c", campaignId).query(this::mapMilestone).list();
    }

    Optional<Milestone> lockMilestone(long id) {
        return jdbc.sql("SELECT * FROM campaign_milestone WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::mapMilestone).optional();
    }

    Milestone save(Milestone m) {
        int updated = jdbc.sql("""
                UPDATE campaign_milestone SET status = :s, due_on = :d, completed_on = :c, note = :n, version = version + 1
                WHERE id = :id AND version = :v""")
                .param("s", m.status().name()).param("d", date(m.dueOn())).param("c", date(m.completedOn()))
                .param("n", m.note()).param("id", m.id()).param("v", m.version()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("milestone " + m.id() + " changed meanwhile");
        }
        return lockMilestone(m.id()).orElseThrow();
    }

    private Milestone mapMilestone(ResultSet rs, int n) throws SQLException {
        return new Milestone(rs.getLong("id"), rs.getLong("campaign_id"), MilestoneKind.valueOf(rs.getString("kind")),
                localDate(rs, "due_on"), MilestoneStatus.valueOf(rs.getString("status")), localDate(rs, "completed_on"),
                rs.getString("note"), rs.getInt("version"));
    }

    // --- imports ---

    long insertImport(long campaignId, long reporterId, String fileName, String hash, int rows, String by, Instant now) {
        return jdbc.sql("""
                INSERT INTO survey_import (campaign_id, reporter_id, file_name, content_hash, status, total_rows,
                    started_by, started_at) VALUES (:c, :r, :f, :h, 'RUNNING', :rows, :by, :now) RETURNING id""")
                .param("c", campaignId).param("r", reporterId).param("f", fileName).param("h", hash)
                .param("rows", rows).param("by", by).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    Optional<SurveyImport> importOf(long id) {
        return jdbc.sql("SELECT * FROM survey_import WHERE id = :id").param("id", id).query(this::mapImport).optional();
    }

    /** An earlier import of the same file by the same reporter into the campaign that is running or finished. */
    Optional<SurveyImport> sameFile(long campaignId, long reporterId, String hash) {
        return jdbc.sql("""
                SELECT * FROM survey_import WHERE campaign_id = :c AND reporter_id = :r AND content_hash = :h
                AND status <> 'FAILED' ORDER BY id LIMIT 1""")
                .param("c", campaignId).param("r", reporterId).param("h", hash).query(this::mapImport).optional();
    }

    List<SurveyImport> imports(long campaignId, @Nullable Long reporterId) {
        return jdbc.sql("SELECT * FROM survey_import WHERE campaign_id = :c AND (CAST(:r AS BIGINT) IS NULL OR reporter_id = :r)"
                        + " ORDER BY id DESC LIMIT 20")
                .param("c", campaignId).param("r", reporterId).query(this::mapImport).list();
    }

    void progress(long importId, int processed) {
        jdbc.sql("UPDATE survey_import SET processed = :p WHERE id = :id").param("p", processed).param("id", importId).update();
    }

    void finishImport(long importId, int processed, int created, int skipped, int problems, Instant now) {
        jdbc.sql("""
                UPDATE survey_import SET status = 'DONE', processed = :p, created = :c, skipped = :s, problems = :pr,
                    finished_at = :now WHERE id = :id""")
                .param("p", processed).param("c", created).param("s", skipped).param("pr", problems)
                .param("now", Timestamp.from(now)).param("id", importId).update();
    }

    void failImport(long importId, String failure, Instant now) {
        jdbc.sql("UPDATE survey_import SET status = 'FAILED', failure = :f, finished_at = :now WHERE id = :id")
                .param("f", failure.length() > 1000 ? failure.substring(0, 1000) : failure)
                .param("now", Timestamp.from(now)).param("id", importId).update();
    }

    private SurveyImport mapImport(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SurveyImport(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("reporter_id"),
                rs.getString("file_name"), rs.getString("content_hash"), SurveyImport.Status.valueOf(rs.getString("status")),
                rs.getInt("total_rows"), rs.getInt("processed"), rs.getInt("created"), rs.getInt("skipped"),
                rs.getInt("problems"), rs.getString("failure"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
    }

    // --- affairs ---

    /** The affair's id, or empty when the campaign already holds it (same natural key). */
    Optional<Long> insertAffair(long campaignId, long reporterId, String reporterName, String naturalKey,
                                SurveyCommand c, @Nullable Long departmentId, @Nullable Long schoolId,
                                @Nullable Long importId, String by, Instant now) {
        return jdbc.sql("""
                INSERT INTO survey_affair (campaign_id, reporter_id, reporter_name, natural_key, title, department_name,
                    department_id, kind, occurred_on, school_name, school_id, class_hours, approved, content,
                    charges_students, teachers_leave_campus, import_id, created_by, created_at)
                VALUES (:c, :r, :rn, :k, :t, :dn, :d, :kind, :on, :sn, :s, :h, :a, :content, :charges, :leave, :imp,
                    :by, :now)
                ON CONFLICT (campaign_id, natural_key) DO NOTHING RETURNING id""")
                .param("c", campaignId).param("r", reporterId).param("rn", reporterName).param("k", naturalKey)
                .param("t", c.title().strip()).param("dn", c.department().strip()).param("d", departmentId)
                .param("kind", c.kind().name()).param("on", Date.valueOf(c.occurredOn()))
                .param("sn", c.school() == null ? null : c.school().strip()).param("s", schoolId)
                .param("h", c.classHours()).param("a", c.approved())
                .param("content", c.content() == null ? null : c.content().strip())
                .param("charges", Boolean.TRUE.equals(c.chargesStudents()))
                .param("leave", Boolean.TRUE.equals(c.teachersLeaveCampus())).param("imp", importId)
                .param("by", by).param("now", Timestamp.from(now)).query(Long.class).optional();
    }

    List<SurveyAffair> affairs(long campaignId, @Nullable Long reporterId) {
        return jdbc.sql("SELECT * FROM survey_affair WHERE campaign_id = :c AND (CAST(:r AS BIGINT) IS NULL OR reporter_id = :r)"
                        + " ORDER BY occurred_on DESC, id DESC")
                .param("c", campaignId).param("r", reporterId).query(this::mapAffair).list();
    }

    Optional<SurveyAffair> affair(long id) {
        return jdbc.sql("SELECT * FROM survey_affair WHERE id = :id").param("id", id).query(this::mapAffair).optional();
    }

    private SurveyAffair mapAffair(ResultSet rs, int n) throws SQLException {
        return new SurveyAffair(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("reporter_id"),
                rs.getString("reporter_name"), rs.getString("title"), rs.getString("department_name"),
                nullableLong(rs, "department_id"), AffairKind.valueOf(rs.getString("kind")),
                rs.getDate("occurred_on").toLocalDate(), rs.getString("school_name"), nullableLong(rs, "school_id"),
                rs.getBigDecimal("class_hours"), rs.getBoolean("approved"), rs.getString("content"),
                rs.getBoolean("charges_students"), rs.getBoolean("teachers_leave_campus"), nullableLong(rs, "import_id"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    // --- problems ---

    boolean insertProblem(long campaignId, long affairId, Finding f, Instant now) {
        return jdbc.sql("""
                INSERT INTO campaign_problem (campaign_id, affair_id, rule_id, family, severity, clause, explanation,
                    evidence, status, created_at)
                VALUES (:c, :a, :r, :f, :s, :clause, :e, :ev, 'OPEN', :now) ON CONFLICT (affair_id, rule_id) DO NOTHING""")
                .param("c", campaignId).param("a", affairId).param("r", f.ruleId()).param("f", f.family().name())
                .param("s", f.severity().name()).param("clause", cut(f.clause(), 1000))
                .param("e", cut(f.explanation(), 1000)).param("ev", cut(f.evidence(), 500))
                .param("now", Timestamp.from(now)).update() > 0;
    }

    List<Problem> problems(long campaignId) {
        return jdbc.sql("SELECT * FROM campaign_problem WHERE campaign_id = :c ORDER BY id")
                .param("c", campaignId).query(this::mapProblem).list();
    }

    Optional<Problem> lockProblem(long id) {
        return jdbc.sql("SELECT * FROM campaign_problem WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::mapProblem).optional();
    }

    Optional<Problem> problem(long id) {
        return jdbc.sql("SELECT * FROM campaign_problem WHERE id = :id").param("id", id).query(this::mapProblem).optional();
    }

    Problem save(Problem p) {
        int updated = jdbc.sql("""
                UPDATE campaign_problem SET status = :s, dismissal = :d, typical = :t, case_note = :n, version = version + 1
                WHERE id = :id AND version = :v""")
                .param("s", p.status().name()).param("d", p.dismissal()).param("t", p.typical()).param("n", p.caseNote())
                .param("id", p.id()).param("v", p.version()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("problem " + p.id() + " changed meanwhile");
        }
        return lockProblem(p.id()).orElseThrow();
    }

    private Problem mapProblem(ResultSet rs, int n) throws SQLException {
        return new Problem(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("affair_id"), rs.getString("rule_id"),
                RuleFamily.valueOf(rs.getString("family")), Severity.valueOf(rs.getString("severity")),
                rs.getString("clause"), rs.getString("explanation"), rs.getString("evidence"),
                ProblemStatus.valueOf(rs.getString("status")), rs.getString("dismissal"), rs.getBoolean("typical"),
                rs.getString("case_note"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }

    // --- ledger ---

    long insertEntry(Problem problem, long ownerId, String ownerName, String measure, LocalDate deadline, String by,
                     Instant now) {
        return jdbc.sql("""
                INSERT INTO rectification_entry (problem_id, campaign_id, owner_id, owner_name, measure, deadline, status,
                    created_by, created_at, updated_at)
                VALUES (:p, :c, :o, :on, :m, :d, 'ASSIGNED', :by, :now, :now) RETURNING id""")
                .param("p", problem.id()).param("c", problem.campaignId()).param("o", ownerId).param("on", ownerName)
                .param("m", measure).param("d", Date.valueOf(deadline)).param("by", by).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    List<LedgerEntry> entries(long campaignId) {
        return jdbc.sql("SELECT * FROM rectification_entry WHERE campaign_id = :c ORDER BY deadline, id")
                .param("c", campaignId).query(this::mapEntry).list();
    }

    Optional<LedgerEntry> lockEntry(long id) {
        return jdbc.sql("SELECT * FROM rectification_entry WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::mapEntry).optional();
    }

    /** Open ledger lines an organisation owns, across campaigns. */
    long openEntriesOwnedBy(long ownerId) {
        return jdbc.sql("SELECT count(*) FROM rectification_entry WHERE owner_id = :o AND status IN ('ASSIGNED', 'IN_PROGRESS')")
                .param("o", ownerId).query(Long.class).single();
    }

    long submittedEntries(long jurisdictionId) {
        return jdbc.sql("""
                SELECT count(*) FROM rectification_entry e JOIN campaign c ON c.id = e.campaign_id
                WHERE c.jurisdiction_id = :j AND e.status = 'SUBMITTED'""").param("j", jurisdictionId)
                .query(Long.class).single();
    }

    long openProblems(long jurisdictionId) {
        return jdbc.sql("""
                SELECT count(*) FROM campaign_problem p JOIN campaign c ON c.id = p.campaign_id
                WHERE c.jurisdiction_id = :j AND p.status = 'OPEN'""").param("j", jurisdictionId)
                .query(Long.class).single();
    }

    LedgerEntry save(LedgerEntry e) {
        int updated = jdbc.sql("""
                UPDATE rectification_entry SET status = :s, progress = :p, evidence = :e, opinion = :o, verified_on = :v,
                    updated_at = :at, version = version + 1 WHERE id = :id AND version = :ver""")
                .param("s", e.status().name()).param("p", e.progress()).param("e", e.evidence()).param("o", e.opinion())
                .param("v", date(e.verifiedOn())).param("at", Timestamp.from(e.updatedAt())).param("id", e.id())
                .param("ver", e.version()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("ledger entry " + e.id() + " changed meanwhile");
        }
        return lockEntry(e.id()).orElseThrow();
    }

    private LedgerEntry mapEntry(ResultSet rs, int n) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getLong("problem_id"), rs.getLong("campaign_id"), rs.getLong("owner_id"),
                rs.getString("owner_name"), rs.getString("measure"), rs.getDate("deadline").toLocalDate(),
                LedgerStatus.valueOf(rs.getString("status")), rs.getString("progress"), rs.getString("evidence"),
                rs.getString("opinion"), localDate(rs, "verified_on"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }

    // --- helpers ---

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static @Nullable LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable String cut(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
