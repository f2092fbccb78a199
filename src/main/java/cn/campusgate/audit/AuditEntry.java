package cn.campusgate.audit;

import java.time.Instant;

/** One link of the audit chain. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String subject,
                         String details, String previousHash, String hash) {
}
