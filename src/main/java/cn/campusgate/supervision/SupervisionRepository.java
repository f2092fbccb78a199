package cn.campusgate.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores cases with their history, extensions and measures, and the complaints with their messages and evidence. */
@Repository
class SupervisionRepository {

    private final JdbcClient jdbc;

    SupervisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- cases ---

    String nextNumber(Year year) {
        long n = jdbc.sql("SELECT nextval('supervision_case_number_seq')").query(Long.class).single();
        return "TS" + year.getValue() + String.format("%04d", n);
    }

    Optional<SupervisionCase> find(long id) {
        return jdbc.sql("SELECT * FROM supervision_case WHERE id = :id").param("id", id).query(this::mapCase)
                .optional().map(this::withChildren);
    }

    Optional<SupervisionCase> lock(long id) {
        return jdbc.sql("SELECT * FROM supervision_case WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::mapCase).optional().map(this::withChildren);
    }

    Optional<Long> caseOfSanction(long sanctionId) {
        return jdbc.sql("SELECT case_id FROM sanction WHERE id = :id").param("id", sanctionId).query(Long.class).optional();
    }

    /** An open case about the same school and body whose period is near the day, locked to take the complaint. */
    Optional<SupervisionCase> lockRelated(long schoolId, long targetId, LocalDate day, int windowDays) {
        return jdbc.sql("""
                SELECT * FROM supervision_case WHERE school_id = :school AND target_id = :target AND status <> 'CLOSED'
                  AND period_start BETWEEN :from AND :to ORDER BY id LIMIT 1 FOR UPDATE""")
                .param("school", schoolId).param("target", targetId)
                .param("from", Date.valueOf(day.minusDays(windowDays))).param("to", Date.valueOf(day.plusDays(windowDays)))
                .query(this::mapCase).optional().map(this::withChildren);
    }

    /** Cases of these jurisdictions, optionally of one status; heaviest and most urgent first. */
    List<SupervisionCase> cases(Collection<Long> jurisdictions, @Nullable CaseStatus status, boolean overdueOnly,
                                boolean closed) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM supervision_case WHERE jurisdiction_id IN (:j)
                  AND (CAST(:status AS varchar) IS NULL OR status = :status)
                  AND (NOT :overdue OR overdue) AND ((status = 'CLOSED') = :closed)
                ORDER BY overdue DESC, weight DESC, due_on, id""")
                .param("j", jurisdictions).param("status", status == null ? null : status.name())
                .param("overdue", overdueOnly).param("closed", closed)
                .query(this::mapCase).list();
    }

    List<Long> newlyOverdue(LocalDate today) {
        return jdbc.sql("SELECT id FROM supervision_case WHERE status <> 'CLOSED' AND NOT overdue AND due_on < :today ORDER BY id")
                .param("today", Date.valueOf(today)).query(Long.class).list();
    }

    List<Long> casesWithLateResponses(LocalDate today) {
        return jdbc.sql("""
                SELECT DISTINCT case_id FROM sanction WHERE responded_at IS NULL AND NOT response_overdue
                  AND response_due_on < :today ORDER BY case_id""")
                .param("today", Date.valueOf(today)).query(Long.class).list();
    }

    SupervisionCase save(SupervisionCase c) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("status", c.status().name());
        columns.put("started", Date.valueOf(c.stageStartedOn()));
        columns.put("due", Date.valueOf(c.dueOn()));
        columns.put("overdue", c.overdue());
        columns.put("level", c.escalationLevel());
        columns.put("weight", c.weight());
        columns.put("outcome", c.outcome() == null ? null : c.outcome().name());
        columns.put("findings", c.findings());
        columns.put("verifiedAt", ts(c.verifiedAt()));
        columns.put("reply", c.closingReply());
        columns.put("updatedAt", Timestamp.from(c.updatedAt()));
        columns.put("closedAt", ts(c.closedAt()));
        if (c.isNew()) {
            long id = jdbc.sql("""
                    INSERT INTO supervision_case (number, jurisdiction_id, school_id, school_name, target_id, target_name,
                        category, item_title, period_start, status, stage_started_on, due_on, overdue, escalation_level,
                        weight, outcome, findings, verified_at, closing_reply, opened_at, updated_at, closed_at, version)
                    VALUES (:number, :jurisdiction, :school, :schoolName, :target, :targetName, :category, :itemTitle,
                        :period, :status, :started, :due, :overdue, :level, :weight, :outcome, :findings, :verifiedAt,
                        :reply, :openedAt, :updatedAt, :closedAt, 0) RETURNING id""")
                    .params(columns).param("number", c.number()).param("jurisdiction", c.jurisdictionId())
                    .param("school", c.schoolId()).param("schoolName", c.schoolName()).param("target", c.targetId())
                    .param("targetName", c.targetName()).param("category", c.category().name())
                    .param("itemTitle", c.itemTitle()).param("period", Date.valueOf(c.periodStart()))
                    .param("openedAt", Timestamp.from(c.openedAt()))
                    .query(Long.class).single();
            c.assignId(id);
        } else {
            int updated = jdbc.sql("""
                    UPDATE supervision_case SET status = :status, stage_started_on = :started, due_on = :due,
                        overdue = :overdue, escalation_level = :level, weight = :weight, outcome = :outcome,
                        findings = :findings, verified_at = :verifiedAt, closing_reply = :reply, updated_at = :updatedAt,
                        closed_at = :closedAt, version = version + 1
                    WHERE id = :id AND version = :version""")
                    .params(columns).param("id", c.id()).param("version", c.version()).update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("case " + c.id() + " changed meanwhile");
            }
            c.bumpVersion();
        }
        for (Extension e : c.extensionsInternal()) {
            saveExtension(c.id(), e);
        }
        for (Sanction s : c.sanctionsInternal()) {
            saveSanction(c.id(), s);
        }
        for (TraceEntry t : c.drainTrace()) {
            jdbc.sql("""
                    INSERT INTO supervision_trace (case_id, kind, from_status, to_status, text, due_on, actor, actor_name, at)
                    VALUES (:case, :kind, :from, :to, :text, :due, :actor, :actorName, :at)""")
                    .param("case", c.id()).param("kind", t.kind().name())
                    .param("from", t.from() == null ? null : t.from().name())
                    .param("to", t.to() == null ? null : t.to().name()).param("text", t.text())
                    .param("due", t.dueOn() == null ? null : Date.valueOf(t.dueOn())).param("actor", t.actor())
                    .param("actorName", t.actorName()).param("at", Timestamp.from(t.at())).update();
        }
        return c;
    }

    private void saveExtension(long caseId, Extension e) {
        if (e.isNew()) {
            long id = jdbc.sql("""
                    INSERT INTO supervision_extension (case_id, stage, working_days, reason, requested_by,
                        requested_by_name, requested_at) VALUES (:case, :stage, :days, :reason, :by, :byName, :at)
                    RETURNING id""")
                    .param("case", caseId).param("stage", e.stage().name()).param("days", e.workingDays())
                    .param("reason", e.reason()).param("by", e.requestedBy()).param("byName", e.requestedByName())
                    .param("at", Timestamp.from(e.requestedAt())).query(Long.class).single();
            e.assignId(id);
        }
        if (e.changed()) {
            jdbc.sql("""
                    UPDATE supervision_extension SET approved = :approved, decided_by = :by, decision_note = :note,
                        decided_at = :at WHERE id = :id""")
                    .param("approved", e.approved()).param("by", e.decidedBy()).param("note", e.decisionNote())
                    .param("at", ts(e.decidedAt())).param("id", e.id()).update();
            e.saved();
        }
    }

    private void saveSanction(long caseId, Sanction s) {
        if (s.isNew()) {
            long id = jdbc.sql("""
                    INSERT INTO sanction (case_id, kind, target_id, target_name, basis, notice, issued_by, issued_by_name,
                        issued_at, response_due_on, whitelist_id, whitelist_entry_id, entry_title)
                    VALUES (:case, :kind, :target, :targetName, :basis, :notice, :by, :byName, :at, :due, :whitelist,
                        :entry, :entryTitle) RETURNING id""")
                    .param("case", caseId).param("kind", s.kind().name()).param("target", s.targetId())
                    .param("targetName", s.targetName()).param("basis", s.basis()).param("notice", s.notice())
                    .param("by", s.issuedBy()).param("byName", s.issuedByName()).param("at", Timestamp.from(s.issuedAt()))
                    .param("due", Date.valueOf(s.responseDueOn())).param("whitelist", s.whitelistId())
                    .param("entry", s.whitelistEntryId()).param("entryTitle", s.entryTitle())
                    .query(Long.class).single();
            s.assignId(id);
        }
        if (s.changed()) {
            jdbc.sql("""
                    UPDATE sanction SET response = :response, responded_by = :by, responded_by_name = :byName,
                        responded_at = :at, response_overdue = :late, removal_version = :removalVersion,
                        removal_done_by = :removalBy, removal_done_at = :removalAt, exposure_summary = :summary,
                        published_by = :publishedBy, published_at = :publishedAt WHERE id = :id""")
                    .param("response", s.response()).param("by", s.respondedBy()).param("byName", s.respondedByName())
                    .param("at", ts(s.respondedAt())).param("late", s.responseOverdue())
                    .param("removalVersion", s.removalVersion()).param("removalBy", s.removalDoneBy())
                    .param("removalAt", ts(s.removalDoneAt())).param("summary", s.exposureSummary())
                    .param("publishedBy", s.publishedBy()).param("publishedAt", ts(s.publishedAt()))
                    .param("id", s.id()).update();
            s.saved();
        }
    }

    List<TraceEntry> trace(long caseId) {
        return jdbc.sql("SELECT * FROM supervision_trace WHERE case_id = :id ORDER BY id").param("id", caseId)
                .query((rs, n) -> new TraceEntry(TraceEntry.Kind.valueOf(rs.getString("kind")),
                        status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("text"),
                        date(rs.getDate("due_on")), rs.getString("actor"), rs.getString("actor_name"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    // --- measures across cases ---

    /** Measures addressed to an organisation, newest first, with their case number and status. */
    List<AddressedSanction> sanctionsTo(long organizationId) {
        return jdbc.sql("""
                SELECT s.id, s.case_id, c.number FROM sanction s JOIN supervision_case c ON c.id = s.case_id
                WHERE s.target_id = :org ORDER BY s.issued_at DESC, s.id DESC""")
                .param("org", organizationId)
                .query((rs, n) -> new AddressedSanction(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }

    record AddressedSanction(long sanctionId, long caseId, String caseNumber) {
    }

    List<AddressedSanction> removalsAwaiting(Collection<Long> jurisdictions) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT s.id, s.case_id, c.number FROM sanction s JOIN supervision_case c ON c.id = s.case_id
                WHERE s.kind = 'WHITELIST_REMOVAL' AND s.removal_done_at IS NULL AND c.jurisdiction_id IN (:j)
                ORDER BY s.issued_at""")
                .param("j", jurisdictions)
                .query((rs, n) -> new AddressedSanction(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }

    List<Long> casesWithPendingExtensions(Collection<Long> jurisdictions) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT e.case_id FROM supervision_extension e JOIN supervision_case c ON c.id = e.case_id
                WHERE e.approved IS NULL AND c.jurisdiction_id IN (:j) ORDER BY e.case_id""")
                .param("j", jurisdictions).query(Long.class).list();
    }

    /** Published exposures, newest first. */
    List<PublishedExposure> exposures(int limit) {
        return jdbc.sql("""
                SELECT s.id, s.target_name, c.category, s.basis, s.exposure_summary, s.published_at, c.jurisdiction_id
                FROM sanction s JOIN supervision_case c ON c.id = s.case_id
                WHERE s.kind = 'EXPOSURE' AND s.published_at IS NOT NULL ORDER BY s.published_at DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new PublishedExposure(rs.getLong(1), rs.getString(2),
                        ComplaintCategory.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getLong(7)))
                .list();
    }

    // --- complaints ---

    long insertComplaint(long caseId, String receiptDigest, Channel channel, ComplaintCommand command,
                         String schoolName, @Nullable String targetName, byte @Nullable [] identity,
                         @Nullable String complainantKey, Card card, Instant at, @Nullable String loggedBy) {
        return jdbc.sql("""
                INSERT INTO complaint (case_id, receipt_digest, channel, category, school_id, school_name, target_id,
                    target_name, item_title, happened_on, description, identity_sealed, complainant_key, card,
                    received_at, logged_by)
                VALUES (:case, :digest, :channel, :category, :school, :schoolName, :target, :targetName, :itemTitle,
                    :happened, :description, :identity, :key, :card, :at, :loggedBy) RETURNING id""")
                .param("case", caseId).param("digest", receiptDigest).param("channel", channel.name())
                .param("category", command.category().name()).param("school", command.schoolId())
                .param("schoolName", schoolName).param("target", command.targetId()).param("targetName", targetName)
                .param("itemTitle", ComplaintCommand.blankToNull(command.itemTitle()))
                .param("happened", Date.valueOf(command.happenedOn()))
                .param("description", command.description().strip()).param("identity", identity)
                .param("key", complainantKey).param("card", card.name()).param("at", Timestamp.from(at))
                .param("loggedBy", loggedBy)
                .query(Long.class).single();
    }

    Optional<Complaint> complaintByReceipt(String digest) {
        return jdbc.sql("SELECT * FROM complaint WHERE receipt_digest = :d").param("d", digest)
                .query(this::mapComplaint).optional();
    }

    Optional<Complaint> complaint(long id) {
        return jdbc.sql("SELECT * FROM complaint WHERE id = :id").param("id", id).query(this::mapComplaint).optional();
    }

    List<Complaint> complaintsOf(long caseId) {
        return jdbc.sql("SELECT * FROM complaint WHERE case_id = :id ORDER BY id").param("id", caseId)
                .query(this::mapComplaint).list();
    }

    Optional<byte[]> sealedIdentity(long complaintId) {
        return jdbc.sql("SELECT identity_sealed FROM complaint WHERE id = :id AND identity_sealed IS NOT NULL")
                .param("id", complaintId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Knowingly false complaints of this complainant, and when the last was found so. */
    FalseRecord falseRecord(String complainantKey) {
        return jdbc.sql("""
                SELECT count(*), max(c.verified_at) FROM complaint k JOIN supervision_case c ON c.id = k.case_id
                WHERE k.complainant_key = :key AND c.outcome = 'FALSE_REPORT'""")
                .param("key", complainantKey)
                .query((rs, n) -> new FalseRecord(rs.getInt(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .single();
    }

    record FalseRecord(int count, @Nullable Instant last) {
    }

    void insertMessage(long complaintId, ComplaintMessage.Direction direction, String body, @Nullable String author,
                       Instant at) {
        jdbc.sql("""
                INSERT INTO complaint_message (complaint_id, direction, body, author, at)
                VALUES (:complaint, :direction, :body, :author, :at)""")
                .param("complaint", complaintId).param("direction", direction.name()).param("body", body)
                .param("author", author).param("at", Timestamp.from(at)).update();
    }

    List<ComplaintMessage> messages(long complaintId) {
        return jdbc.sql("SELECT * FROM complaint_message WHERE complaint_id = :id ORDER BY at, id")
                .param("id", complaintId)
                .query((rs, n) -> new ComplaintMessage(rs.getLong("id"), rs.getLong("complaint_id"),
                        ComplaintMessage.Direction.valueOf(rs.getString("direction")), rs.getString("body"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    long insertEvidence(long complaintId, String fileName, String contentType, long size, String storageKey,
                        String sha256, Instant at) {
        return jdbc.sql("""
                INSERT INTO complaint_evidence (complaint_id, file_name, content_type, size_bytes, storage_key, sha256, uploaded_at)
                VALUES (:complaint, :name, :type, :size, :key, :sha, :at) RETURNING id""")
                .param("complaint", complaintId).param("name", fileName).param("type", contentType)
                .param("size", size).param("key", storageKey).param("sha", sha256).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    int evidenceCount(long complaintId) {
        return jdbc.sql("SELECT count(*) FROM complaint_evidence WHERE complaint_id = :id").param("id", complaintId)
                .query(Integer.class).single();
    }

    List<Evidence> evidence(long complaintId) {
        return jdbc.sql("SELECT * FROM complaint_evidence WHERE complaint_id = :id ORDER BY id").param("id", complaintId)
                .query((rs, n) -> new Evidence(rs.getLong("id"), rs.getLong("complaint_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    Optional<StoredEvidence> storedEvidence(long evidenceId) {
        return jdbc.sql("SELECT * FROM complaint_evidence WHERE id = :id").param("id", evidenceId)
                .query((rs, n) -> new StoredEvidence(new Evidence(rs.getLong("id"), rs.getLong("complaint_id"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getTimestamp("uploaded_at").toInstant()), rs.getString("storage_key"), rs.getString("sha256")))
                .optional();
    }

    record StoredEvidence(Evidence evidence, String storageKey, String sha256) {
    }

    // --- the report ---

    /** Per body concerned in a period: complaints, substantiated cases, cases that went overdue, measures. */
    List<ReportRow> report(Collection<Long> jurisdictions, LocalDate from, LocalDate to) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(cn.campusgate.core.Formats.ZONE).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(cn.campusgate.core.Formats.ZONE).toInstant());
        return jdbc.sql("""
                WITH bodies AS (
                    SELECT DISTINCT target_id AS id, target_name AS name FROM supervision_case
                    WHERE target_id IS NOT NULL AND jurisdiction_id IN (:j)
                    UNION SELECT DISTINCT s.target_id, s.target_name FROM sanction s
                    JOIN supervision_case c ON c.id = s.case_id WHERE c.jurisdiction_id IN (:j))
                SELECT b.id, min(b.name),
                  (SELECT count(*) FROM complaint k JOIN supervision_case c ON c.id = k.case_id
                    WHERE c.target_id = b.id AND k.received_at >= :start AND k.received_at < :end),
                  (SELECT count(*) FROM supervision_case c WHERE c.target_id = b.id AND c.outcome = 'SUBSTANTIATED'
                    AND c.verified_at >= :start AND c.verified_at < :end),
                  (SELECT count(DISTINCT t.case_id) FROM supervision_trace t JOIN supervision_case c ON c.id = t.case_id
                    WHERE c.target_id = b.id AND t.kind = 'OVERDUE' AND t.at >= :start AND t.at < :end),
                  (SELECT count(*) FROM sanction s WHERE s.target_id = b.id AND s.issued_at >= :start AND s.issued_at < :end),
                  (SELECT count(*) FROM sanction s WHERE s.target_id = b.id AND s.response_overdue
                    AND s.issued_at >= :start AND s.issued_at < :end)
                FROM bodies b GROUP BY b.id""")
                .param("j", jurisdictions).param("start", start).param("end", end)
                .query((rs, n) -> new ReportRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    record ReportRow(long bodyId, String bodyName, long complaints, long substantiated, long overdueCases,
                     long sanctions, long lateResponses) {
    }

    // --- mapping ---

    private SupervisionCase withChildren(SupervisionCase c) {
        List<Extension> extensions = jdbc.sql("SELECT * FROM supervision_extension WHERE case_id = :id ORDER BY id")
                .param("id", c.id())
                .query((rs, n) -> new Extension(rs.getLong("id"), CaseStatus.valueOf(rs.getString("stage")),
                        rs.getInt("working_days"), rs.getString("reason"), rs.getString("requested_by"),
                        rs.getString("requested_by_name"), rs.getTimestamp("requested_at").toInstant(),
                        (Boolean) rs.getObject("approved"), rs.getString("decided_by"), rs.getString("decision_note"),
                        instant(rs.getTimestamp("decided_at"))))
                .list();
        List<Sanction> sanctions = jdbc.sql("SELECT * FROM sanction WHERE case_id = :id ORDER BY id")
                .param("id", c.id()).query(this::mapSanction).list();
        return new SupervisionCase(c.id(), c.version(), c.number(), c.jurisdictionId(), c.schoolId(), c.schoolName(),
                c.targetId(), c.targetName(), c.category(), c.itemTitle(), c.periodStart(), c.status(),
                c.stageStartedOn(), c.dueOn(), c.overdue(), c.escalationLevel(), c.weight(), c.outcome(), c.findings(),
                c.verifiedAt(), c.closingReply(), c.openedAt(), c.updatedAt(), c.closedAt(), extensions, sanctions);
    }

    private SupervisionCase mapCase(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new SupervisionCase(rs.getLong("id"), rs.getInt("version"), rs.getString("number"),
                rs.getLong("jurisdiction_id"), rs.getLong("school_id"), rs.getString("school_name"),
                (Long) rs.getObject("target_id"), rs.getString("target_name"),
                ComplaintCategory.valueOf(rs.getString("category")), rs.getString("item_title"),
                rs.getDate("period_start").toLocalDate(), CaseStatus.valueOf(rs.getString("status")),
                rs.getDate("stage_started_on").toLocalDate(), rs.getDate("due_on").toLocalDate(),
                rs.getBoolean("overdue"), rs.getInt("escalation_level"), rs.getInt("weight"),
                outcome == null ? null : CaseOutcome.valueOf(outcome), rs.getString("findings"),
                instant(rs.getTimestamp("verified_at")), rs.getString("closing_reply"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                instant(rs.getTimestamp("closed_at")), List.of(), List.of());
    }

    private Sanction mapSanction(ResultSet rs, int row) throws SQLException {
        return new Sanction(rs.getLong("id"), SanctionKind.valueOf(rs.getString("kind")), rs.getLong("target_id"),
                rs.getString("target_name"), rs.getString("basis"), rs.getString("notice"), rs.getString("issued_by"),
                rs.getString("issued_by_name"), rs.getTimestamp("issued_at").toInstant(),
                rs.getDate("response_due_on").toLocalDate(), rs.getString("response"), rs.getString("responded_by"),
                rs.getString("responded_by_name"), instant(rs.getTimestamp("responded_at")),
                rs.getBoolean("response_overdue"), (Long) rs.getObject("whitelist_id"),
                (Long) rs.getObject("whitelist_entry_id"), rs.getString("entry_title"),
                (Integer) rs.getObject("removal_version"), rs.getString("removal_done_by"),
                instant(rs.getTimestamp("removal_done_at")), rs.getString("exposure_summary"),
                rs.getString("published_by"), instant(rs.getTimestamp("published_at")));
    }

    private Complaint mapComplaint(ResultSet rs, int row) throws SQLException {
        return new Complaint(rs.getLong("id"), rs.getLong("case_id"), Channel.valueOf(rs.getString("channel")),
                ComplaintCategory.valueOf(rs.getString("category")), rs.getLong("school_id"), rs.getString("school_name"),
                (Long) rs.getObject("target_id"), rs.getString("target_name"), rs.getString("item_title"),
                rs.getDate("happened_on").toLocalDate(), rs.getString("description"),
                rs.getObject("identity_sealed") != null, Card.valueOf(rs.getString("card")),
                rs.getTimestamp("received_at").toInstant(), rs.getString("logged_by"));
    }

    private static @Nullable CaseStatus status(@Nullable String value) {
        return value == null ? null : CaseStatus.valueOf(value);
    }

    private static @Nullable LocalDate date(java.sql.@Nullable Date value) {
        return value == null ? null : value.toLocalDate();
    }

    private static @Nullable Instant instant(@Nullable Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant value) {
        return value == null ? null : Timestamp.from(value);
    }
}
