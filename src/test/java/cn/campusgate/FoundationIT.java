package cn.campusgate;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The platform as a new user meets it: health, API document, demo district, sign-in page, language. */
@CampusGateTest
class FoundationIT {

    static final List<String> DEMO_USERNAMES = List.of("admin", "dept.fire", "dept.police", "secretary", "expert.edu",
            "expert.school", "expert.npc", "expert.cppcc", "commission", "district", "municipal", "school.sentinel",
            "town.erlang", "supervisor");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void healthIsUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void servesTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(content().string(containsString("/api/v1/audit/verify")))
                .andExpect(content().string(containsString("/api/v1/organizations")));
    }

    @Test
    void theOpenApiDocumentDeclares201WhereTheApiAnswers201() throws Exception {
        for (String path : List.of("/api/v1/items", "/api/v1/organizations", "/api/v1/accounts",
                "/api/v1/public/complaints", "/api/v1/public/complaints/{receiptCode}/messages",
                "/api/v1/public/complaints/{receiptCode}/evidence")) {
            String responses = "$.paths['" + path + "'].post.responses";
            mvc.perform(get("/v3/api-docs"))
                    .andExpect(jsonPath(responses + "['201']").exists())
                    .andExpect(jsonPath(responses + "['200']").doesNotExist());
        }
    }

    @Test
    void seedsTheDemoDistrict() {
        assertThat(count("SELECT count(*) FROM organization WHERE kind = 'SCHOOL'")).isBetween(120L, 160L);
        assertThat(count("SELECT count(*) FROM organization WHERE jurisdiction_level = 'TOWN'")).isEqualTo(30);
        assertThat(count("SELECT count(*) FROM organization WHERE kind = 'SCHOOL' AND monitoring_school")).isGreaterThan(10);
        assertThat(count("SELECT count(*) FROM organization WHERE kind = 'DEPARTMENT'")).isGreaterThanOrEqualTo(35);
        List<String> usernames = jdbc.sql("SELECT username FROM account").query(String.class).list();
        assertThat(usernames).containsAll(DEMO_USERNAMES);
        assertThat(jdbc.sql("SELECT DISTINCT member_kind FROM account WHERE member_kind IS NOT NULL")
                .query(String.class).list())
                .containsExactlyInAnyOrder("EDUCATION_EXPERT", "PRINCIPAL_TEACHER_REPRESENTATIVE", "NPC_DEPUTY", "CPPCC_MEMBER");
        assertThat(count("SELECT count(*) FROM account WHERE must_change_password AND username IN ('admin', 'supervisor')"))
                .isZero();
    }

    @Test
    void pagesNeedSignInAndTheSignInPageIsChineseFirst() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"zh-CN\"")))
                .andExpect(content().string(containsString("社会事务进校园审批监管平台")))
                .andExpect(content().string(containsString("统一身份登录")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void theLanguageSwitchesToEnglishAndIsRemembered() throws Exception {
        var result = mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andExpect(content().string(containsString("Sign in")))
                .andReturn();
        var cookie = result.getResponse().getCookie("campusgate-lang");
        assertThat(cookie).isNotNull();
        mvc.perform(get("/login").cookie(cookie)).andExpect(content().string(containsString("lang=\"en\"")));
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().exists("X-Request-Id"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
