package cn.campusgate.organization;

import java.util.Set;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.audit.AuditTrail;
import cn.campusgate.core.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in rules: lock-out, forced password change, CSRF, HTTP Basic and personal access tokens. */
@CampusGateTest
class SecurityIT {

    static final String DEMO_PASSWORD = "CampusGate#2026";

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Accounts accounts;
    @Autowired Organizations organizations;
    @Autowired AccessTokens tokens;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    /** A new applicant account at the fire brigade; returns its temporary password. */
    private String newAccount(String username) {
        long fire = organizations.ofKind(OrganizationKind.DEPARTMENT).stream()
                .filter(o -> o.name().equals("区消防救援支队")).findFirst().orElseThrow().id();
        return signedIn.call("admin", () -> accounts.create(new AccountCommand(username, "测试人员", null, null, fire,
                Set.of(Role.APPLICANT), null))).temporaryPassword();
    }

    @Test
    void signingInWithTheRightPasswordLeadsHome() throws Exception {
        mvc.perform(formLogin("/login").user("dept.police").password(DEMO_PASSWORD))
                .andExpect(redirectedUrl("/"));
        assertThat(audit.latest("account:dept.police", 10)).anyMatch(e -> e.action().equals("account.signed-in"));
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited() throws Exception {
        String temporary = newAccount("sec.wrong");
        mvc.perform(formLogin("/login").user("sec.wrong").password("not-" + temporary))
                .andExpect(redirectedUrl("/login?error=bad"));
        assertThat(audit.latest("account:sec.wrong", 10)).anyMatch(e -> e.action().equals("account.sign-in-failed"));
    }

    @Test
    void failedSignInsFromManyAddressesLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
        String temporary = newAccount("sec.lockout");
        // 50 in a row, 5 from each of 10 addresses (one address alone is slowed down first: SignInThrottleIT).
        for (int i = 0; i < 50; i++) {
            signIn("sec.lockout", "wrong-" + i, "198.18.1." + (i / 5)).andExpect(redirectedUrl("/login?error=bad"));
        }
        // Locked: a wrong password is still just wrong (as for a name that does not exist) ...
        signIn("sec.lockout", "wrong-again", "198.18.1.200").andExpect(redirectedUrl("/login?error=bad"));
        // ... only the right one learns of the lock.
        signIn("sec.lockout", temporary, "198.18.1.201").andExpect(redirectedUrl("/login?error=locked"));
        mvc.perform(get("/api/v1/me").with(httpBasic("sec.lockout", temporary)).with(from("198.18.1.202")))
                .andExpect(status().isUnauthorized());

        Account locked = accounts.findByUsername("sec.lockout").orElseThrow();
        signedIn.run("admin", () -> accounts.unlock(locked.id()));
        signIn("sec.lockout", temporary, "198.18.1.203").andExpect(redirectedUrl("/"));
        assertThat(audit.latest("account:sec.lockout", 80)).extracting(e -> e.action())
                .contains("account.locked", "account.unlocked");
    }

