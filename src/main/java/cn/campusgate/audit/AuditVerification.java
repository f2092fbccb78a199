package cn.campusgate.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Result of recomputing the chain.
 *
 * @param valid            whether every entry matches its hash and links to the previous one
 * @param entries          how many entries were checked
 * @param firstBrokenEntry sequence number of the first entry that does not match, if any
 * @param reason           why that entry does not match
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean valid, long entries, @Nullable Long firstBrokenEntry, @Nullable String reason) {

    static AuditVerification intact(long entries) {
        return new AuditVerification(true, entries, null, null);
    }

    static AuditVerification broken(long entries, long seq, String reason) {
        return new AuditVerification(false, entries, seq, reason);
    }
}
