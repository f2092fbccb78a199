package cn.campusgate.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every application table holds, cheaply: its row count and the sum of its rows' {@code xmin} (the id of the
 * transaction that wrote each row version), so an insert, delete or update of any row changes it. Left out, with
 * the reason: HTTP sessions (every request touches them), the event publication registry and the insight read model
 * (written after commit, asynchronously, by accepted changes) and Flyway's history.
 */
final class Fingerprint {

    static final Set<String> IGNORED = Set.of("spring_session", "spring_session_attributes", "event_publication",
            "event_publication_archive", "flyway_schema_history");

    private final JdbcClient jdbc;
    private final String query;

    Fingerprint(JdbcClient jdbc) {
        this.jdbc = jdbc;
        List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = current_schema() order by 1")
                .query(String.class).list().stream()
                .filter(t -> !IGNORED.contains(t) && !t.startsWith("insight_"))
                .toList();
        this.query = tables.stream()
                .map(t -> "select '" + t + "' as t, count(*) || '/' || coalesce(sum(xmin::text::bigint), 0) as f from " + t)
                .collect(Collectors.joining(" union all "));
    }

    Map<String, String> take() {
        Map<String, String> tables = new LinkedHashMap<>();
        jdbc.sql(query).query((rs, n) -> tables.put(rs.getString(1), rs.getString(2))).list();
        return tables;
    }

    static Map<String, String> difference(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((table, value) -> {
            if (!value.equals(before.get(table))) {
                changed.put(table, before.get(table) + " → " + value);
            }
        });
        return changed;
    }
}
