package cn.campusgate.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cn.campusgate.SignedIn;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A real outage of the application's database: PostgreSQL stops accepting connections to it and ends the open
 * ones, as it does while restarting. Every request then gets a 503 in the user's language (a problem detail for the
 * API, a page for browsers; not a 500, and not a 401 because the account could not be read), liveness stays up,
 * readiness goes down, and once the database is back the application serves again without a restart.
 */
@ReliabilityTest
class DatabaseOutageIT {

    private static final String PASSWORD = "CampusGate#2026";

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired HikariDataSource dataSource;

    @Test
    void requestsDuringAnOutageGet503AndTheApplicationRecoversByItself() throws Exception {
        mvc.perform(get("/api/v1/approvals/inbox").with(httpBasic("commission", PASSWORD))).andExpect(status().isOk());
        RequestPostProcessor commission = signedIn.as("commission"); // a signed-in browser session, read before

        cutOff(true);
        try {
            mvc.perform(get("/api/v1/approvals/inbox").with(httpBasic("commission", PASSWORD)))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "10"))
                    .andExpect(header().exists("X-Request-Id"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.title").value("服务暂时不可用"))
                    .andExpect(jsonPath("$.detail").value(containsString("数据库")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
            mvc.perform(get("/api/v1/approvals/inbox").with(httpBasic("commission", PASSWORD))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.detail").value(containsString("cannot reach its database")));
            mvc.perform(get("/approvals").with(commission))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(content().string(containsString("系统暂时无法连接数据库")))
                    .andExpect(content().string(containsString("data-testid=\"error-page\"")));
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
        } finally {
            cutOff(false);
        }

        // Hikari retries a failed connection with a back-off that grows to 5 s, so the first answers after the
        // database is back may still be 503 (never anything else); the drill measured 4.6-5.1 s to the first success.
        List<Integer> answers = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            answers.add(mvc.perform(get("/api/v1/approvals/inbox").with(httpBasic("commission", PASSWORD)))
                    .andReturn().getResponse().getStatus());
            return answers.getLast() == 200;
        });
        assertThat(answers).allMatch(status -> status == 200 || status == 503);
        mvc.perform(get("/approvals").with(commission)).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    /** Refuses (or allows again) connections to the application's database and ends the open ones. */
    private void cutOff(boolean off) throws SQLException {
        String url = dataSource.getJdbcUrl();
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection admin = DriverManager.getConnection(url.replace("/" + database, "/template1"),
                dataSource.getUsername(), dataSource.getPassword());
             Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS " + !off);
            if (off) {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        }
    }
}
