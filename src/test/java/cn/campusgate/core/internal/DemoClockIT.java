package cn.campusgate.core.internal;

import java.time.Clock;
import java.time.LocalDate;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.core.DemoClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 演示时钟: an administrator moves the application's date forward, never back, through the page or the API with the
 * same rules; each move is audited, shown in everyone's header and read by every node from PostgreSQL. On a database
 * of its own, because the date it moves is every test's.
 */
@CampusGateTest
@TestPropertySource(properties = "campusgate.test-context=demo-clock")
class DemoClockIT {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired DemoClock demoClock;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;

    private long audited() {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'demo-clock.moved'").query(Long.class).single();
    }

    @Test
    void theDateMovesForwardOnlyByAnAdministratorAuditedShownToEveryoneAndOnEveryNode() throws Exception {
        DemoClock.State before = demoClock.state();
        LocalDate real = before.realToday();
        LocalDate today = before.today();
        mvc.perform(get("/api/v1/admin/demo-clock").with(signedIn.as("admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.today").value(today.toString()))
                .andExpect(jsonPath("$.realToday").value(real.toString()));

        // Not back, not to today, not by anyone else; nothing changes.
        long auditedBefore = audited();
        mvc.perform(post("/api/v1/admin/demo-clock").with(signedIn.as("admin")).contentType("application/json")
                        .content("{\"date\":\"" + today.minusDays(3) + "\",\"version\":" + before.version() + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("演示时钟只能向后调")));
        mvc.perform(post("/api/v1/admin/demo-clock").with(signedIn.as("admin")).contentType("application/json")
                        .header("Accept-Language", "en")
                        .content("{\"date\":\"" + today + "\",\"version\":" + before.version() + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("only moves forward")));
        mvc.perform(post("/api/v1/admin/demo-clock").with(signedIn.as("commission")).contentType("application/json")
                        .content("{\"date\":\"" + today.plusDays(8) + "\",\"version\":" + before.version() + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/demo-clock").with(signedIn.as("admin")).contentType("application/json")
                        .content("{\"date\":\"" + today.plusDays(8) + "\",\"version\":" + (before.version() + 7) + "}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/admin/demo-clock").with(signedIn.as("admin")).contentType("application/json")
                        .content("{\"version\":" + before.version() + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("请填写新的系统日期")));
        mvc.perform(post("/admin/demo-clock").with(signedIn.as("admin")).with(csrf()).param("date", "")
                        .param("version", String.valueOf(before.version())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-testid=\"field-problems\"")));
        assertThat(demoClock.state().today()).isEqualTo(today);
        assertThat(audited()).isEqualTo(auditedBefore);
        mvc.perform(get("/").with(signedIn.as("district")))
                .andExpect(content().string(not(containsString("data-testid=\"demo-clock-badge\""))));

        // Eight days on, through the API: the whole application's date, audited.
        mvc.perform(post("/api/v1/admin/demo-clock").with(signedIn.as("admin")).contentType("application/json")
                        .content("{\"date\":\"" + today.plusDays(8) + "\",\"version\":" + before.version() + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.today").value(today.plusDays(8).toString()))
                .andExpect(jsonPath("$.shifted").value(true));
        assertThat(LocalDate.now(clock)).isEqualTo(today.plusDays(8));
        assertThat(audited()).isEqualTo(auditedBefore + 1);
        assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE action = 'demo-clock.moved' ORDER BY seq DESC LIMIT 1")
                .query(String.class).single()).contains("\"to\":\"" + today.plusDays(8) + "\"");

        // Everyone's header says so, in their language.
        mvc.perform(get("/").with(signedIn.as("district")))
                .andExpect(content().string(allOf(containsString("data-testid=\"demo-clock-badge\""),
                        containsString("演示日期"))));
        mvc.perform(get("/").param("lang", "en").with(signedIn.as("school.sentinel")))
                .andExpect(content().string(containsString("Demo date")));

        // Another node reads the offset from the database.
        DatabaseDemoClock otherNode = new DatabaseDemoClock(jdbc, events, transactions, Clock.system(TimeConfiguration.CHINA));
        try {
            otherNode.refresh();
            assertThat(LocalDate.now(otherNode.clock())).isEqualTo(today.plusDays(8));
        } finally {
            otherNode.destroy();
        }

        // Through the page, one more day; then the page refuses going back with the rule in the user's language.
        int version = demoClock.state().version();
        mvc.perform(post("/admin/demo-clock").with(signedIn.as("admin")).with(csrf())
                        .param("date", today.plusDays(9).toString()).param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/demo-clock"));
        assertThat(demoClock.state().today()).isEqualTo(today.plusDays(9));
        mvc.perform(post("/admin/demo-clock").with(signedIn.as("admin")).with(csrf())
                        .param("date", today.plusDays(2).toString()).param("version", String.valueOf(version + 1)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("演示时钟只能向后调")));
        mvc.perform(get("/admin/demo-clock").with(signedIn.as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("data-testid=\"demo-clock-today\""),
                        not(containsString("??")))));
        assertThat(demoClock.state().today()).isEqualTo(today.plusDays(9));
        assertThat(audited()).isEqualTo(auditedBefore + 2);
        assertThat(mvc.perform(get("/api/v1/audit/verify").with(signedIn.as("admin"))).andReturn().getResponse()
                .getContentAsString()).contains("\"valid\":true");
    }
}
