package cn.campusgate.hostile;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.campusgate.hostile.Endpoints.Endpoint;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests whose parameters cannot even be decoded, sent over a real port (MockMvc hands parameters over already
 * decoded, so it never meets Tomcat's decoding): a malformed percent-encoding ({@code %FF}, {@code %C3%28}, a cut UTF-8
 * sequence; Java's HTTP client cannot send a non-hex {@code %zz}, which {@code MalformedRequestsTests} covers) or a control character ({@code %00}, {@code %1B}) in the query string of every page and API read of the
 * application (from Spring MVC's handler mapping, as the signed-in user that may read it, or anonymously for the public
 * ones), and in the form body of every page's form. Each is answered 400 (the error page in Chinese; for the API a
 * problem detail in Chinese), changes nothing, and logs no ERROR.
 */
@HostileTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsIT {

    static final List<String> MALFORMED = List.of("x=%FF", "q=%C3%28", "lang=%E4%B8", "x=%00", "x=a%1Bb");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, HttpClient> browsers = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();

    @TestFactory
    Stream<DynamicTest> aMalformedQueryStringIs400OnEveryPageAndApiRead(CapturedOutput output) {
        List<Endpoint> endpoints = Endpoints.reading(mapping);
        assertThat(endpoints).as("reading endpoints found").hasSizeGreaterThan(100);
        DemoIds ids = new DemoIds(jdbc);
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            String path = ids.expand(endpoint);
            List<String> problems = new ArrayList<>();
            int logged = output.length();
            for (String query : MALFORMED) {
                check(endpoint, query, send(endpoint, path + "?" + query, null), problems);
            }
            noErrorLogged(output, logged, "these queries", problems);
            assertThat(problems).as(endpoint + " at " + path).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> aMalformedFormBodyIs400AndChangesNothing(CapturedOutput output) {
        List<Endpoint> forms = Endpoints.writing(mapping).stream()
                .filter(e -> !e.api() && !e.json() && !e.multipart() && e.method().equals("POST")).toList();
        assertThat(forms).as("forms found").hasSizeGreaterThan(50);
        DemoIds ids = new DemoIds(jdbc);
        Fingerprint fingerprint = new Fingerprint(jdbc);
        return forms.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            String path = ids.expand(endpoint);
            List<String> problems = new ArrayList<>();
            String user = HostileInputIT.user(endpoint);
            if (user != null) {
                browser(user, false); // signing in changes the account's last sign-in: not part of what is measured
            }
            for (String body : List.of("title=%FF", "title=%C3%28&_csrf=%", "reason=%E4%B8")) {
                Map<String, String> before = fingerprint.take();
                int logged = output.length();
                check(endpoint, body, send(endpoint, path, body), problems);
                noErrorLogged(output, logged, body, problems);
                Map<String, String> changed = Fingerprint.difference(before, fingerprint.take());
                if (!changed.isEmpty()) {
                    problems.add(body + ": changed " + changed);
                }
            }
            assertThat(problems).as(endpoint + " at " + path).isEmpty();
        }));
    }

    /**
     * A year outside 2000–2100 on any page or API read that takes one ({@code /api/v1/schedule?year=2147483647}
     * answered 500): 400, the range named in Chinese, no ERROR logged.
     */
    @TestFactory
    Stream<DynamicTest> aYearOutOfRangeIs400OnEveryPageAndApiRead(CapturedOutput output) {
        List<Endpoint> endpoints = Endpoints.reading(mapping).stream().filter(e -> !yearParameters(e).isEmpty()).toList();
        assertThat(endpoints).as("reads that take a year").hasSizeGreaterThan(3);
        DemoIds ids = new DemoIds(jdbc);
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            String path = ids.expand(endpoint);
            List<String> problems = new ArrayList<>();
            int logged = output.length();
            for (String year : yearParameters(endpoint)) {
                for (String wrong : List.of("2147483647", "1999", "2101", "-5")) {
                    StringBuilder query = new StringBuilder();
                    for (org.springframework.core.MethodParameter p : endpoint.handler().getMethodParameters()) {
                        var param = p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
                        if (param == null || org.springframework.web.multipart.MultipartFile.class
                                .isAssignableFrom(p.getParameterType())) {
                            continue;
                        }
                        p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                        String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                                : p.getParameterName();
                        String value = name.equals(year) ? wrong : name.equals("school")
                                ? jdbc.sql("select id from organization where kind = 'SCHOOL' order by id limit 1")
                                        .query(String.class).single()
                                : Endpoints.plausible(p.getParameterType(), p.getGenericParameterType(), name);
                        query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
                    }
                    HttpResponse<String> answer = send(endpoint, path + query, null);
                    check(endpoint, year + "=" + wrong, answer, problems);
                    if (answer.statusCode() == 400 && !answer.body().contains("2000 至 2100")) {
                        problems.add(year + "=" + wrong + ": the answer does not name the range: "
                                + abbreviate(answer.body()));
                    }
                }
            }
            noErrorLogged(output, logged, "these years", problems);
            assertThat(problems).as(endpoint + " at " + path).isEmpty();
        }));
    }

    private static List<String> yearParameters(Endpoint endpoint) {
        List<String> names = new ArrayList<>();
        for (org.springframework.core.MethodParameter p : endpoint.handler().getMethodParameters()) {
            var param = p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
            p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            if (param != null && (p.getParameterType() == int.class || p.getParameterType() == Integer.class)) {
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                        : p.getParameterName();
                if (name.equals("year") || name.endsWith("Year")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private void check(Endpoint endpoint, String sent, HttpResponse<String> answer, List<String> problems) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (answer.statusCode() != 400) {
            problems.add(sent + ": " + answer.statusCode() + " " + abbreviate(answer.body()));
            return;
        }
        if (answer.body().contains("Exception") || answer.body().contains("\tat ")) {
            problems.add(sent + ": the answer shows a stack trace: " + abbreviate(answer.body()));
        }
        if (endpoint.api()) {
            if (!type.startsWith("application/problem+json")) {
                problems.add(sent + ": answered as " + type + ", not a problem detail");
                return;
            }
            JsonNode problem = json.readTree(answer.body());
            if (!HAN.matcher(problem.path("detail").asString("")).find()) {
                problems.add(sent + ": problem detail without a Chinese message: " + answer.body());
            }
        } else if (!type.startsWith("text/html") || !answer.body().contains("data-testid=\"error-page\"")
                || !HAN.matcher(answer.body()).find()) {
            problems.add(sent + ": not the Chinese error page: " + type + " " + abbreviate(answer.body()));
        }
    }

    private static void noErrorLogged(CapturedOutput output, int from, String sent, List<String> problems) {
        String logged = output.subSequence(Math.min(from, output.length()), output.length()).toString();
        logged.lines().filter(line -> line.contains(" ERROR ") || line.startsWith("ERROR")).findFirst()
                .ifPresent(line -> problems.add(sent + ": logged " + line));
    }

    private HttpResponse<String> send(Endpoint endpoint, String pathAndQuery, String formBody) throws Exception {
        String user = HostileInputIT.user(endpoint);
        HttpClient browser = user == null ? HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                : browser(user, endpoint.api());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("Accept-Language", "zh-CN")
                .header("Accept", endpoint.api() ? "application/json" : "text/html");
        if (user != null && endpoint.api()) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":CampusGate#2026").getBytes(StandardCharsets.UTF_8)));
        }
        if (formBody != null) {
            String token = user == null || endpoint.api() ? "" : "&_csrf=" + tokens.get(user);
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formBody + token));
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser signed in as the user through the real sign-in form (the API uses HTTP Basic instead). */
    private HttpClient browser(String user, boolean api) throws Exception {
        if (api) {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        }
        HttpClient existing = browsers.get(user);
        if (existing != null) {
            return existing;
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + user + "&password=" + java.net.URLEncoder.encode("CampusGate#2026",
                StandardCharsets.UTF_8) + "&_csrf=" + token(login);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as("sign-in of " + user).doesNotContain("error");
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/account")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        tokens.put(user, token(page));
        browsers.put(user, browser);
        return browser;
    }

    private static String token(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
