package cn.campusgate.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.audit.AuditTrail;
import cn.campusgate.core.Role;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static cn.campusgate.organization.SecurityIT.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18, point 7: nobody can lock another person's account from outside, the lock-out does not tell which names
 * exist, and changing one's password takes the account back (other sessions end, tokens are revoked; common and
 * recent passwords are refused).
 */
@CampusGateTest
class SignInThrottleIT {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Accounts accounts;
    @Autowired Organizations organizations;
    @Autowired AccessTokens tokens;
    @Autowired AuditTrail audit;

    /** A new applicant account whose holder has already chosen {@code password}. */
    private void account(String username, String password) {
        long fire = organizations.ofKind(OrganizationKind.DEPARTMENT).stream()
                .filter(o -> o.name().equals("区消防救援支队")).findFirst().orElseThrow().id();
        String temporary = signedIn.call("admin", () -> accounts.create(new AccountCommand(username, "测试人员", null, null,
                fire, Set.of(Role.APPLICANT), null))).temporaryPassword();
        signedIn.run(username, () -> accounts.changeOwnPassword(temporary, password, password));
    }

    private MvcResult signIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .header("Accept-Language", "zh-CN").with(from(address))).andReturn();
    }

    @Test
    void fiveFailuresFromOneAddressSlowThatAddressDownButTheOwnerElsewhereStillSignsIn() throws Exception {
        account("thr.owner", "Jialing#River2026");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("thr.owner", "guess-" + i, "203.0.113.50").getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error=bad");
        }
        // The sixth try from that address is not even checked, not even with the right password.
        MockHttpServletResponse slowed = signIn("thr.owner", "Jialing#River2026", "203.0.113.50").getResponse();
        assertThat(slowed.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(slowed.getHeader("Retry-After"))).isBetween(1L, 15L * 60);
        // The owner, from their own address, is not locked out.
        assertThat(signIn("thr.owner", "Jialing#River2026", "198.51.100.60").getResponse().getRedirectedUrl())
                .isEqualTo("/");
        assertThat(accounts.findByUsername("thr.owner").orElseThrow().isLocked(java.time.Instant.now())).isFalse();
    }

    @Test
    void anUnknownNameIsAnsweredExactlyAsAKnownOneAlsoAfterFiveFailures() throws Exception {
        account("thr.known", "Jialing#River2026");
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            MockHttpServletResponse a = signIn("thr.known", "guess-" + i, "203.0.113.71").getResponse();
            known.add(System.nanoTime() - started);
            started = System.nanoTime();
            MockHttpServletResponse b = signIn("thr.nobody", "guess-" + i, "203.0.113.72").getResponse();
            unknown.add(System.nanoTime() - started);
            assertThat(b.getStatus()).isEqualTo(a.getStatus()).isEqualTo(302);
            assertThat(b.getRedirectedUrl()).isEqualTo(a.getRedirectedUrl()).isEqualTo("/login?error=bad");
        }
        MockHttpServletResponse a = signIn("thr.known", "guess-5", "203.0.113.71").getResponse();
        MockHttpServletResponse b = signIn("thr.nobody", "guess-5", "203.0.113.72").getResponse();
        assertThat(b.getStatus()).isEqualTo(a.getStatus()).isEqualTo(429);
        assertThat(b.getErrorMessage()).isEqualTo(a.getErrorMessage());
        assertThat(Long.parseLong(b.getHeader("Retry-After"))).isCloseTo(Long.parseLong(a.getHeader("Retry-After")),
                org.assertj.core.data.Offset.offset(1L));
        // Both hash the password (an unknown name against a dummy hash): the times are alike, not 50 times apart.
        known.sort(null);
        unknown.sort(null);
        long knownMedian = known.get(2);
        long unknownMedian = unknown.get(2);
        assertThat(unknownMedian).as("unknown %d ns vs known %d ns", unknownMedian, knownMedian)
                .isBetween(knownMedian / 4, knownMedian * 4);

        // The API's HTTP Basic is the same door: slowed down alike, with a problem detail in Chinese.
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("thr.known", "guess-" + i)).with(from("203.0.113.73")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic("thr.known", "Jialing#River2026")).with(from("203.0.113.73"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("登录失败次数过多")));
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsAndRevokesTheTokens() throws Exception {
        account("thr.change", "Jialing#River2026");
        Cookie here = signIn("thr.change", "Jialing#River2026", "198.51.100.81").getResponse().getCookie("SESSION");
        Cookie elsewhere = signIn("thr.change", "Jialing#River2026", "198.51.100.82").getResponse().getCookie("SESSION");
        assertThat(here).isNotNull();
        assertThat(elsewhere).isNotNull();
        AccessTokens.IssuedToken token = signedIn.call("thr.change", () -> tokens.issue("对接脚本", 30));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.secret())).andExpect(status().isOk());
        mvc.perform(get("/account").cookie(elsewhere)).andExpect(status().isOk());

        mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", "Jialing#River2026")
                        .param("newPassword", "Fishing@Town2027").param("confirmation", "Fishing@Town2027"))
                .andExpect(redirectedUrl("/account"));

        mvc.perform(get("/account").cookie(here)).andExpect(status().isOk());
        mvc.perform(get("/account").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isUnauthorized());
        assertThat(audit.latest("account:thr.change", 10)).anyMatch(e -> e.action().equals("account.password-changed")
                && String.valueOf(e.details()).matches(".*tokensRevoked\\W+1\\b.*"));
    }

    @Test
    void commonPasswordsAndTheLastFiveAreRefusedNamingTheRule() throws Exception {
        account("thr.history", "Jialing#River2026");
        Cookie session = signIn("thr.history", "Jialing#River2026", "198.51.100.91").getResponse().getCookie("SESSION");
        for (String common : List.of("Woaini1314!", "Zhangwei19900815", "P@ssw0rd2026", "Qq123456789!")) {
            String page = mvc.perform(post("/account/password").cookie(session).with(csrf())
                            .header("Accept-Language", "zh-CN").param("currentPassword", "Jialing#River2026")
                            .param("newPassword", common).param("confirmation", common))
                    .andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).as(common).contains("该密码过于常见");
        }
        String[] passwords = {"Jialing#River2026", "Second#Bridge2026", "Third#Harbour2026", "Fourth#Lantern2026",
                "Fifth#Orchard2026"};
        for (int i = 1; i < passwords.length; i++) {
            String current = passwords[i - 1];
            String next = passwords[i];
            signedIn.run("thr.history", () -> accounts.changeOwnPassword(current, next, next));
        }
        // (Changed outside a web request, which ends every session of the account.)
        Cookie again = signIn("thr.history", "Fifth#Orchard2026", "198.51.100.92").getResponse().getCookie("SESSION");
        // The current one and the four before it are the last five: none of them again ...
        for (String used : List.of("Jialing#River2026", "Third#Harbour2026")) {
            String page = mvc.perform(post("/account/password").cookie(again).with(csrf())
                            .header("Accept-Language", "zh-CN").param("currentPassword", "Fifth#Orchard2026")
                            .param("newPassword", used).param("confirmation", used))
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).as(used).contains("不能与最近 5 次使用过的密码相同");
        }
        // ... but after one more change, the oldest may come back.
        signedIn.run("thr.history", () -> accounts.changeOwnPassword("Fifth#Orchard2026", "Sixth#Meadow2026",
                "Sixth#Meadow2026"));
        signedIn.run("thr.history", () -> accounts.changeOwnPassword("Sixth#Meadow2026", "Jialing#River2026",
                "Jialing#River2026"));
    }
}
