package cn.campusgate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * R-7 enforced on what the application really has: every table and column of the migrated schema, and every path,
 * parameter and field of the published API (the OpenAPI document the application serves). A later change that adds a
 * per-teacher completion or participation figure, or a ranking, fails here (see {@link TeacherEvaluationGuard}).
 */
@CampusGateTest
class TeacherEvaluationGuardIT {

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void theSchemaHoldsNoPerTeacherFigureAndNoRanking() {
        List<String> names = jdbc.sql("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND table_name <> 'flyway_schema_history' -- the migration tool's own bookkeeping (installed_rank)
                """).query(String.class).list();
        assertThat(names).as("columns of the schema").hasSizeGreaterThan(100);
        List<String> offending = names.stream()
                .filter(n -> n.split("\\.").length == 2)
                .filter(n -> TeacherEvaluationGuard.forbidden(n.split("\\.")[0]) || TeacherEvaluationGuard.forbidden(n.split("\\.")[1]))
                .toList();
        assertThat(offending).as("R-7: tables or columns that would hold a per-teacher figure or a ranking").isEmpty();
    }

    @Test
    void theApiServesNoPerTeacherFigureAndNoRanking() throws Exception {
        String document = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        JsonNode api = JsonMapper.builder().build().readTree(document);
        List<String> names = new ArrayList<>();
        api.path("paths").propertyNames().forEach(path -> {
            for (String segment : path.split("/")) {
                names.add("path " + path + " → " + segment.replaceAll("[{}]", ""));
            }
        });
        collect(api.path("paths"), "paths", names);
        collect(api.path("components"), "components", names);
        assertThat(api.path("paths").size()).as("paths in the API document").isGreaterThan(10);
        List<String> offending = names.stream()
                .filter(n -> TeacherEvaluationGuard.forbidden(n.substring(n.lastIndexOf(' ') + 1))).toList();
        assertThat(offending).as("R-7: API paths, parameters or fields that would serve a per-teacher figure or a ranking")
                .isEmpty();
    }

    /** Every property name and parameter name anywhere in the document. */
    private static void collect(JsonNode node, String where, List<String> names) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.propertyNames().forEach(p -> names.add("field " + where + " → " + p));
            }
            if (node.has("in") && node.has("name")) {
                names.add("parameter " + where + " → " + node.get("name").asString());
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                collect(child.getValue(), where + "/" + child.getKey(), names);
            }
        } else if (node.isArray()) {
            Iterator<JsonNode> items = node.iterator();
            while (items.hasNext()) {
                collect(items.next(), where, names);
            }
        }
    }
}
