package cn.campusgate.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The public budget on the real filter chain ({@link HostileTest} lowers it to {@value HostileTest#READS_PER_MINUTE}
 * reads and {@value HostileTest#WRITES_PER_MINUTE} writes a minute per client address): beyond it a public page
 * answers 429 with Retry-After and the error page in Chinese (over a real port, where Tomcat renders error pages),
 * and the public API 429 with Retry-After and a problem detail in Chinese, while another address is still served.
 */
@HostileTest
class PublicRateLimitIT {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPublicPageBeyondTheBudgetIs429WithRetryAfterAndAChinesePage() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest whitelist = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/whitelist"))
                .header("Accept", "text/html").header("Accept-Language", "zh-CN").build();
        int served = 0;
        HttpResponse<String> answer = client.send(whitelist, HttpResponse.BodyHandlers.ofString());
        while (answer.statusCode() == 200 && served < 10 * HostileTest.READS_PER_MINUTE) {
            served++;
            answer = client.send(whitelist, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(served).isGreaterThanOrEqualTo(HostileTest.READS_PER_MINUTE);
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(answer.body()).contains("请求过于频繁").doesNotContain("Exception");
    }

    @Test
    void thePublicApiBeyondTheBudgetIs429WithRetryAfterAndAProblemDetailInChinese() throws Exception {
        MockHttpServletResponse answer = complaint("203.0.113.5");
        int accepted = 0;
        while (answer.getStatus() != 429 && accepted < 10 * HostileTest.WRITES_PER_MINUTE) {
            assertThat(answer.getStatus()).isEqualTo(400);
            accepted++;
            answer = complaint("203.0.113.5");
        }

        assertThat(accepted).isGreaterThanOrEqualTo(HostileTest.WRITES_PER_MINUTE);
        assertThat(answer.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(answer.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(answer.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(answer.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asString()).contains("请求过于频繁");
        // The budget is the client's own: another address is still answered.
        assertThat(complaint("203.0.113.6").getStatus()).isEqualTo(400);
    }

    /** An empty complaint: refused (400) after the budget was spent on it, so nothing is filed. */
    private MockHttpServletResponse complaint(String address) throws Exception {
        return mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .header("Accept-Language", "zh-CN").with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn().getResponse();
    }
}
