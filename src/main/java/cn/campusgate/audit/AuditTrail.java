package cn.campusgate.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import cn.campusgate.core.AuditedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail. Appends run under a transaction-scoped advisory lock, so sequence numbers have no
 * gaps and each entry links to the one committed before it. The audited events of a transaction are appended
 * together just before it commits: the lock (which serialises every audited transaction) is then held only for
 * that append and the commit, not for the rest of the transaction's work, and a transaction pays one lock, one
 * read of the chain's head and one insert however many events it audits (issue #11). They still commit with
 * the change they record, or not at all.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long LOCK_KEY = 0x4155444954L; // "AUDIT"

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records every audited event in the publishing transaction: both commit, or neither. Inside a transaction
     * the entry is appended right before the commit, with the transaction's other audited events.
     */
    @EventListener
    @Transactional
    public void on(AuditedEvent event) {
        Pending pending = pending();
        if (pending != null) {
            pending.add(event);
        } else {
            append(event.actor(), event.action(), event.subject(), event.details());
        }
    }

    @Transactional
    public AuditEntry append(String actor, String action, String subject, Map<String, ?> details) {
        return appendAll(List.of(new Entry(actor, action, subject, details))).getFirst();
    }

    private record Entry(String actor, String action, String subject, Map<String, ?> details) {
    }

    /** Appends the entries in order under the lock, in one insert; the caller's transaction commits them. */
    private List<AuditEntry> appendAll(List<Entry> entries) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query().singleValue();
        var last = jdbc.sql("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> Map.entry(rs.getLong("seq"), rs.getString("hash")))
                .optional();
        long seq = last.map(Map.Entry::getKey).orElse(0L);
        String previousHash = last.map(Map.Entry::getValue).orElse(GENESIS);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        List<AuditEntry> appended = new ArrayList<>(entries.size());
        List<Object> values = new ArrayList<>(entries.size() * 8);
        StringBuilder sql = new StringBuilder("""
                INSERT INTO audit_entry (seq, occurred_at, actor, action, subject, details, previous_hash, hash)
                VALUES \s""");
        for (Entry entry : entries) {
            seq++;
            String detailText = json.writeValueAsString(canonical(entry.details()));
            String hash = hash(seq, now, entry.actor(), entry.action(), entry.subject(), detailText, previousHash);
            appended.add(new AuditEntry(seq, now, entry.actor(), entry.action(), entry.subject(), detailText,
                    previousHash, hash));
            sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            values.addAll(List.of(seq, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), entry.actor(), entry.action(),
                    entry.subject(), detailText, previousHash, hash));
            previousHash = hash;
        }
        jdbc.sql(sql.toString()).params(values).update();
        return appended;
    }

    /** This transaction's audited events not yet appended, when a transaction with synchronisation is active. */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        // Synchronisations belong to one transaction (a REQUIRES_NEW inside it has its own), resources would not.
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending pending && pending.trail() == this) {
                return pending.appended ? null : pending;
            }
        }
        Pending pending = new Pending(this, new ArrayList<>());
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /** Appends a transaction's audited events just before it commits, after every other synchronisation. */
    private static final class Pending implements TransactionSynchronization {

        private final AuditTrail trail;
        private final List<Entry> events;
        /** An event published after this point (by a later before-commit callback) is appended at once. */
        private boolean appended;

        Pending(AuditTrail trail, List<Entry> events) {
            this.trail = trail;
            this.events = events;
        }

        AuditTrail trail() {
            return trail;
        }

        void add(AuditedEvent event) {
            events.add(new Entry(event.actor(), event.action(), event.subject(), event.details()));
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            appended = true;
            if (!events.isEmpty()) {
                trail.appendAll(events);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Recomputes the whole chain, oldest first, and stops at the first entry that does not match. */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        AtomicLong expectedSeq = new AtomicLong(1);
        AtomicReference<String> previous = new AtomicReference<>(GENESIS);
        AtomicReference<AuditVerification> broken = new AtomicReference<>();
        jdbc.sql("SELECT * FROM audit_entry ORDER BY seq").query((ResultSet rs) -> {
            if (broken.get() != null) {
                return;
            }
            AuditEntry entry = map(rs);
            String reason = null;
            if (entry.seq() != expectedSeq.get()) {
                reason = "entry " + expectedSeq.get() + " is missing";
            } else if (!entry.previousHash().equals(previous.get())) {
                reason = "previous hash does not match the entry before it";
            } else if (!entry.hash().equals(hash(entry.seq(), entry.occurredAt(), entry.actor(), entry.action(),
                    entry.subject(), entry.details(), entry.previousHash()))) {
                reason = "content does not match its hash";
            }
            if (reason != null) {
                broken.set(AuditVerification.broken(expectedSeq.get() - 1, expectedSeq.get(), reason));
                return;
            }
            previous.set(entry.hash());
            expectedSeq.incrementAndGet();
        });
        return broken.get() != null ? broken.get() : AuditVerification.intact(expectedSeq.get() - 1);
    }

    /** Newest first, optionally filtered by a text contained in actor, action or subject. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(String contains, int limit) {
        return jdbc.sql("""
                SELECT * FROM audit_entry
                WHERE :q = '' OR actor ILIKE :like OR action ILIKE :like OR subject ILIKE :like
                ORDER BY seq DESC LIMIT :limit""")
                .param("q", contains).param("like", "%" + contains.replace("%", "\\%") + "%").param("limit", limit)
                .query((rs, n) -> map(rs)).list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("details"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static Map<String, String> canonical(Map<String, ?> details) {
        Map<String, String> sorted = new TreeMap<>();
        details.forEach((key, value) -> sorted.put(key, String.valueOf(value)));
        return sorted;
    }

    static String hash(long seq, Instant occurredAt, String actor, String action, String subject, String details,
                       String previousHash) {
        String material = String.join("\u001f", Long.toString(seq), occurredAt.toString(), actor, action, subject,
                details, previousHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
