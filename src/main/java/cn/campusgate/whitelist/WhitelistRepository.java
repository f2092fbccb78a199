package cn.campusgate.whitelist;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.campusgate.core.SystemText;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.Frequency;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.organization.SchoolStage;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores lists, entries, published versions (entries as frozen JSON), the change log and objections. */
@Repository
class WhitelistRepository {

    private static final TypeReference<List<WhitelistEntry>> ENTRIES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    WhitelistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- lists ---

    Optional<Whitelist> find(long id) {
        return jdbc.sql("SELECT * FROM whitelist WHERE id = :id").param("id", id).query(this::mapList).optional();
    }

    Optional<Whitelist> lock(long id) {
        return jdbc.sql("SELECT * FROM whitelist WHERE id = :id FOR UPDATE").param("id", id).query(this::mapList)
                .optional();
    }

    /** The list of a jurisdiction, year and kind, created as a draft if missing; locked for this transaction. */
    Whitelist lockOrCreate(long jurisdictionId, int year, WhitelistKind kind, Instant now, Runnable whenCreated) {
        int created = jdbc.sql("""
                INSERT INTO whitelist (jurisdiction_id, year, kind, status, created_at, updated_at)
                VALUES (:j, :y, :kind, 'DRAFT', :now, :now) ON CONFLICT (jurisdiction_id, year, kind) DO NOTHING""")
                .param("j", jurisdictionId).param("y", year).param("kind", kind.name())
                .param("now", Timestamp.from(now)).update();
        if (created > 0) {
            whenCreated.run();
        }
        return jdbc.sql("SELECT * FROM whitelist WHERE jurisdiction_id = :j AND year = :y AND kind = :kind FOR UPDATE")
                .param("j", jurisdictionId).param("y", year).param("kind", kind.name()).query(this::mapList).single();
    }

