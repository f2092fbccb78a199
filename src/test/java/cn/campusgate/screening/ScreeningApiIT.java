package cn.campusgate.screening;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CampusGateTest
class ScreeningApiIT {

    static final String PASSWORD = "CampusGate#2026";

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired SimilarThemes themes;
    @Autowired JdbcThemeStore store;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void checkReturnsFindingsWithClauseFieldAndEvidence() throws Exception {
        mvc.perform(post("/api/v1/screening/check").with(httpBasic("dept.fire", PASSWORD))
                        .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"研学旅行推介","content":"旅行社进校推介研学营，费用每人1280元。活动后请各校上报照片。",
                                 "commercial":false}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refused").value(true))
                .andExpect(jsonPath("$.findings", hasSize(2)))
                .andExpect(jsonPath("$.findings[0].ruleId").value("R2-IRR-FEES"))
                .andExpect(jsonPath("$.findings[0].family").value("IRRELEVANT"))
                .andExpect(jsonPath("$.findings[0].severity").value("REFUSE"))
                .andExpect(jsonPath("$.findings[0].clause").value(containsString("借机收费")))
                .andExpect(jsonPath("$.findings[0].explanation").value(containsString("收费")))
                .andExpect(jsonPath("$.findings[0].field").value("content"))
                .andExpect(jsonPath("$.findings[0].evidence").value("每人1280元"))
                .andExpect(jsonPath("$.findings[1].ruleId").value("R2-INE-PHOTOS"))
                .andExpect(jsonPath("$.findings[1].severity").value("WARN"));
    }

    @Test
    void checkOfACleanItemHasNoFindingsAndExplainsInEnglishOnRequest() throws Exception {
        mvc.perform(post("/api/v1/screening/check").with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"消防安全教育\",\"content\":\"消防员到校讲解火灾逃生，不要求拍照，不收取任何费用。\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refused").value(false))
                .andExpect(jsonPath("$.findings", hasSize(0)));
        mvc.perform(post("/api/v1/screening/check").with(httpBasic("admin", PASSWORD)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"打卡\",\"content\":\"学生每日打卡。\"}"))
                .andExpect(jsonPath("$.findings[0].ruleId").value("R2-INE-CHECK-IN"))
                .andExpect(jsonPath("$.findings[0].explanation").value(containsString("check in")))
                .andExpect(jsonPath("$.findings[0].clause").value(containsString("打卡")));
    }

    @Test
    void badInputIsA400ProblemDetail() throws Exception {
        mvc.perform(post("/api/v1/screening/check").with(httpBasic("dept.fire", PASSWORD)).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"content\":\"没有标题\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("请填写标题。"));
        String huge = "打".repeat(20_001);
        mvc.perform(post("/api/v1/screening/check").with(httpBasic("dept.fire", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"长文\",\"content\":\"" + huge + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("content"));
        mvc.perform(post("/api/v1/screening/similarity").with(httpBasic("dept.fire", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"a\":\"消防安全\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("b"));
        mvc.perform(post("/api/v1/screening/similarity").with(httpBasic("dept.fire", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void similarityScoresTwoThemes() throws Exception {
        mvc.perform(post("/api/v1/screening/similarity").with(httpBasic("dept.fire", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"a\":\"防溺水安全教育\",\"b\":\"珍爱生命预防溺水专题讲座\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.similar").value(true));
        mvc.perform(post("/api/v1/screening/similarity").with(httpBasic("dept.fire", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"a\":\"交通安全\",\"b\":\"消防安全\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.similar").value(false));
    }

    @Test
    void theApiNeedsAnAccount() throws Exception {
        mvc.perform(post("/api/v1/screening/similarity").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"a\":\"交通安全\",\"b\":\"消防安全\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theRulesPageListsTheCatalogueForSignedInPeople() throws Exception {
        mvc.perform(get("/screening/rules").with(signedIn.as("dept.fire")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("R2-IRR-COMMERCIAL")))
                .andExpect(content().string(containsString("借机收费")))
                .andExpect(content().string(containsString("筛查规则")));
        mvc.perform(get("/screening/rules").param("lang", "en").with(signedIn.as("expert.edu")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Screening rules")));
    }

    @Test
    void registeredThemesArePersistedAndRebuiltAfterARestart() {
        themes.register("test-item:1", "珍爱生命预防溺水专题讲座");
        themes.register("test-item:2", "禁毒预防教育");
        assertThat(jdbc.sql("SELECT text FROM screening_theme WHERE theme_key = 'test-item:1'").query(String.class).single())
                .isEqualTo("珍爱生命预防溺水专题讲座");

        SimilarThemes restarted = new SimilarThemes(store);
        assertThat(restarted.find("防溺水安全教育", 5)).extracting(SimilarTheme::key).contains("test-item:1")
                .doesNotContain("test-item:2");

        themes.remove("test-item:1");
        assertThat(new SimilarThemes(store).find("防溺水安全教育", 5)).extracting(SimilarTheme::key)
                .doesNotContain("test-item:1");
    }

    @Test
    void aRolledBackRegistrationLeavesNothingBehind() {
        transactions.executeWithoutResult(status -> {
            themes.register("test-item:rolled-back", "航天科普讲座");
            status.setRollbackOnly();
        });
        assertThat(themes.find("航天知识进校园", 5)).extracting(SimilarTheme::key).doesNotContain("test-item:rolled-back");
        assertThat(jdbc.sql("SELECT count(*) FROM screening_theme WHERE theme_key = 'test-item:rolled-back'")
                .query(Long.class).single()).isZero();
    }
}
