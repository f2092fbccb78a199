package cn.campusgate.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** One link of the audit chain. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String subject,
                         String details, String previousHash, String hash) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The details as name → value, in the order they were written, for people to read. */
    public Map<String, String> detailMap() {
        return JSON.readValue(details, new TypeReference<LinkedHashMap<String, String>>() { });
    }
}