    @Test
    void paddedUserNamesCountTowardsTheSameBudgetAndLockOut() throws Exception {
        String temporary = newAccount("sec.padded");
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("sec.padded\u3000", "wrong-" + i)).with(from("198.18.2.1")))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(accounts.findByUsername("sec.padded").orElseThrow().failedLogins()).isEqualTo(5);
        // The same address is now slowed down for the plain name too.
        signIn("SEC.padded", temporary, "198.18.2.1").andExpect(status().isTooManyRequests());
        signIn("sec.padded", temporary, "198.18.2.2").andExpect(redirectedUrl("/"));
    }

    private org.springframework.test.web.servlet.ResultActions signIn(String username, String password, String address)
            throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(address)));
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void deactivatingAnAccountEndsItsOpenSessions() throws Exception {
        String temporary = newAccount("sec.session");
        Account account = accounts.findByUsername("sec.session").orElseThrow();
        var signIn = mvc.perform(formLogin("/login").user("sec.session").password(temporary)).andReturn();
        var session = signIn.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk());
        signedIn.run("admin", () -> accounts.deactivate(account.id()));
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aTokenDoesNotAuthenticateWebPages() throws Exception {
        AccessTokens.IssuedToken issued = signedIn.call("district", () -> tokens.issue("页面测试", 30));
        mvc.perform(get("/").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anInitialPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        String temporary = newAccount("sec.initial");
        mvc.perform(get("/").with(signedIn.as("sec.initial"))).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/v1/me").with(httpBasic("sec.initial", temporary)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:campusgate:problem:password-change-required"));

        // a weak new password is refused with a reason, and nothing changes
        mvc.perform(post("/account/password").with(signedIn.as("sec.initial")).with(csrf())
                        .param("currentPassword", temporary).param("newPassword", "short").param("confirmation", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码至少需要 10 位")));
        assertThat(accounts.findByUsername("sec.initial").orElseThrow().mustChangePassword()).isTrue();

        mvc.perform(post("/account/password").with(signedIn.as("sec.initial")).with(csrf())
                        .param("currentPassword", temporary).param("newPassword", "Hechuan-2026-ok")
                        .param("confirmation", "Hechuan-2026-ok"))
                .andExpect(redirectedUrl("/login?changed"));
        assertThat(accounts.findByUsername("sec.initial").orElseThrow().mustChangePassword()).isFalse();
        mvc.perform(get("/api/v1/me").with(httpBasic("sec.initial", "Hechuan-2026-ok")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("sec.initial"))
                .andExpect(jsonPath("$.roles[0]").value("APPLICANT"));
    }

    @Test
    void aPasswordOlderThanNinetyDaysMustBeChangedBeforeAnythingElse() throws Exception {
        String temporary = newAccount("sec.aged");
        signedIn.run("sec.aged", () -> accounts.changeOwnPassword(temporary, "Hechuan-2026-aged", "Hechuan-2026-aged"));
        mvc.perform(get("/api/v1/me").with(httpBasic("sec.aged", "Hechuan-2026-aged"))).andExpect(status().isOk());

        jdbc.sql("UPDATE account SET password_changed_at = now() - interval '91 days' WHERE username = 'sec.aged'")
                .update();
        mvc.perform(get("/api/v1/me").with(httpBasic("sec.aged", "Hechuan-2026-aged")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:campusgate:problem:password-change-required"));
        mvc.perform(get("/").with(signedIn.as("sec.aged"))).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").with(signedIn.as("sec.aged")))
                .andExpect(content().string(containsString("您的密码已连续使用超过规定期限（90 天）")));

        mvc.perform(post("/account/password").with(signedIn.as("sec.aged")).with(csrf())
                        .param("currentPassword", "Hechuan-2026-aged").param("newPassword", "Hechuan-2026-new")
                        .param("confirmation", "Hechuan-2026-new"))
                .andExpect(redirectedUrl("/login?changed"));
        mvc.perform(get("/api/v1/me").with(httpBasic("sec.aged", "Hechuan-2026-new"))).andExpect(status().isOk());
    }

    @Test
    void formsWithoutACsrfTokenAreRejected() throws Exception {
        mvc.perform(post("/admin/organizations").with(signedIn.as("admin")).param("kind", "SCHOOL").param("name", "无令牌学校"))
                .andExpect(status().isForbidden());
        assertThat(organizations.ofKind(OrganizationKind.SCHOOL)).noneMatch(o -> o.name().equals("无令牌学校"));
    }

    @Test
    void apiErrorsAreProblemDetailsInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/me").header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail").value(containsString("请先登录")));
        mvc.perform(get("/api/v1/me").header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("Please sign in")));
        mvc.perform(get("/api/v1/me").with(httpBasic("admin", "wrong password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aPersonalAccessTokenAuthenticatesUntilRevoked() throws Exception {
        AccessTokens.IssuedToken issued = signedIn.call("supervisor", () -> tokens.issue("督导数据对接", 30));
        assertThat(issued.secret()).startsWith("cg_");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("supervisor"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer cg_forged0000000000000000000000000000000000"))
                .andExpect(status().isUnauthorized());
        signedIn.run("supervisor", () -> tokens.revoke(issued.token().id()));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aWebSessionDoesNotAuthenticateTheApiSoTheApiNeedsNoCsrfToken() throws Exception {
        var signIn = mvc.perform(formLogin("/login").user("town.erlang").password(DEMO_PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        var session = signIn.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
    }
}
