/**
 * Audit: the append-only, hash-chained audit trail. Every {@link cn.campusgate.core.AuditedEvent} is
 * appended inside the transaction that publishes it; {@link cn.campusgate.audit.AuditTrail#verify()}
 * recomputes the chain and names the first entry that no longer matches.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit 审计留痕")
@org.jspecify.annotations.NullMarked
package cn.campusgate.audit;
