package cn.campusgate.notification;

import java.util.List;
import java.util.Set;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.AccountCommand;
import cn.campusgate.organization.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * Each person reads, follows and marks their own notices; nobody else's. Mail is not configured here, so
 * notices are in-app only. Uses the user-facing message {@code organization.created} as the notice text.
 */
@CampusGateTest
class NotificationsIT {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Notifications notifications;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private long id(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    private long latestNotice(String username) {
        return jdbc.sql("SELECT max(id) FROM notification WHERE account_id = :account")
                .param("account", id(username)).query(Long.class).single();
    }

    private static Notice notice(String text) {
        return new Notice("organization.created", List.of(text), "/admin/organizations?q=" + text.length());
    }

    @Test
    void aNoticeIsListedInTheReadersLanguageAndCountedInTheHeader() throws Exception {
        long before = notifications.unreadCount(id("admin"));
        notifications.send(List.of(id("admin")), notice("列表测试机构"));
        assertThat(notifications.unreadCount(id("admin"))).isEqualTo(before + 1);

        String page = mvc.perform(get("/notifications").with(signedIn.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("已新增“列表测试机构”。"),
                        containsString("data-testid=\"unread-count\">" + (before + 1) + "</span>"),
                        containsString("未读"),
                        not(containsString("??")))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).as("the time as officials write it").containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
        mvc.perform(get("/notifications").param("lang", "en").with(signedIn.as("admin")))
                .andExpect(content().string(allOf(containsString("&quot;列表测试机构&quot; has been created."),
                        containsString("Unread"), not(containsString("??")))));
        // A date in a notice reads as each language writes dates.
        notifications.send(List.of(id("admin")), new Notice("notice.approval.reminded",
                List.of("日期测试事项", "2031-03-07"), "/items/1"));
        mvc.perform(get("/notifications").with(signedIn.as("admin")))
                .andExpect(content().string(containsString("2031年3月7日")));
        mvc.perform(get("/notifications").param("lang", "en").with(signedIn.as("admin")))
                .andExpect(content().string(containsString("7 Mar 2031")))
                .andExpect(content().string(not(containsString("2031年3月7日"))));
        // every page's header carries the badge
        mvc.perform(get("/").with(signedIn.as("admin")))
                .andExpect(content().string(containsString("data-testid=\"unread-count\">" + (before + 2) + "</span>")));
    }

    @Test
    void aRoleOfAnOrganisationIsNotifiedAsAWhole() throws Exception {
        Account commission = accounts.findByUsername("commission").orElseThrow();
        notifications.sendToRole(commission.organizationId(), Role.COMMISSION_REVIEWER, notice("角色通知测试"));
        mvc.perform(get("/notifications").with(signedIn.as("commission")))
                .andExpect(content().string(containsString("已新增“角色通知测试”。")));
        // the administrator of the district holds no such role there
        mvc.perform(get("/notifications").with(signedIn.as("admin")))
                .andExpect(content().string(not(containsString("角色通知测试"))));
    }

    @Test
    void followingANoticeMarksItReadAndLeadsToItsPage() throws Exception {
        notifications.send(List.of(id("admin")), notice("打开测试"));
        long notice = latestNotice("admin");
        mvc.perform(post("/notifications/{id}/open", notice).with(signedIn.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/organizations?q=4"));
        assertThat(isRead(notice)).isTrue();
    }

    @Test
    void markingOneAndMarkingAll() throws Exception {
        notifications.send(List.of(id("dept.fire")), notice("已读测试一"));
        long first = latestNotice("dept.fire");
        notifications.send(List.of(id("dept.fire")), notice("已读测试二"));
        long unread = notifications.unreadCount(id("dept.fire"));
        assertThat(unread).isGreaterThanOrEqualTo(2);

        mvc.perform(post("/notifications/{id}/read", first).with(signedIn.as("dept.fire")).with(csrf()))
                .andExpect(redirectedUrl("/notifications?page=1"));
        assertThat(isRead(first)).isTrue();
        assertThat(notifications.unreadCount(id("dept.fire"))).isEqualTo(unread - 1);

        mvc.perform(post("/notifications/read-all").with(signedIn.as("dept.fire")).with(csrf()))
                .andExpect(redirectedUrl("/notifications"))
                .andExpect(flash().attribute("notice", "已将 " + (unread - 1) + " 条通知标为已读。"));
        assertThat(notifications.unreadCount(id("dept.fire"))).isZero();
        mvc.perform(get("/notifications").with(signedIn.as("dept.fire")))
                .andExpect(content().string(allOf(containsString("已读测试二"), not(containsString("data-testid=\"unread-count\"")),
                        not(containsString("data-testid=\"read-all\"")))));
    }

    @Test
    void anotherPersonCannotReadOrMarkYourNotices() throws Exception {
        notifications.send(List.of(id("admin")), notice("别人的通知"));
        long notice = latestNotice("admin");
        mvc.perform(post("/notifications/{id}/read", notice).with(signedIn.as("commission")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/notifications/{id}/open", notice).with(signedIn.as("commission")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/notifications").with(signedIn.as("commission")))
                .andExpect(content().string(not(containsString("别人的通知"))));
        assertThat(isRead(notice)).isFalse();
        // without the CSRF token nothing happens either
        mvc.perform(post("/notifications/{id}/read", notice).with(signedIn.as("admin")))
                .andExpect(status().isForbidden());
        assertThat(isRead(notice)).isFalse();
        mvc.perform(get("/notifications")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void inactiveAccountsGetNothingAndAnUnknownAccountFailsTheWholeSend() {
        Account sleeper = signedIn.call("admin", () -> accounts.create(new AccountCommand("notice.sleeper", "停用者",
                null, null, accounts.findByUsername("commission").orElseThrow().organizationId(),
                Set.of(Role.COMMISSION_REVIEWER), null)).account());
        signedIn.run("admin", () -> accounts.deactivate(sleeper.id()));
        notifications.send(List.of(sleeper.id()), notice("停用账号"));
        notifications.sendToRole(sleeper.organizationId(), Role.COMMISSION_REVIEWER, notice("停用账号"));
        assertThat(notifications.unreadCount(sleeper.id())).isZero();

        long before = notifications.unreadCount(id("admin"));
        assertThatThrownBy(() -> notifications.send(List.of(id("admin"), 987_654_321L), notice("未知账号")))
                .isInstanceOf(NotFound.class);
        assertThat(notifications.unreadCount(id("admin"))).isEqualTo(before);
    }

    @Test
    void withoutMailNoMailIsQueued() {
        notifications.send(List.of(id("admin")), notice("不发邮件"));
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%NoticeMailRequested'")
                .query(Long.class).single()).isZero();
    }

    private boolean isRead(long notice) {
        return jdbc.sql("SELECT read_at IS NOT NULL FROM notification WHERE id = :id").param("id", notice)
                .query(Boolean.class).single();
    }
}
