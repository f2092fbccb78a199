package cn.campusgate.committee;

import java.util.Map;
import java.util.stream.Collectors;

import cn.campusgate.CampusGateTest;
import cn.campusgate.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo district starts with work for every account, reached through the real transitions. */
@CampusGateTest
@TestPropertySource(properties = "campusgate.demo.progress=true")
class DemoProgressIT {

    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;

    @Test
    void demoItemsStandAtEveryStepOfTheChain() {
        Map<String, Long> openSteps = jdbc.sql("""
                SELECT step_kind, count(*) FROM approval_task WHERE status = 'OPEN' GROUP BY step_kind""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(openSteps).containsEntry("PRELIMINARY_REVIEW", 2L).containsEntry("DISTRICT_APPROVAL", 1L)
                .containsEntry("MUNICIPAL_FILING", 1L);
        // Four of next year's items and the current year's sixteen (DemoYear) passed the whole chain.
        assertThat(count("SELECT count(*) FROM approval WHERE status = 'READY_FOR_WHITELIST'")).isEqualTo(4 + 16);
        // Next year's list, with the four, is in its public comment period.
        assertThat(count("""
                SELECT count(*) FROM whitelist_entry e JOIN whitelist w ON w.id = e.whitelist_id
                WHERE w.status = 'COMMENT_PERIOD' AND w.kind = 'SOCIAL_AFFAIRS'""")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM item WHERE status = 'RETURNED'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM committee_opinion WHERE status = 'SIGNED'")).isEqualTo(9 + 16);
        assertThat(count("SELECT count(*) FROM panel WHERE status = 'CONVENED'")).isEqualTo(1);
        assertThat(audit.verify().valid()).isTrue();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
