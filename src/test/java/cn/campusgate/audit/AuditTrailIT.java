package cn.campusgate.audit;

import java.util.Map;

import cn.campusgate.CampusGateTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit trail is a hash chain: intact after real changes, and any edited row is found. */
@CampusGateTest
class AuditTrailIT {

    static final String PASSWORD = "CampusGate#2026";

    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void theDemoSeedIsAuditedAndTheChainVerifies() throws Exception {
        assertThat(trail.latest("demo.seeded", 5)).isNotEmpty();
        long entries = trail.count();
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.entries").value(org.hamcrest.Matchers.greaterThanOrEqualTo((int) entries)))
                .andExpect(jsonPath("$.firstBrokenEntry").doesNotExist());
    }

    @Test
    void detailsReadAsNamesAndValues() {
        AuditEntry entry = trail.append("tester", "test.details", "test:5", java.util.Map.of("b", 2, "a", "一"));
        assertThat(entry.detailMap()).containsExactly(java.util.Map.entry("a", "一"), java.util.Map.entry("b", "2"));
    }

    @Test
    void onlyAnAdministratorMayVerify() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic("supervisor", PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isUnauthorized());
    }

    @Test
    void anEditedRowBreaksTheChainAtThatEntry() throws Exception {
        AuditEntry first = trail.append("tester", "test.tamper-target", "test:1", Map.of("note", "original"));
        trail.append("tester", "test.after", "test:2", Map.of());
        assertThat(trail.verify().valid()).isTrue();

        jdbc.sql("UPDATE audit_entry SET actor = 'intruder' WHERE seq = :seq").param("seq", first.seq()).update();
        try {
            AuditVerification verification = trail.verify();
            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenEntry()).isEqualTo(first.seq());
            assertThat(verification.entries()).isEqualTo(first.seq() - 1);
            mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", PASSWORD)))
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBrokenEntry").value(first.seq()));
        } finally {
            jdbc.sql("UPDATE audit_entry SET actor = 'tester' WHERE seq = :seq").param("seq", first.seq()).update();
        }
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void aDeletedRowIsFound() {
        AuditEntry victim = trail.append("tester", "test.delete-target", "test:3", Map.of());
        AuditEntry next = trail.append("tester", "test.after-delete", "test:4", Map.of());
        var row = jdbc.sql("SELECT * FROM audit_entry WHERE seq = :seq").param("seq", victim.seq()).query().singleRow();
        jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", victim.seq()).update();
        try {
            AuditVerification verification = trail.verify();
            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenEntry()).isEqualTo(victim.seq());
        } finally {
            jdbc.sql("""
                    INSERT INTO audit_entry (seq, occurred_at, actor, action, subject, details, previous_hash, hash)
                    VALUES (:seq, :occurred_at, :actor, :action, :subject, :details, :previous_hash, :hash)""")
                    .paramSource(row).update();
        }
        assertThat(trail.verify().valid()).isTrue();
        assertThat(next.previousHash()).isEqualTo(victim.hash());
    }
}
