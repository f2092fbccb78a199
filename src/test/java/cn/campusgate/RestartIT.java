package cn.campusgate;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping and starting the application keeps every record: the embedded PostgreSQL keeps its files. */
class RestartIT {

    @TempDir
    Path data;

    @Test
    void recordsSurviveARestart() {
        long schoolsBefore;
        long auditBefore;
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("""
                    INSERT INTO organization (code, name, kind, parent_id, school_stage)
                    SELECT '2150117999', '合川区重启测试小学', 'SCHOOL', id, 'PRIMARY' FROM organization WHERE name = '二郎镇'""")
                    .update();
            schoolsBefore = count(jdbc, "SELECT count(*) FROM organization WHERE kind = 'SCHOOL'");
            auditBefore = count(jdbc, "SELECT count(*) FROM audit_entry");
            assertThat(auditBefore).isPositive();
        }
        assertThat(Files.exists(data.resolve("postgres").resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(count(jdbc, "SELECT count(*) FROM organization WHERE code = '2150117999'")).isEqualTo(1);
            assertThat(count(jdbc, "SELECT count(*) FROM organization WHERE kind = 'SCHOOL'")).isEqualTo(schoolsBefore);
            // the demo is seeded only into an empty database, never twice
            assertThat(count(jdbc, "SELECT count(*) FROM audit_entry WHERE action = 'demo.seeded'")).isEqualTo(1);
            assertThat(count(jdbc, "SELECT count(*) FROM audit_entry")).isGreaterThanOrEqualTo(auditBefore);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CampusGateApplication.class)
                .run("--server.port=0", "--campusgate.demo.enabled=true", "--spring.datasource.url=",
                        "--campusgate.embedded-database.data-directory=" + data.resolve("postgres"));
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
