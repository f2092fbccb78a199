package cn.campusgate.calendar;

import java.time.LocalDate;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An administrator keeps the working-day calendar through its page; the arithmetic follows at once; every
 * change is audited and bad input changes nothing. Works in 2031 so that no other test's deadlines move.
 */
@CampusGateTest
class CalendarAdministrationIT {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired WorkingCalendar calendar;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    private long days(int year) {
        return jdbc.sql("SELECT count(*) FROM calendar_day WHERE extract(year FROM day) = :year")
                .param("year", year).query(Long.class).single();
    }

    @Test
    void theSeededYearIsShownAndCountsFromTheDatabase() throws Exception {
        mvc.perform(get("/admin/calendar").param("year", "2026").with(signedIn.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("2026年工作日历"),
                        containsString("已登记：放假 33 天，调休上班 6 天"),
                        containsString("data-day=\"2026-10-01\" data-kind=\"holiday\""),
                        containsString("data-day=\"2026-02-14\" data-kind=\"adjusted\""),
                        containsString("2026年10月10日"),
                        containsString("国庆节调休上班"),
                        containsString("data-testid=\"configured\""),
                        not(containsString("??")))));
        mvc.perform(get("/admin/calendar").param("year", "2026").param("lang", "en").with(signedIn.as("admin")))
                .andExpect(content().string(allOf(containsString("Working-day calendar 2026"),
                        containsString("Listed: 33 holidays, 6 adjusted working days"), containsString("10 Oct 2026"),
                        not(containsString("??")))));
        mvc.perform(get("/admin/calendar").param("year", "2027").with(signedIn.as("admin")))
                .andExpect(content().string(allOf(containsString("data-testid=\"unconfigured\""),
                        containsString("2027年节假日安排尚未配置"))));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.isConfigured(2026)).isTrue();
        assertThat(calendar.isConfigured(2027)).isFalse();
    }

    @Test
    void anAdministratorAddsAndRemovesADayAndTheCalendarFollows() throws Exception {
        LocalDate labourDay = LocalDate.of(2031, 5, 1); // a Thursday
        assertThat(calendar.isWorkingDay(labourDay)).isTrue();

        mvc.perform(post("/admin/calendar/2031/days").with(signedIn.as("admin")).with(csrf())
                        .param("day", "2031-05-01").param("kind", "HOLIDAY").param("name", "劳动节"))
                .andExpect(redirectedUrl("/admin/calendar?year=2031"))
                .andExpect(flash().attribute("notice", "已添加2031年5月1日：劳动节。"));
        assertThat(calendar.isWorkingDay(labourDay)).as("read again after the change committed").isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.of(2031, 4, 30), 1)).isEqualTo(LocalDate.of(2031, 5, 2));
        mvc.perform(get("/admin/calendar").param("year", "2031").with(signedIn.as("admin")))
                .andExpect(content().string(allOf(containsString("data-day=\"2031-05-01\" data-kind=\"holiday\""),
                        containsString("2031年5月1日"))));
        assertThat(audit.latest("calendar:2031-05-01", 5))
                .anyMatch(e -> e.action().equals("calendar.day-added") && e.actor().equals("admin")
                        && e.detailMap().get("name").equals("劳动节"));

        mvc.perform(post("/admin/calendar/2031/days/2031-05-01/remove").with(signedIn.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar?year=2031"))
                .andExpect(flash().attribute("notice", "已删除2031年5月1日：劳动节。"));
        assertThat(calendar.isWorkingDay(labourDay)).isTrue();
        assertThat(audit.latest("calendar:2031-05-01", 5)).anyMatch(e -> e.action().equals("calendar.day-removed"));
        mvc.perform(get("/admin/audit").param("q", "calendar:2031").with(signedIn.as("admin")))
                .andExpect(content().string(allOf(containsString("添加放假日或调休上班日"),
                        containsString("删除放假日或调休上班日"))));
    }

    @Test
    void badInputGetsAClearMessageAndChangesNothing() throws Exception {
        long auditBefore = audit.count();
        long before = days(2031);
        // a date outside the year
        mvc.perform(post("/admin/calendar/2031/days").with(signedIn.as("admin")).with(csrf())
                        .param("day", "2032-01-01").param("kind", "HOLIDAY").param("name", "元旦"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("所选日期不在2031年内")));
        // an adjusted working day on a weekday, in English
        mvc.perform(post("/admin/calendar/2031/days").with(signedIn.as("admin")).with(csrf()).param("lang", "en")
                        .param("day", "2031-05-07").param("kind", "ADJUSTED_WORKDAY").param("name", "调休"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("An adjusted working day must be a Saturday or a Sunday")));
        // a malformed date, then a blank name: field messages
        mvc.perform(post("/admin/calendar/2031/days").with(signedIn.as("admin")).with(csrf())
                        .param("day", "2031-02-30").param("kind", "HOLIDAY").param("name", "春节"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("请检查标红的栏目"), containsString("格式不正确"))));
        mvc.perform(post("/admin/calendar/2031/days").with(signedIn.as("admin")).with(csrf())
                        .param("day", "2031-01-01").param("kind", "HOLIDAY").param("name", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("请检查标红的栏目"), containsString("请填写名称"))));
        // a year out of range
        mvc.perform(post("/admin/calendar/1990/days").with(signedIn.as("admin")).with(csrf())
                        .param("day", "1990-10-01").param("kind", "HOLIDAY").param("name", "国庆节"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("年份应在 2000 至 2100 年之间")));
        assertThat(days(2031)).isEqualTo(before);

        // a duplicate: the second entry for 2026-10-01 is refused, the first stays as it was
        mvc.perform(post("/admin/calendar/2026/days").with(signedIn.as("admin")).with(csrf())
                        .param("day", "2026-10-01").param("kind", "HOLIDAY").param("name", "重复"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该日期已登记为“国庆节”")));
        assertThat(jdbc.sql("SELECT name FROM calendar_day WHERE day = DATE '2026-10-01'").query(String.class).single())
                .isEqualTo("国庆节");
        // removing a day that is not listed
        mvc.perform(post("/admin/calendar/2031/days/2031-06-03/remove").with(signedIn.as("admin")).with(csrf()))
                .andExpect(flash().attribute("problem", "该日期没有登记，无需删除。"));
        assertThat(audit.count()).as("nothing was audited because nothing changed").isEqualTo(auditBefore);
    }

    @Test
    void aYearIsMarkedConfiguredOnce() throws Exception {
        assertThat(calendar.isConfigured(2032)).isFalse();
        mvc.perform(post("/admin/calendar/2032/configured").with(signedIn.as("admin")).with(csrf())
                        .param("note", "测试用安排"))
                .andExpect(flash().attribute("notice", "2032年节假日安排已确认。"));
        assertThat(calendar.isConfigured(2032)).isTrue();
        assertThat(audit.latest("calendar:2032", 5)).anyMatch(e -> e.action().equals("calendar.year-configured"));
        mvc.perform(get("/admin/calendar").param("year", "2032").with(signedIn.as("admin")))
                .andExpect(content().string(allOf(containsString("2032年节假日安排已由 admin 于"),
                        containsString("测试用安排"))));
        mvc.perform(post("/admin/calendar/2032/configured").with(signedIn.as("admin")).with(csrf()))
                .andExpect(flash().attribute("problem", "2032年的节假日安排已经确认过。"));
    }

    @Test
    void onlyAdministratorsKeepTheCalendar() throws Exception {
        mvc.perform(get("/admin/calendar").with(signedIn.as("commission"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/2031/days").with(signedIn.as("commission")).with(csrf())
                        .param("day", "2031-10-01").param("kind", "HOLIDAY").param("name", "国庆节"))
                .andExpect(status().isForbidden());
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 10, 1))).isTrue();
    }

    @Test
    void administratorsSeeTheCalendarInTheirNavigationAndTheirToDos() throws Exception {
        mvc.perform(get("/").with(signedIn.as("admin")))
                .andExpect(content().string(containsString("data-nav=\"/admin/calendar\"")));
        mvc.perform(get("/").with(signedIn.as("commission")))
                .andExpect(content().string(not(containsString("data-nav=\"/admin/calendar\""))));
    }
}
