package cn.campusgate.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.campusgate.SignedIn;
import cn.campusgate.hostile.Endpoints.Endpoint;
import cn.campusgate.hostile.Endpoints.Field;
import cn.campusgate.hostile.HostileCorpus.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every writing endpoint of the application (read from Spring MVC's handler mapping, so a new form or API endpoint
 * is covered without touching this test) gets the hostile corpus in each of its fields, one field at a time with the
 * others plausible, then all fields missing, wrong types, duplicated parameters and, for JSON, broken documents:
 * <ul>
 *   <li>never a 5xx, never a stack trace or exception name in the answer;</li>
 *   <li>a refusal carries a message in Chinese: a problem detail for the API, the re-rendered form or a redirect
 *       with the flashed problem for pages;</li>
 *   <li>a refused request changes no application table ({@link Fingerprint});</li>
 *   <li>no HTML answer, nor the page an accepted form leads to, contains the corpus's markup unescaped.</li>
 * </ul>
 * Each field gets the script tag and {@value #SAMPLE} further corpus values chosen deterministically by rotation
 * (over all fields of all endpoints every value is sent many times); the cross product would be ~25 times longer.
 */
@HostileTest
class HostileInputIT {

    static final int SAMPLE = 2;
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final List<String> LEAKS = List.of("Exception:", "\tat ", "at org.", "at java.", "Caused by",
            "SQLException", "org.postgresql", "NullPointerException", "IllegalStateException", "Whitelabel");
    private static final Value SCRIPT = HostileCorpus.all().getFirst();
    private static final AtomicLong CLIENTS = new AtomicLong();
    private static final Map<String, AtomicInteger> OUTCOMES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Who may use which part of the application (the first matching prefix wins); public paths need nobody. */
    private static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("/campaigns/{id}/survey", "dept.health");
        USERS.put("/campaigns", "commission");
        USERS.put("/whitelists/{id}/approve", "district");
        USERS.put("/whitelists", "commission");
        USERS.put("/evaluation/activities", "school.sentinel");
        USERS.put("/evaluation/ratings", "school.sentinel");
        USERS.put("/evaluation", "commission");
        USERS.put("/alerts", "commission");
        USERS.put("/api/v1/alerts", "commission");
        USERS.put("/api/v1/sentinel", "school.sentinel");
        USERS.put("/sentinel", "school.sentinel");
        USERS.put("/api/v1/plans", "dept.health");
        USERS.put("/plans", "dept.health");
        USERS.put("/api/v1/screening", "dept.fire");
        USERS.put("/notifications", "dept.fire");
        USERS.put("/supervision/extensions", "supervisor");
        USERS.put("/supervision/measures", "dept.fire");
        USERS.put("/supervision", "supervisor");
        USERS.put("/admin", "admin");
        USERS.put("/committee/reviews", "expert.edu");
        USERS.put("/committee/items", "dept.fire");
        USERS.put("/committee", "secretary");
        USERS.put("/api/v1/items", "dept.fire");
        USERS.put("/items", "dept.fire");
        USERS.put("/api/v1/organizations", "admin");
        USERS.put("/api/v1/accounts", "admin");
        USERS.put("/account", "dept.justice");
        USERS.put("/approvals", "commission");
        USERS.put("/api/v1/approvals", "commission");
    }

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    private final JsonMapper json = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> everyWritingEndpointSurvivesTheCorpus() {
        List<Endpoint> endpoints = Endpoints.writing(mapping);
        assertThat(endpoints).as("writing endpoints found").hasSizeGreaterThan(100);
        Fingerprint fingerprint = new Fingerprint(jdbc);
        DemoIds ids = new DemoIds(jdbc);
        AtomicInteger rotation = new AtomicInteger();
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            List<String> problems = new ArrayList<>();
            String path = ids.expand(endpoint);
            for (Attempt attempt : attempts(endpoint, rotation)) {
                send(endpoint, path, attempt, fingerprint, problems);
            }
            assertThat(problems).as(endpoint + " as " + user(endpoint) + " at " + path).isEmpty();
        }));
    }

    /**
     * A date or year outside 2000–2100 in any field of any writing endpoint (form, query or JSON) is refused, with a
     * message in Chinese, and changes nothing: {@code 0000-01-01} was saved in drafts, {@code 2147483647} failed.
     */
    @TestFactory
    @ExtendWith(OutputCaptureExtension.class)
    Stream<DynamicTest> datesAndYearsOutOfRangeAreRefusedEverywhere(CapturedOutput output) {
        List<Endpoint> endpoints = Endpoints.writing(mapping).stream()
                .filter(e -> e.fields().stream().anyMatch(HostileInputIT::temporal)).toList();
        assertThat(endpoints).as("endpoints with a date or year").hasSizeGreaterThan(20);
        Fingerprint fingerprint = new Fingerprint(jdbc);
        DemoIds ids = new DemoIds(jdbc);
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            List<String> problems = new ArrayList<>();
            String path = ids.expand(endpoint);
            int logged = output.length();
            for (Field field : endpoint.fields().stream().filter(HostileInputIT::temporal).toList()) {
                boolean year = field.name().equals("year") || field.name().endsWith("Year");
                for (String wrong : year ? List.of("2147483647", "1999", "-1")
                        : field.type() == java.time.LocalDateTime.class ? List.of("0000-01-01T09:00", "2101-01-01T09:00")
                        : List.of("0000-01-01", "1999-12-31", "2101-01-01")) {
                    Value value = new Value("date", wrong);
                    Attempt attempt;
                    if (endpoint.json()) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> document = new LinkedHashMap<>((Map<String, Object>) Endpoints.plausibleJson(
                                endpoint.bodyType(), endpoint.bodyType(), "", 0));
                        document.put(field.name(), year ? (Object) Long.parseLong(wrong) : wrong);
                        attempt = Attempt.json(field.name() + "=" + wrong, write(document),
                                MediaType.APPLICATION_JSON_VALUE, value);
                        attempt = new Attempt(attempt.label(), queryParameters(endpoint), attempt.body(),
                                attempt.contentType(), value);
                    } else {
                        attempt = Attempt.form(field.name() + "=" + wrong, plausible(endpoint.fields(), field, wrong), value);
                    }
                    Outcome outcome = send(endpoint, path, attempt, fingerprint, problems);
                    if (outcome != Outcome.REFUSED) {
                        problems.add(attempt.label() + ": not refused (" + outcome + ")");
                    }
                }
            }
            String log = output.subSequence(Math.min(logged, output.length()), output.length()).toString();
            log.lines().filter(line -> line.contains(" ERROR ")).findFirst()
                    .ifPresent(line -> problems.add("logged " + line));
            assertThat(problems).as(endpoint + " as " + user(endpoint) + " at " + path).isEmpty();
        }));
    }

    private static boolean temporal(Field field) {
        Class<?> type = field.type();
        boolean year = (field.name().equals("year") || field.name().endsWith("Year"))
                && (type == int.class || type == Integer.class) && field.where() != Endpoints.Where.JSON;
        return type == java.time.LocalDate.class || type == java.time.LocalDateTime.class || year;
    }

    @AfterAll
    static void outcomes() {
        System.out.println("Hostile input outcomes: " + new java.util.TreeMap<>(OUTCOMES));
    }

    /** One request: form or query parameters (a name may repeat) or a raw JSON body with its content type. */
    record Attempt(String label, List<Map.Entry<String, String>> parameters, String body, String contentType,
                   Value value) {

        static Attempt form(String label, List<Map.Entry<String, String>> parameters, Value value) {
            return new Attempt(label, parameters, null, null, value);
        }

        static Attempt json(String label, String body, String contentType, Value value) {
            return new Attempt(label, List.of(), body, contentType, value);
        }
    }

    private List<Attempt> attempts(Endpoint endpoint, AtomicInteger rotation) {
        List<Value> corpus = HostileCorpus.all();
        List<Attempt> attempts = new ArrayList<>();
        List<Field> fields = endpoint.fields();
        if (endpoint.json()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> plausible = endpoint.bodyType().isRecord()
                    ? (Map<String, Object>) Endpoints.plausibleJson(endpoint.bodyType(), endpoint.bodyType(), "", 0)
                    : Map.of();
            List<Map.Entry<String, String>> query = queryParameters(endpoint);
            attempts.add(new Attempt("empty object", query, "{}", MediaType.APPLICATION_JSON_VALUE, null));
            attempts.add(new Attempt("no body", query, "", MediaType.APPLICATION_JSON_VALUE, null));
            attempts.add(new Attempt("invalid JSON", query, "{\"title\": \"未结束", MediaType.APPLICATION_JSON_VALUE, null));
            attempts.add(new Attempt("JSON array", query, "[1,2,3]", MediaType.APPLICATION_JSON_VALUE, null));
            attempts.add(new Attempt("deep nesting", query, "[".repeat(5000) + "]".repeat(5000),
                    MediaType.APPLICATION_JSON_VALUE, null));
            attempts.add(new Attempt("malformed UTF-8", query, "{\"title\":\"\u00c3(\"}", MediaType.APPLICATION_JSON_VALUE, null));
            attempts.add(new Attempt("wrong content type", query, write(plausible), MediaType.TEXT_PLAIN_VALUE, null));
            attempts.add(new Attempt("form instead of JSON", query, "title=x", MediaType.APPLICATION_FORM_URLENCODED_VALUE, null));
            attempts.add(new Attempt("plausible", query, write(plausible), MediaType.APPLICATION_JSON_VALUE, null));
            List<Object> wrongTypes = List.of(Map.of("x", 1), List.of(1, 2), true, -99999999999L, 1.5e300, "文本");
            int f = 0;
            for (Field field : fields) {
                for (Value value : sample(corpus, rotation)) {
                    Map<String, Object> document = new LinkedHashMap<>(plausible);
                    document.put(field.name(), value.text());
                    attempts.add(new Attempt(field.name() + "=" + value.label(), query, write(document),
                            MediaType.APPLICATION_JSON_VALUE, value));
                }
                Map<String, Object> wrong = new LinkedHashMap<>(plausible);
                wrong.put(field.name(), wrongTypes.get(f++ % wrongTypes.size()));
                attempts.add(new Attempt(field.name() + " of a wrong type", query, write(wrong),
                        MediaType.APPLICATION_JSON_VALUE, null));
                Map<String, Object> missing = new LinkedHashMap<>(plausible);
                missing.remove(field.name());
                attempts.add(new Attempt(field.name() + " missing", query, write(missing),
                        MediaType.APPLICATION_JSON_VALUE, null));
            }
            return attempts;
        }
        attempts.add(Attempt.form("nothing", List.of(), null));
        attempts.add(Attempt.form("plausible", plausible(fields, null, null), null));
        for (Field field : fields) {
            for (Value value : sample(corpus, rotation)) {
                attempts.add(Attempt.form(field.name() + "=" + value.label(), plausible(fields, field, value.text()), value));
            }
            // Alternately the field twice (the script tag after a plausible value) or the field left out.
            List<Map.Entry<String, String>> changed = new ArrayList<>(plausible(fields, null, null));
            if (rotation.get() % 2 == 0) {
                changed.add(Map.entry(field.name(), SCRIPT.text()));
                attempts.add(Attempt.form(field.name() + " twice", changed, SCRIPT));
            } else {
                changed.removeIf(e -> e.getKey().equals(field.name()));
                attempts.add(Attempt.form(field.name() + " missing", changed, null));
            }
        }
        return attempts;
    }

    /** The script tag and SAMPLE further values, rotating through the corpus. */
    private static List<Value> sample(List<Value> corpus, AtomicInteger rotation) {
        List<Value> values = new ArrayList<>();
        values.add(SCRIPT);
        for (int i = 0; i < SAMPLE; i++) {
            values.add(corpus.get(1 + Math.floorMod(rotation.getAndIncrement(), corpus.size() - 1)));
        }
        return values;
    }

    private static List<Map.Entry<String, String>> plausible(List<Field> fields, Field replaced, String value) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (Field field : fields) {
            parameters.add(Map.entry(field.name(), field.equals(replaced) ? value : Endpoints.plausible(field)));
        }
        return parameters;
    }

    private static List<Map.Entry<String, String>> queryParameters(Endpoint endpoint) {
        return endpoint.handler().getMethodParameters().length == 0 ? List.of()
                : java.util.Arrays.stream(endpoint.handler().getMethodParameters())
                        .filter(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class))
                        .filter(p -> !org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(p.getParameterType()))
                        .map(p -> {
                            var a = p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
                            String name = !a.name().isEmpty() ? a.name() : !a.value().isEmpty() ? a.value()
                                    : p.getParameterName();
                            return Map.entry(name, Endpoints.plausible(p.getParameterType(), p.getGenericParameterType(), name));
                        }).toList();
    }

    private String write(Object document) {
        return json.writeValueAsString(document);
    }

    static String user(Endpoint endpoint) {
        if (endpoint.open()) {
            return null;
        }
        for (Map.Entry<String, String> entry : USERS.entrySet()) {
            if (endpoint.pattern().startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return "dept.fire";
    }

    private Outcome send(Endpoint endpoint, String path, Attempt attempt, Fingerprint fingerprint, List<String> problems)
            throws Exception {
        Map<String, String> before = fingerprint.take();
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.method()), path)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
        boolean api = endpoint.api();
        if (attempt.body() != null) {
            attempt.parameters().forEach(p -> request.queryParam(p.getKey(), p.getValue()));
            request.contentType(attempt.contentType())
                    .content(attempt.body().getBytes(attempt.label().equals("malformed UTF-8")
                            ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8))
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        } else if (api) {
            attempt.parameters().forEach(p -> request.queryParam(p.getKey(), p.getValue()));
            request.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        } else {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED).characterEncoding(StandardCharsets.UTF_8)
                    .accept(MediaType.TEXT_HTML);
            attempt.parameters().forEach(p -> request.param(p.getKey(), p.getValue()));
            request.with(csrf());
        }
        request.with(actor(endpoint));
        String what = attempt.label();
        MvcResult result;
        long started = System.nanoTime();
        try {
            result = mvc.perform(request).andReturn();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > 300) {
                System.out.println("SLOW " + millis + " ms " + endpoint + " " + what);
            }
        } catch (Exception | Error e) {
            problems.add(what + ": the request failed with " + e);
            return Outcome.UNCLEAR;
        }
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        String type = response.getContentType() == null ? "" : response.getContentType();
        if (status >= 500) {
            problems.add(what + ": " + status + " " + abbreviate(body));
        }
        LEAKS.stream().filter(body::contains).findFirst()
                .ifPresent(leak -> problems.add(what + ": answer shows '" + leak + "': " + abbreviate(body)));
        if (type.contains("html")) {
            unescapedMarkup(body).ifPresent(raw -> problems.add(what + ": the answer echoes " + raw + " unescaped"));
        }
        Outcome outcome = api ? apiOutcome(status, type, body, what, problems) : pageOutcome(result, what, problems);
        OUTCOMES.computeIfAbsent(outcome.name(), k -> new AtomicInteger()).incrementAndGet();
        if (outcome == Outcome.REFUSED) {
            Map<String, String> changed = Fingerprint.difference(before, fingerprint.take());
            if (!changed.isEmpty()) {
                problems.add(what + ": refused (" + status + ") but changed " + changed);
            }
        } else if (!api && response.getRedirectedUrl() != null && response.getRedirectedUrl().startsWith("/")) {
            MockHttpServletResponse shown = mvc.perform(get(response.getRedirectedUrl()).with(actor(endpoint))
                    .accept(MediaType.TEXT_HTML).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")).andReturn().getResponse();
            String page = shown.getContentAsString(StandardCharsets.UTF_8);
            if (shown.getStatus() >= 500) {
                problems.add(what + ": the page it leads to, " + response.getRedirectedUrl() + ", answers " + shown.getStatus());
            }
            unescapedMarkup(page).ifPresent(raw -> problems.add(what + ": " + response.getRedirectedUrl()
                    + " shows " + raw + " unescaped"));
            if (attempt.value() == SCRIPT && page.contains("&lt;script&gt;alert(1)&lt;/script&gt;")) {
                OUTCOMES.computeIfAbsent("SHOWN_ESCAPED", k -> new AtomicInteger()).incrementAndGet();
            }
        }
        return outcome;
    }

    private RequestPostProcessor actor(Endpoint endpoint) {
        String user = user(endpoint);
        if (user != null) {
            return signedIn.as(user);
        }
        // The public budget is per client address: each anonymous request comes from its own.
        long n = CLIENTS.incrementAndGet();
        String address = "10.%d.%d.%d".formatted((n >> 16) & 255, (n >> 8) & 255, n & 255);
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    enum Outcome { REFUSED, ACCEPTED, UNCLEAR }

    private Outcome apiOutcome(int status, String type, String body, String what, List<String> problems) {
        if (status < 400) {
            return status < 300 ? Outcome.ACCEPTED : Outcome.UNCLEAR;
        }
        if (!type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
            problems.add(what + ": " + status + " answered as '" + type + "', not a problem detail: " + abbreviate(body));
            return Outcome.REFUSED;
        }
        String detail = json.readTree(body).path("detail").asString("");
        if (!CHINESE.matcher(detail).find()) {
            problems.add(what + ": " + status + " problem detail without a Chinese message: " + abbreviate(body));
        }
        return Outcome.REFUSED;
    }

    private Outcome pageOutcome(MvcResult result, String what, List<String> problems) {
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        if (status >= 400) {
            return Outcome.REFUSED;
        }
        if (status >= 300) {
            Map<String, Object> flash = result.getFlashMap() == null ? Map.of() : result.getFlashMap();
            Object problem = flash.get("problem");
            if (problem != null) {
                if (!CHINESE.matcher(problem.toString()).find()) {
                    problems.add(what + ": flashed problem not in Chinese: " + problem);
                }
                return Outcome.REFUSED;
            }
            return flash.containsKey("notice") ? Outcome.ACCEPTED : Outcome.UNCLEAR;
        }
        ModelAndView view = result.getModelAndView();
        if (view != null) {
            Object errors = view.getModel().get("fieldErrors");
            Object problem = view.getModel().get("problem");
            if ((errors instanceof Map<?, ?> map && !map.isEmpty()) || problem != null) {
                return Outcome.REFUSED;
            }
            boolean bindingErrors = view.getModel().values().stream()
                    .anyMatch(v -> v instanceof org.springframework.validation.BindingResult b && b.hasErrors());
            if (bindingErrors) {
                return Outcome.REFUSED;
            }
        }
        return Outcome.UNCLEAR;
    }

    static java.util.Optional<String> unescapedMarkup(String html) {
        return HostileCorpus.rawMarkup().stream().filter(html::contains).findFirst();
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
