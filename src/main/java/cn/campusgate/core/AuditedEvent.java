package cn.campusgate.core;

import java.util.Map;

/**
 * A past-tense event that changes state and must appear in the audit trail. The audit module appends it
 * inside the transaction that publishes it, so a change and its audit entry commit or fail together.
 */
public interface AuditedEvent {

    /** Who acted: a username, or {@link Actors#SYSTEM}. */
    String actor();

    /** Stable action code, e.g. {@code organization.created}. */
    String action();

    /** What was changed, e.g. {@code organization:42}. */
    String subject();

    /** Facts worth keeping with the entry; values are written with {@code String.valueOf}. */
    default Map<String, Object> details() {
        return Map.of();
    }
}