    List<Whitelist> ofJurisdictions(Set<Long> jurisdictions) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM whitelist WHERE jurisdiction_id IN (:js) ORDER BY year DESC, kind, id")
                .param("js", jurisdictions).query(this::mapList).list();
    }

    /** Lists the public may read: every list that was published at least once. */
    List<Whitelist> published() {
        return jdbc.sql("SELECT * FROM whitelist WHERE published_version > 0 ORDER BY year DESC, jurisdiction_id, kind")
                .query(this::mapList).list();
    }

    List<Whitelist> inStatus(WhitelistStatus status) {
        return jdbc.sql("SELECT * FROM whitelist WHERE status = :s").param("s", status.name()).query(this::mapList).list();
    }

    void save(Whitelist list) {
        int updated = jdbc.sql("""
                UPDATE whitelist SET status = :status, published_version = :published, comment_starts_on = :cs,
                    comment_ends_on = :ce, comment_restarted_on = :cr, approved_by = :approvedBy, approval_text = :approvalText,
                    document_number = :doc, effective_from = :from, effective_to = :to, updated_at = :at,
                    version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", list.status().name()).param("published", list.publishedVersion())
                .param("cs", date(list.commentStartsOn())).param("ce", date(list.commentEndsOn()))
                .param("cr", date(list.commentRestartedOn()))
                .param("approvedBy", list.approvedBy()).param("approvalText", list.approvalText())
                .param("doc", list.documentNumber()).param("from", date(list.effectiveFrom()))
                .param("to", date(list.effectiveTo())).param("at", Timestamp.from(list.updatedAt()))
                .param("id", list.id()).param("version", list.version()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("whitelist " + list.id() + " changed meanwhile");
        }
        list.incrementVersion();
    }

    private Whitelist mapList(ResultSet rs, int row) throws SQLException {
        return new Whitelist(rs.getLong("id"), rs.getInt("version"), rs.getLong("jurisdiction_id"), rs.getInt("year"),
                WhitelistKind.valueOf(rs.getString("kind")), WhitelistStatus.valueOf(rs.getString("status")),
                rs.getInt("published_version"), localDate(rs, "comment_starts_on"), localDate(rs, "comment_ends_on"),
                localDate(rs, "comment_restarted_on"), rs.getString("approved_by"), rs.getString("approval_text"), rs.getString("document_number"),
                localDate(rs, "effective_from"), localDate(rs, "effective_to"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    // --- entries ---

    boolean hasItem(long whitelistId, long itemId) {
        return jdbc.sql("SELECT count(*) FROM whitelist_entry WHERE whitelist_id = :w AND item_id = :i")
                .param("w", whitelistId).param("i", itemId).query(Long.class).single() > 0;
    }

    long addEntry(long whitelistId, WhitelistEntry e) {
        Map<String, Object> p = new HashMap<>();
        p.put("w", whitelistId);
        p.put("item", e.itemId());
        p.put("approval", e.approvalId());
        p.put("route", e.route().name());
        p.put("title", e.title());
        p.put("theme", e.theme());
        p.put("department", e.departmentId());
        p.put("departmentName", e.departmentName());
        p.put("basis", e.basis());
        p.put("content", e.content());
        p.put("form", e.form());
        p.put("stages", e.stages().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        p.put("grades", e.targetGrades());
        p.put("schools", e.targetSchools());
        p.put("startsOn", Date.valueOf(e.startsOn()));
        p.put("endsOn", Date.valueOf(e.endsOn()));
        p.put("frequency", e.frequency() == null ? null : e.frequency().name());
        p.put("delivery", e.deliveryMode() == null ? null : e.deliveryMode().name());
        p.put("channel", e.integrationChannel() == null ? null : e.integrationChannel().name());
        p.put("exempt", e.exempt());
        p.put("place", e.place());
        p.put("added", e.addedInVersion());
        return jdbc.sql("""
                INSERT INTO whitelist_entry (whitelist_id, item_id, approval_id, route, title, theme, department_id,
                    department_name, basis, content, form, stages, target_grades, target_schools, starts_on, ends_on,
                    frequency, delivery_mode, integration_channel, exempt, place, added_in_version)
                VALUES (:w, :item, :approval, :route, :title, :theme, :department, :departmentName, :basis, :content,
                    :form, :stages, :grades, :schools, :startsOn, :endsOn, :frequency, :delivery, :channel, :exempt,
                    :place, :added)
                RETURNING id""").params(p).query(Long.class).single();
    }

    Optional<WhitelistEntry> entry(long entryId) {
        return jdbc.sql("SELECT * FROM whitelist_entry WHERE id = :id").param("id", entryId).query(this::mapEntry)
                .optional();
    }

    /** Every entry ever on the list, removed ones included, in the order they were added. */
    List<WhitelistEntry> entries(long whitelistId) {
        return jdbc.sql("SELECT * FROM whitelist_entry WHERE whitelist_id = :w ORDER BY starts_on, id")
                .param("w", whitelistId).query(this::mapEntry).list();
    }

    /** Entries of lists in force (published or amended), not removed: what the check endpoint reads. */
    /** A department's entries that are not removed, on lists not archived (drafts included), soonest first. */
    List<WhitelistEntry> ofDepartment(long departmentId) {
        return jdbc.sql("""
                SELECT e.* FROM whitelist_entry e JOIN whitelist w ON w.id = e.whitelist_id
                WHERE e.department_id = :d AND w.status <> 'ARCHIVED' AND NOT e.removed ORDER BY e.starts_on, e.id""")
                .param("d", departmentId).query(this::mapEntry).list();
    }

    List<WhitelistEntry> inForce(Set<Long> jurisdictions) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT e.* FROM whitelist_entry e JOIN whitelist w ON w.id = e.whitelist_id
                WHERE w.jurisdiction_id IN (:js) AND w.status IN ('PUBLISHED', 'AMENDED') AND NOT e.removed
                AND e.added_in_version IS NOT NULL ORDER BY e.starts_on, e.id""")
                .param("js", jurisdictions).query(this::mapEntry).list();
    }

    /**
     * Entries not yet in force but on their way, for the public check to mention: entries of lists under comment
     * or approved and not yet published, and additions to a published list not yet carried by a version. With
     * their list's year, kind, status and the end of its comment period.
     */
    List<Whitelists.Upcoming> pending(Set<Long> jurisdictions) {
        if (jurisdictions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT e.*, w.year AS list_year, w.kind AS list_kind, w.status AS list_status,
                       w.comment_ends_on AS list_comment_ends_on
                FROM whitelist_entry e JOIN whitelist w ON w.id = e.whitelist_id
                WHERE w.jurisdiction_id IN (:js) AND NOT e.removed
                  AND (w.status IN ('COMMENT_PERIOD', 'APPROVED')
                       OR (w.status IN ('PUBLISHED', 'AMENDED') AND e.added_in_version IS NULL))
                ORDER BY e.starts_on, e.id""")
                .param("js", jurisdictions)
                .query((rs, n) -> new Whitelists.Upcoming(mapEntry(rs, n), rs.getInt("list_year"),
                        WhitelistKind.valueOf(rs.getString("list_kind")),
                        WhitelistStatus.valueOf(rs.getString("list_status")),
                        rs.getDate("list_comment_ends_on") == null ? null
                                : rs.getDate("list_comment_ends_on").toLocalDate()))
                .list();
    }

    /**
     * Entries not yet carried by a published version become part of version {@code number}; those held for an
     * amendment (they joined after the approval) wait for the next one.
     */
    void markPendingAdded(long whitelistId, int number) {
        jdbc.sql("""
                UPDATE whitelist_entry SET added_in_version = :n
                WHERE whitelist_id = :w AND added_in_version IS NULL AND NOT held_for_amendment""")
                .param("n", number).param("w", whitelistId).update();
    }

    /** An entry joined a list approved but not yet published: it is not part of what was approved. */
    void holdForAmendment(long entryId) {
        jdbc.sql("UPDATE whitelist_entry SET held_for_amendment = TRUE WHERE id = :id").param("id", entryId).update();
    }

    /** The held entries of a list (not removed), in the order they joined. */
    List<WhitelistEntry> held(long whitelistId) {
        return jdbc.sql("""
                SELECT * FROM whitelist_entry WHERE whitelist_id = :w AND held_for_amendment AND NOT removed
                ORDER BY id""").param("w", whitelistId).query(this::mapEntry).list();
    }

    /** Held entries are no longer held: they become part of version {@code number}. */
    void releaseHeld(long whitelistId, int number) {
        jdbc.sql("""
                UPDATE whitelist_entry SET added_in_version = :n, held_for_amendment = FALSE
                WHERE whitelist_id = :w AND held_for_amendment""")
                .param("n", number).param("w", whitelistId).update();
        jdbc.sql("""
                UPDATE whitelist_change SET version_number = :n WHERE whitelist_id = :w AND version_number IS NULL
                    AND kind <> 'STATUS'""")
                .param("n", number).param("w", whitelistId).update();
    }

    /**
     * A department's entries a plan may be filed for: on a list in force and carried by a published version, or on
     * a list approved and waiting for publication (not an entry that joined after the approval); never removed.
     */
    boolean plannable(long entryId) {
        return jdbc.sql("""
                SELECT count(*) FROM whitelist_entry e JOIN whitelist w ON w.id = e.whitelist_id
                WHERE e.id = :id AND NOT e.removed AND (
                    (w.status IN ('PUBLISHED', 'AMENDED') AND e.added_in_version IS NOT NULL)
                    OR (w.status = 'APPROVED' AND NOT e.held_for_amendment))""")
                .param("id", entryId).query(Long.class).single() > 0;
    }

    List<WhitelistEntry> plannableOfDepartment(long departmentId) {
        return jdbc.sql("""
                SELECT e.* FROM whitelist_entry e JOIN whitelist w ON w.id = e.whitelist_id
                WHERE e.department_id = :d AND NOT e.removed AND (
                    (w.status IN ('PUBLISHED', 'AMENDED') AND e.added_in_version IS NOT NULL)
                    OR (w.status = 'APPROVED' AND NOT e.held_for_amendment))
                ORDER BY e.starts_on, e.id""")
                .param("d", departmentId).query(this::mapEntry).list();
    }

    void markRemoved(long entryId, @Nullable Integer inVersion, String reason, LocalDate on) {
        jdbc.sql("""
                UPDATE whitelist_entry SET removed = TRUE, removed_in_version = :v, removal_reason = :r, removed_on = :on
                WHERE id = :id""")
                .param("v", inVersion).param("r", reason).param("on", Date.valueOf(on)).param("id", entryId).update();
    }

    private WhitelistEntry mapEntry(ResultSet rs, int row) throws SQLException {
        Set<SchoolStage> stages = EnumSet.noneOf(SchoolStage.class);
        Arrays.stream(rs.getString("stages").split(",")).filter(s -> !s.isBlank())
                .forEach(s -> stages.add(SchoolStage.valueOf(s)));
        String frequency = rs.getString("frequency");
        String delivery = rs.getString("delivery_mode");
        String channel = rs.getString("integration_channel");
        return new WhitelistEntry(rs.getLong("id"), rs.getLong("whitelist_id"), rs.getLong("item_id"),
                rs.getLong("approval_id"), ItemRoute.valueOf(rs.getString("route")), rs.getString("title"),
                rs.getString("theme"), rs.getLong("department_id"), rs.getString("department_name"),
                rs.getString("basis"), rs.getString("content"), rs.getString("form"), stages,
                rs.getString("target_grades"), rs.getString("target_schools"),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                frequency == null ? null : Frequency.valueOf(frequency),
                delivery == null ? null : DeliveryMode.valueOf(delivery),
                channel == null ? null : IntegrationChannel.valueOf(channel),
                rs.getBoolean("exempt"), rs.getString("place"), rs.getBoolean("removed"),
                (Integer) rs.getObject("added_in_version"), (Integer) rs.getObject("removed_in_version"),
                rs.getString("removal_reason"), localDate(rs, "removed_on"));
    }

    // --- versions ---

    void saveVersion(PublishedVersion version) {
        jdbc.sql("""
                INSERT INTO whitelist_version (whitelist_id, number, document_number, effective_from, effective_to, note,
                    published_by, published_at, entries)
                VALUES (:w, :n, :doc, :from, :to, :note, :by, :at, CAST(:entries AS jsonb))""")
                .param("w", version.whitelistId()).param("n", version.number())
                .param("doc", version.documentNumber()).param("from", Date.valueOf(version.effectiveFrom()))
                .param("to", Date.valueOf(version.effectiveTo())).param("note", version.note())
                .param("by", version.publishedBy()).param("at", Timestamp.from(version.publishedAt()))
                .param("entries", json.writeValueAsString(version.entries())).update();
    }

    Optional<PublishedVersion> version(long whitelistId, int number) {
        return jdbc.sql("SELECT * FROM whitelist_version WHERE whitelist_id = :w AND number = :n")
                .param("w", whitelistId).param("n", number).query(this::mapVersion).optional();
    }

    /** Versions newest first, without their entries (for lists of versions). */
    List<PublishedVersion> versions(long whitelistId) {
        return jdbc.sql("""
                SELECT whitelist_id, number, document_number, effective_from, effective_to, note, published_by,
                    published_at, '[]' AS entries FROM whitelist_version WHERE whitelist_id = :w ORDER BY number DESC""")
                .param("w", whitelistId).query(this::mapVersion).list();
    }

    private PublishedVersion mapVersion(ResultSet rs, int row) throws SQLException {
        return new PublishedVersion(rs.getLong("whitelist_id"), rs.getInt("number"), rs.getString("document_number"),
                rs.getDate("effective_from").toLocalDate(), rs.getDate("effective_to").toLocalDate(),
                rs.getString("note"), rs.getString("published_by"), rs.getTimestamp("published_at").toInstant(),
                json.readValue(rs.getString("entries"), ENTRIES));
    }

    // --- change log ---

    void log(long whitelistId, @Nullable Integer versionNumber, WhitelistChange.Kind kind, @Nullable Long entryId,
             @Nullable String entryTitle, LocalDate on, String reason, String decision, String actor, Instant at) {
        log(whitelistId, versionNumber, kind, entryId, entryTitle, on, reason, null, decision, null, actor, at);
    }

    /** With the system's sentences as keys ({@code null} where a person typed it), rendered in each reader's language. */
    void log(long whitelistId, @Nullable Integer versionNumber, WhitelistChange.Kind kind, @Nullable Long entryId,
             @Nullable String entryTitle, LocalDate on, String reason, @Nullable SystemText reasonText, String decision,
             @Nullable SystemText decisionText, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO whitelist_change (whitelist_id, version_number, kind, entry_id, entry_title, changed_on,
                    reason, decision, actor, at, reason_text, decision_text)
                VALUES (:w, :v, :kind, :entry, :title, :on, :reason, :decision, :actor, :at, :rt, :dt)""")
                .param("w", whitelistId).param("v", versionNumber).param("kind", kind.name()).param("entry", entryId)
                .param("title", entryTitle).param("on", Date.valueOf(on)).param("reason", reason)
                .param("decision", decision).param("actor", actor).param("at", Timestamp.from(at))
                .param("rt", reasonText == null ? null : reasonText.toJson())
                .param("dt", decisionText == null ? null : decisionText.toJson()).update();
    }

    /**
     * Pending changes (made before publication) take effect in the version being published; the additions of held
     * entries wait for theirs.
     */
    void assignPendingChanges(long whitelistId, int versionNumber) {
        jdbc.sql("""
                UPDATE whitelist_change SET version_number = :v WHERE whitelist_id = :w AND version_number IS NULL
                    AND kind <> 'STATUS' AND (entry_id IS NULL
                        OR entry_id NOT IN (SELECT id FROM whitelist_entry WHERE whitelist_id = :w AND held_for_amendment))""")
                .param("v", versionNumber).param("w", whitelistId).update();
    }

    List<WhitelistChange> changes(long whitelistId) {
        return jdbc.sql("SELECT * FROM whitelist_change WHERE whitelist_id = :w ORDER BY id DESC")
                .param("w", whitelistId)
                .query((rs, n) -> new WhitelistChange(rs.getLong("id"), rs.getLong("whitelist_id"),
                        (Integer) rs.getObject("version_number"), WhitelistChange.Kind.valueOf(rs.getString("kind")),
                        (Long) rs.getObject("entry_id"), rs.getString("entry_title"),
                        rs.getDate("changed_on").toLocalDate(), rs.getString("reason"), rs.getString("decision"),
                        rs.getString("actor"), rs.getTimestamp("at").toInstant(),
                        SystemText.fromJson(rs.getString("reason_text")), SystemText.fromJson(rs.getString("decision_text"))))
                .list();
    }

    // --- objections ---

    long addObjection(long whitelistId, @Nullable Long entryId, byte @Nullable [] sealedIdentity, String text,
                      Instant at) {
        return jdbc.sql("""
                INSERT INTO whitelist_objection (whitelist_id, entry_id, sealed_identity, text, submitted_at)
                VALUES (:w, :e, :sealed, :text, :at) RETURNING id""")
                .param("w", whitelistId).param("e", entryId).param("sealed", sealedIdentity)
                .param("text", text).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    Optional<byte[]> sealedObjector(long objectionId) {
        return jdbc.sql("SELECT sealed_identity FROM whitelist_objection WHERE id = :id AND sealed_identity IS NOT NULL")
                .param("id", objectionId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    Optional<Objection> objection(long id) {
        return jdbc.sql("SELECT * FROM whitelist_objection WHERE id = :id").param("id", id).query(this::mapObjection)
                .optional();
    }

    List<Objection> objections(long whitelistId) {
        return jdbc.sql("SELECT * FROM whitelist_objection WHERE whitelist_id = :w ORDER BY id")
                .param("w", whitelistId).query(this::mapObjection).list();
    }

    long unansweredObjections(long whitelistId) {
        return jdbc.sql("SELECT count(*) FROM whitelist_objection WHERE whitelist_id = :w AND answer IS NULL")
                .param("w", whitelistId).query(Long.class).single();
    }

    boolean answer(long objectionId, String answer, boolean upheld, String by, Instant at) {
        return jdbc.sql("""
                UPDATE whitelist_objection SET answer = :a, upheld = :u, answered_by = :by, answered_at = :at
                WHERE id = :id AND answer IS NULL""")
                .param("a", answer).param("u", upheld).param("by", by).param("at", Timestamp.from(at))
                .param("id", objectionId).update() == 1;
    }

    private Objection mapObjection(ResultSet rs, int row) throws SQLException {
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        return new Objection(rs.getLong("id"), rs.getLong("whitelist_id"), (Long) rs.getObject("entry_id"),
                rs.getBytes("sealed_identity") != null, rs.getString("text"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("answer"), (Boolean) rs.getObject("upheld"),
                rs.getString("answered_by"), answeredAt == null ? null : answeredAt.toInstant());
    }

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static @Nullable LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
