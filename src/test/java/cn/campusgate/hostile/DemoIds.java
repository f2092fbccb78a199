package cn.campusgate.hostile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills an endpoint's path variables with real ids of the demo district: the table is found from the path segment
 * before the variable ({@code /items/{id}} → {@code item}); a later variable belongs to the earlier one where the
 * child table has a column naming the parent ({@code /campaigns/{id}/problems/{problemId}} → a problem of that
 * campaign). Unknown variables get 1 (a 404 is then a fine, non-5xx answer).
 */
final class DemoIds {

    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("items", "item"), Map.entry("campaigns", "campaign"), Map.entry("whitelists", "whitelist"),
            Map.entry("whitelist", "whitelist"), Map.entry("cases", "supervision_case"), Map.entry("panels", "panel"),
            Map.entry("reviews", "panel_review"), Map.entry("problems", "campaign_problem"),
            Map.entry("ledger", "rectification_entry"), Map.entry("milestones", "campaign_milestone"),
            Map.entry("entries", "whitelist_entry"), Map.entry("objections", "whitelist_objection"),
            Map.entry("proposals", "removal_proposal"), Map.entry("activities", "evaluated_activity"),
            Map.entry("returns", "monthly_return"), Map.entry("records", "sentinel_record"),
            Map.entry("alerts", "monitoring_alert"), Map.entry("plans", "implementation_plan"),
            Map.entry("notifications", "notification"), Map.entry("accounts", "account"),
            Map.entry("members", "account"), Map.entry("exclusions", "account"),
            Map.entry("organizations", "organization"), Map.entry("approvals", "approval"),
            Map.entry("tasks", "approval_task"), Map.entry("sanctions", "sanction"), Map.entry("measures", "sanction"),
            Map.entry("extensions", "supervision_extension"), Map.entry("complaints", "complaint"),
            Map.entry("tokens", "access_token"), Map.entry("procedures", "procedure_definition"),
            Map.entry("roster", "account"));

    private final JdbcClient jdbc;

    DemoIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String expand(Endpoints.Endpoint endpoint) {
        String[] segments = endpoint.pattern().split("/");
        StringBuilder path = new StringBuilder();
        String parentTable = null;
        Object parentId = null;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            path.append('/');
            if (segment.contains("}.{")) {
                path.append("1.csv"); // a name and its format ({figure}.{format}): reaches the handler, which may 404
                continue;
            }
            if (!segment.startsWith("{")) {
                path.append(segment);
                continue;
            }
            String name = segment.substring(1, segment.length() - 1);
            Class<?> type = endpoint.pathVariables().stream().filter(v -> v.name().equals(name))
                    .map(Endpoints.PathVariableSpec::type).findFirst().orElse(String.class);
            String table = TABLES.get(segments[i - 1]);
            Object value = value(name, type, table, parentTable, parentId);
            path.append(value);
            if (table != null) {
                parentTable = table;
                parentId = value;
            }
        }
        return path.toString();
    }

    private Object value(String name, Class<?> type, String table, String parentTable, Object parentId) {
        if (name.equals("token")) {
            return jdbc.sql("select feedback_token from evaluated_activity order by id limit 1").query(String.class)
                    .optional().orElse("no-such-token");
        }
        if (type == YearMonth.class) {
            return YearMonth.now();
        }
        if (type == LocalDate.class) {
            return LocalDate.now().withDayOfYear(1);
        }
        if (name.equals("year")) {
            return LocalDate.now().getYear();
        }
        if (name.equals("action")) {
            return "start";
        }
        if (name.equals("route")) {
            return "REGULAR";
        }
        if (table == null || !(type == long.class || type == Long.class || type == int.class || type == Integer.class)) {
            return 1;
        }
        if (parentTable != null && !parentTable.equals(table)) {
            List<String> columns = jdbc.sql("select column_name from information_schema.columns where table_name = ?")
                    .param(table).query(String.class).list();
            String link = parentTable + "_id";
            if (columns.contains(link)) {
                return jdbc.sql("select id from " + table + " where " + link + " = ? order by id limit 1")
                        .param(((Number) parentId).longValue()).query(Long.class).optional().orElse(1L);
            }
        }
        String first = switch (table) {
            // Not the administrator nor a district: accepted hostile requests may deactivate or reset what they get.
            case "account" -> "select id from account where username = 'expert.npc'";
            case "organization" -> "select id from organization where kind = 'SCHOOL' order by id desc limit 1";
            default -> "select id from " + table + " order by id limit 1";
        };
        return jdbc.sql(first).query(Long.class).optional().orElse(1L);
    }
}
