package cn.campusgate.hostile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import cn.campusgate.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Hostile markup that is accepted and stored (a title, a complaint, a public objection) is shown escaped on every
 * page that shows it, to the people who read it; text with control characters is refused and nothing is stored.
 */
@HostileTest
class StoredMarkupIT {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(1)>";

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anItemTitledWithMarkupIsShownEscapedOnItsPageAndInTheList() throws Exception {
        String title = "消防" + SCRIPT;
        MvcResult created = mvc.perform(post("/api/v1/items").with(signedIn.as("dept.fire"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", title, "content", "演练" + IMG))))
                .andExpect(status().isCreated()).andReturn();
        long id = json.readTree(created.getResponse().getContentAsString()).path("id").asLong();
        assertThat(jdbc.sql("select title from item where id = ?").param(id).query(String.class).single()).isEqualTo(title);

        for (String path : new String[] {"/items/" + id, "/items", "/items/" + id + "/edit"}) {
            String page = page(path, signedIn.as("dept.fire"));
            assertThat(page).as(path).doesNotContain(SCRIPT).doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void aComplaintWithMarkupIsShownEscapedToTheSupervisor() throws Exception {
        String body = json.writeValueAsString(Map.of("category", "OTHER", "school", "合川区二郎镇中心小学",
                "concerned", "区公安局", "activity", "宣讲" + SCRIPT, "happenedOn", LocalDate.now().minusDays(1).toString(),
                "description", "要求每位老师填表上报" + IMG + SCRIPT));
        mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(request -> {
                            request.setRemoteAddr("198.51.100.41");
                            return request;
                        }))
                .andExpect(status().isCreated());
        long caseId = jdbc.sql("select case_id from complaint order by id desc limit 1").query(Long.class).single();

        String page = page("/supervision/cases/" + caseId, signedIn.as("supervisor"));
        assertThat(page).doesNotContain(SCRIPT).doesNotContain("<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page("/supervision/cases", signedIn.as("supervisor"))).doesNotContain(SCRIPT);
    }

    @Test
    void aCampaignTitledWithMarkupIsShownEscapedToTheTaskForceAndTheReporters() throws Exception {
        long campaign = CampaignsForTests.open(mvc, signedIn, jdbc, 2031, "专项整治" + SCRIPT + IMG);

        for (String path : new String[] {"/campaigns", "/campaigns/" + campaign}) {
            String page = page(path, signedIn.as("commission"));
            assertThat(page).as(path).doesNotContain(SCRIPT).doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        String survey = page("/campaigns/" + campaign + "/survey", signedIn.as("dept.health"));
        assertThat(survey).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void textWithANulCharacterIsRefusedByTheFormAndTheApiAndNothingIsStored() throws Exception {
        long items = jdbc.sql("select count(*) from item").query(Long.class).single();

        MvcResult api = mvc.perform(post("/api/v1/items").with(signedIn.as("dept.fire"))
                        .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"消防\\u0000安全\"}"))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(api.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readTree(api.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("detail").asString())
                .containsPattern("\\p{IsHan}");

        String form = mvc.perform(post("/items").with(signedIn.as("dept.fire")).with(csrf())
                        .header("Accept-Language", "zh-CN").param("title", "消防\u0000安全").param("content", "演练"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("格式不正确");

        assertThat(jdbc.sql("select count(*) from item").query(Long.class).single()).isEqualTo(items);
    }

    private String page(String path, RequestPostProcessor user) throws Exception {
        return mvc.perform(get(path).with(user).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
