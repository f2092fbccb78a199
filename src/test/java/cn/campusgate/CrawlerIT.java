package cn.campusgate;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.campusgate.organization.AccessTokens;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Walks the application as each demo account of the README (and as an anonymous visitor), signed in for real
 * through the sign-in form with the demo password: from the start page it follows every link, tab, pager,
 * {@code hx-get} and GET form (filters: each option of each select, a text in each empty search field) it finds on
 * the HTML pages it reaches, within the application's own host, and every GET of the API from the OpenAPI document
 * with a personal access token of that account, path ids taken from the pages the account reached. A 5xx answer, an
 * error page with a 5xx code, Boot's white-label page or an exception escaping MockMvc fails the account's test,
 * which lists every such URL with the page that led to it; so does any answer of 400 or more to a link, tab, pager
 * or filter choice that a page offers (a broken link), though not to a text the crawler typed into a filter, nor an
 * API read (whose path ids are guessed: 403 and 404 are right answers there).
 *
 * <p>Bounded so that it runs in every build: a visited set, at most {@value #PER_SHAPE} URLs per shape (the path and
 * query with numbers blanked: {@code /items/{n}}, {@code /approvals?page={n}&tab=MINE}) and {@value #PAGE_CAP} pages and
 * {@value #API_CAP} API reads per account. The first URL of each shape is also read in English ({@code lang=en}).
 * Sign-out is a POST form, so it is never followed; reads change nothing but their audit trail.
 */
@CampusGateTest
class CrawlerIT {

    static final String PASSWORD = "CampusGate#2026";
    /** The README's demo accounts; the anonymous visitor is crawled first. */
    static final List<String> ACCOUNTS = List.of("admin", "dept.fire", "dept.police", "dept.health", "dept.justice",
            "secretary", "expert.edu", "expert.edu2", "expert.school", "expert.school2", "expert.npc", "expert.cppcc",
            "commission", "district", "municipal", "school.sentinel", "town.erlang", "supervisor");
    static final String ANONYMOUS = "anonymous";
    static final int PER_SHAPE = 2;
    static final int PAGE_CAP = 300;
    static final int API_CAP = 160;
    /** Options of one select tried as filter values (the first ones and the last). */
    static final int OPTIONS_PER_SELECT = 6;
    private static final String BASE = "http://localhost";
    /** A URL the page offers: any answer of 400 or more is a failure (a broken link, tab, filter or pager). */
    private static final String LINK = "LINK";
    /** A GET form with a text the crawler typed: only a 5xx is a failure (400 is the right answer to bad input). */
    private static final String TYPED = "TYPED";
    private static final Set<String> SKIPPED_PREFIXES = Set.of("/webjars/", "/css/", "/js/", "/img/", "/favicon",
            "/logout", "/actuator", "/v3/api-docs", "/api/");
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+$");
    private static final Pattern ERROR_CODE = Pattern.compile("class=\"cg-error-code\"[^>]*>\\s*(\\d{3})");

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired AccessTokens tokens;

    private final JsonMapper json = JsonMapper.builder().build();
    /** Ids seen in page paths, by the collection segment before them ({@code items → 12, 15}), per account. */
    private final Map<String, Map<String, Set<String>>> idsByAccount = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> idsOfAll = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> noPageNorApiReadAnswers5xxForAnyDemoAccount() {
        List<String> everybody = new ArrayList<>();
        everybody.add(ANONYMOUS);
        everybody.addAll(ACCOUNTS);
        Stream<DynamicTest> pages = everybody.stream().map(who -> DynamicTest.dynamicTest("pages as " + who,
                () -> assertThat(crawlPages(who)).as("5xx or error pages reached as " + who).isEmpty()));
        Stream<DynamicTest> api = everybody.stream().map(who -> DynamicTest.dynamicTest("API reads as " + who,
                () -> assertThat(crawlApi(who)).as("5xx answers of the API's GETs as " + who).isEmpty()));
        return Stream.concat(pages, api);
    }

    // ---------------------------------------------------------------------------------------------------- pages

    private List<String> crawlPages(String who) throws Exception {
        long started = System.nanoTime();
        Browser browser = new Browser(who);
        Deque<String[]> queue = new ArrayDeque<>(); // {url, the page it was found on, LINK or TYPED}
        if (who.equals(ANONYMOUS)) {
            queue.add(new String[]{"/login", "(start)", LINK});
            queue.add(new String[]{"/public/whitelist", "(start)", LINK});
        } else {
            browser.signIn();
            queue.add(new String[]{"/", "(sign-in)", LINK});
        }
        Set<String> visited = new LinkedHashSet<>();
        Map<String, Integer> shapes = new HashMap<>();
        List<String> failures = new ArrayList<>();
        Map<String, Set<String>> ids = idsByAccount.computeIfAbsent(who, k -> new ConcurrentHashMap<>());
        int fetched = 0;
        int fourHundreds = 0;
        while (!queue.isEmpty() && fetched < PAGE_CAP) {
            String[] next = queue.poll();
            String url = next[0];
            if (!visited.add(url)) {
                continue;
            }
            String shape = shape(url);
            int seen = shapes.merge(shape, 1, Integer::sum);
            if (seen > PER_SHAPE) {
                continue;
            }
            fetched++;
            remember(url, ids);
            Answer answer = browser.read(url, true);
            if (seen == 1 && answer.html() && answer.status() == 200) {
                Answer english = browser.read(url + (url.contains("?") ? "&" : "?") + "lang=en", false);
                english.failure().ifPresent(f -> failures.add(who + " GET " + url + "&lang=en → " + f
                        + " (found on " + next[1] + ")"));
                fetched++;
            }
            if (answer.failure().isPresent()) {
                failures.add(who + " GET " + url + " → " + answer.failure().get() + " (found on " + next[1] + ")");
                continue;
            }
            if (answer.status() >= 400) {
                fourHundreds++;
                if (next[2].equals(LINK)) {
                    failures.add(who + " GET " + url + " → " + answer.status() + " " + abbreviate(answer.body())
                            + " (a link offered on " + next[1] + ")");
                }
            }
            if (answer.redirect() != null) {
                String target = local(answer.redirect(), url);
                if (target != null) {
                    queue.addFirst(new String[]{target, url + " (redirect)", next[2]});
                }
                continue;
            }
            if (answer.html()) {
                links(answer.body(), url).forEach((link, kind) -> {
                    if (!visited.contains(link)) {
                        queue.add(new String[]{link, url, kind});
                    }
                });
            }
        }
        System.out.printf("[crawler] %s: %d page reads, %d shapes, %d left in the queue, %d answers 4xx, %d failures,"
                        + " %.1f s%n", who, fetched, shapes.size(), queue.size(), fourHundreds, failures.size(),
                (System.nanoTime() - started) / 1e9);
        return failures;
    }

    /**
     * Every same-host link target of a page: anchors, {@code hx-get}, and the variants of its GET forms, each with
     * whether the page offers it ({@link #LINK}: its links, its forms as they stand, with a choice of a select or a
     * named button) or the crawler typed a text into it ({@link #TYPED}).
     */
    private static Map<String, String> links(String html, String pageUrl) {
        Document page = Jsoup.parse(html, BASE + pageUrl);
        Map<String, String> links = new LinkedHashMap<>();
        for (Element anchor : page.select("a[href]")) {
            if (anchor.hasAttr("download") && anchor.attr("href").startsWith("data:")) {
                continue;
            }
            add(links, anchor.absUrl("href"), pageUrl, LINK);
        }
        for (Element element : page.select("[hx-get]")) {
            add(links, element.absUrl("hx-get"), pageUrl, LINK);
        }
        for (Element form : page.select("form")) {
            if (!form.attr("method").isBlank() && !form.attr("method").equalsIgnoreCase("get")) {
                continue;
            }
            String action = form.attr("action").isBlank() ? BASE + pageUrl.replaceFirst("\\?.*", "")
                    : form.absUrl("action");
            for (Map.Entry<Map<String, String>, String> variant : variants(form).entrySet()) {
                StringBuilder query = new StringBuilder();
                variant.getKey().forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                        .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
                add(links, action.replaceFirst("\\?.*", "") + (query.isEmpty() ? "" : "?" + query), pageUrl,
                        variant.getValue());
            }
        }
        return links;
    }

    /** A GET form as it stands, then with each option of each select, a text in each empty text field, each named button. */
    private static Map<Map<String, String>, String> variants(Element form) {
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<Map<String, String>, String> variants = new LinkedHashMap<>();
        for (Element field : form.select("input[name], select[name], textarea[name]")) {
            String name = field.attr("name");
            String type = field.attr("type").toLowerCase();
            switch (field.tagName()) {
                case "select" -> {
                    Element selected = field.selectFirst("option[selected]");
                    if (selected == null) {
                        selected = field.selectFirst("option");
                    }
                    if (selected != null) {
                        defaults.put(name, optionValue(selected));
                    }
                }
                case "textarea" -> defaults.put(name, field.text());
                default -> {
                    if (Set.of("submit", "button", "reset", "file", "password", "image").contains(type)) {
                        continue;
                    }
                    if ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked")) {
                        continue;
                    }
                    defaults.putIfAbsent(name, field.hasAttr("value") || !type.equals("checkbox") ? field.attr("value") : "on");
                }
            }
        }
        variants.put(defaults, LINK);
        for (Element select : form.select("select[name]")) {
            List<Element> options = select.select("option");
            for (int i = 0; i < options.size(); i++) {
                if (i < OPTIONS_PER_SELECT || i == options.size() - 1) {
                    Map<String, String> variant = new LinkedHashMap<>(defaults);
                    variant.put(select.attr("name"), optionValue(options.get(i)));
                    variants.putIfAbsent(variant, LINK);
                }
            }
        }
        for (Element text : form.select("input[name]:not([type]), input[name][type=text], input[name][type=search]")) {
            if (text.attr("value").isEmpty()) {
                Map<String, String> variant = new LinkedHashMap<>(defaults);
                variant.put(text.attr("name"), "测试");
                variants.putIfAbsent(variant, TYPED);
            }
        }
        for (Element button : form.select("button[name], input[type=submit][name]")) {
            Map<String, String> variant = new LinkedHashMap<>(defaults);
            variant.put(button.attr("name"), button.attr("value"));
            variants.putIfAbsent(variant, LINK);
        }
        return variants;
    }

    private static String optionValue(Element option) {
        return option.hasAttr("value") ? option.attr("value") : option.text();
    }

    private static void add(Map<String, String> links, String absolute, String pageUrl, String kind) {
        String local = local(absolute, pageUrl);
        if (local != null) {
            links.putIfAbsent(local, kind);
        }
    }

    /** The path and query of a same-host URL, ASCII only, without fragment and language switch; null if not ours. */
    static @Nullable String local(String url, String pageUrl) {
        if (url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(BASE + pageUrl).resolve(ascii(url.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || !"localhost".equals(uri.getHost())) {
            return null;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        for (String prefix : SKIPPED_PREFIXES) {
            if (path.startsWith(prefix)) {
                return null;
            }
        }
        String query = uri.getRawQuery();
        if (query != null) {
            query = Stream.of(query.split("&")).filter(p -> !p.isEmpty() && !p.startsWith("lang="))
                    .reduce((a, b) -> a + "&" + b).orElse(null);
        }
        return query == null ? path : path + "?" + query;
    }

    /** Percent-encodes what a browser would before sending: non-ASCII characters and spaces. */
    static String ascii(String url) {
        StringBuilder out = new StringBuilder();
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x7e || c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** The URL with numbers blanked and its parameters sorted: many items, one shape. */
    static String shape(String url) {
        int q = url.indexOf('?');
        String path = url.substring(0, q < 0 ? url.length() : q);
        StringBuilder shape = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                shape.append('/').append(NUMBER.matcher(segment).matches() ? "{n}" : segment);
            }
        }
        if (q >= 0) {
            Map<String, String> params = new TreeMap<>();
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(name, NUMBER.matcher(value).matches() ? "{n}" : value);
            }
            shape.append('?').append(params);
        }
        return shape.toString();
    }

    private void remember(String url, Map<String, Set<String>> ids) {
        String[] segments = url.replaceFirst("\\?.*", "").split("/");
        for (int i = 1; i < segments.length; i++) {
            if (NUMBER.matcher(segments[i]).matches() && !segments[i - 1].isEmpty()) {
                ids.computeIfAbsent(segments[i - 1], k -> new LinkedHashSet<>()).add(segments[i]);
                idsOfAll.computeIfAbsent(segments[i - 1], k -> ConcurrentHashMap.newKeySet()).add(segments[i]);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------ API

    private List<String> crawlApi(String who) throws Exception {
        long started = System.nanoTime();
        String bearer = who.equals(ANONYMOUS) ? null
                : "Bearer " + signedIn.call(who, () -> tokens.issue("crawler", 1)).secret();
        MockHttpServletResponse docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
        assertThat(docs.getStatus()).as("the OpenAPI document").isEqualTo(200);
        JsonNode paths = json.readTree(docs.getContentAsString(StandardCharsets.UTF_8)).path("paths");
        Map<String, Set<String>> ids = idsByAccount.getOrDefault(who, Map.of());
        List<String> urls = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            JsonNode read = path.getValue().path("get");
            if (read.isMissingNode() || (bearer == null && !path.getKey().startsWith("/api/v1/public/"))) {
                continue;
            }
            urls.addAll(apiUrls(path.getKey(), read, ids));
        }
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int fetched = 0;
        for (String url : new LinkedHashSet<>(urls)) {
            if (fetched++ >= API_CAP) {
                break;
            }
            MockHttpServletRequestBuilder request = get(URI.create(BASE + url)).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                    .with(r -> {
                        r.setRemoteAddr(address(who));
                        return r;
                    });
            if (bearer != null) {
                request.header(HttpHeaders.AUTHORIZATION, bearer);
            }
            try {
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                statuses.merge(response.getStatus(), 1, Integer::sum);
                if (response.getStatus() >= 500) {
                    failures.add(who + " GET " + url + " → " + response.getStatus() + " "
                            + abbreviate(response.getContentAsString(StandardCharsets.UTF_8)));
                }
            } catch (Exception e) {
                failures.add(who + " GET " + url + " → exception " + e);
            }
        }
        System.out.printf("[crawler] %s: %d API reads of %d (by status %s), %d failures, %.1f s%n", who,
                Math.min(fetched, urls.size()), urls.size(), statuses, failures.size(), (System.nanoTime() - started) / 1e9);
        return failures;
    }

    /**
     * The URLs to read for one API path: path variables from the ids the account's pages showed (else any account's,
     * else 1: a 404 is a fine answer), required query parameters plausible by their schema, and each value of an
     * optional enumerated parameter (the API's tabs and filters).
     */
    private List<String> apiUrls(String template, JsonNode operation, Map<String, Set<String>> ids) {
        Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        Map<String, String> required = new LinkedHashMap<>();
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            JsonNode schema = parameter.path("schema");
            switch (parameter.path("in").asString()) {
                case "path" -> pathParams.put(name, schema);
                case "query" -> {
                    if (parameter.path("required").asBoolean(false)) {
                        required.put(name, plausible(name, schema));
                    } else if (schema.has("enum")) {
                        List<String> values = new ArrayList<>();
                        schema.path("enum").forEach(v -> values.add(v.asString()));
                        choices.put(name, values);
                    }
                }
                default -> {
                }
            }
        }
        List<String> paths = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            paths.add(expand(template, pathParams, ids, attempt));
        }
        List<String> urls = new ArrayList<>();
        for (String path : new LinkedHashSet<>(paths)) {
            urls.add(path + query(required));
            choices.forEach((name, values) -> values.forEach(value -> {
                Map<String, String> params = new LinkedHashMap<>(required);
                params.put(name, value);
                urls.add(path + query(params));
            }));
        }
        return urls;
    }

    private String expand(String template, Map<String, JsonNode> pathParams, Map<String, Set<String>> ids, int attempt) {
        Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            JsonNode schema = pathParams.getOrDefault(name, json.createObjectNode());
            String before = template.substring(0, variable.start());
            String[] segments = before.split("/");
            String collection = segments.length == 0 ? "" : segments[segments.length - 1];
            String value;
            if (schema.path("type").asString().equals("integer")) {
                List<String> known = new ArrayList<>(ids.getOrDefault(collection, Set.of()));
                if (known.isEmpty()) {
                    known = new ArrayList<>(idsOfAll.getOrDefault(collection, Set.of()));
                }
                value = name.toLowerCase().contains("year") ? String.valueOf(today().getYear())
                        : known.isEmpty() ? "1" : known.get(Math.min(attempt, known.size() - 1));
            } else {
                value = plausible(name, schema);
            }
            variable.appendReplacement(path, Matcher.quoteReplacement(ascii(value)));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private static String plausible(String name, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").path(0).asString();
        }
        String type = schema.path("type").asString();
        String format = schema.path("format").asString();
        if (format.equals("date")) {
            return today().toString();
        }
        if (name.toLowerCase().contains("month")) {
            return YearMonth.from(today()).toString();
        }
        if (type.equals("integer") || type.equals("number")) {
            return name.toLowerCase().contains("year") ? String.valueOf(today().getYear()) : "1";
        }
        if (type.equals("boolean")) {
            return "false";
        }
        return "测试";
    }

    private static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        params.forEach((name, value) -> query.append(query.length() > 1 ? "&" : "")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    // --------------------------------------------------------------------------------------------------- client

    /** A page answer; {@code failure} says why it counts as a server failure. */
    record Answer(int status, @Nullable String redirect, boolean html, String body) {

        java.util.Optional<String> failure() {
            if (status >= 500) {
                return java.util.Optional.of(status + " " + abbreviate(body));
            }
            if (body.contains("Whitelabel Error Page")) {
                return java.util.Optional.of(status + " white-label error page");
            }
            Matcher code = ERROR_CODE.matcher(body);
            if (html && body.contains("data-testid=\"error-page\"") && code.find() && code.group(1).startsWith("5")) {
                return java.util.Optional.of(status + " with the error page of a " + code.group(1));
            }
            return java.util.Optional.empty();
        }
    }

    private static String abbreviate(String body) {
        Matcher heading = Pattern.compile("<h1[^>]*>([^<]*)</h1>").matcher(body);
        String text = heading.find() ? heading.group(1).strip() : body.replaceAll("\\s+", " ");
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    /** One account's cookies (its session after a real sign-in, the remembered language) and client address. */
    private final class Browser {

        private final String who;
        private final Map<String, Cookie> cookies = new LinkedHashMap<>();

        Browser(String who) {
            this.who = who;
        }

        void signIn() throws Exception {
            MockHttpServletResponse response = mvc.perform(post("/login").param("username", who)
                    .param("password", PASSWORD).with(csrf()).with(r -> {
                        r.setRemoteAddr(address(who));
                        return r;
                    })).andReturn().getResponse();
            keep(response);
            assertThat(response.getRedirectedUrl()).as("%s signs in with the README's demo password", who)
                    .isEqualTo("/");
            assertThat(cookies).as("%s has a session after signing in", who).containsKey("SESSION");
        }

        /** Reads a page; {@code keepCookies} false for the English read, whose remembered language is not kept. */
        Answer read(String url, boolean keepCookies) {
            MockHttpServletRequestBuilder request = get(URI.create(BASE + url))
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9")
                    .with(r -> {
                        r.setRemoteAddr(address(who));
                        return r;
                    });
            if (!cookies.isEmpty()) {
                request.cookie(cookies.values().toArray(Cookie[]::new));
            }
            try {
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                if (keepCookies) {
                    keep(response);
                }
                String type = response.getContentType() == null ? "" : response.getContentType();
                boolean html = type.startsWith("text/html");
                String body = html || type.startsWith("text/") || type.contains("json")
                        ? response.getContentAsString(StandardCharsets.UTF_8) : "";
                String location = response.getStatus() / 100 == 3 ? response.getHeader(HttpHeaders.LOCATION) : null;
                return new Answer(response.getStatus(), location, html, body);
            } catch (Exception e) {
                // What the servlet container would answer with a 500.
                return new Answer(500, null, false, "exception " + e);
            }
        }

        private void keep(MockHttpServletResponse response) {
            for (Cookie cookie : response.getCookies()) {
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie);
                }
            }
        }
    }

    /** Each account its own client address, so that no per-address budget of sign-ins or public reads is shared. */
    private static String address(String who) {
        int index = who.equals(ANONYMOUS) ? 0 : ACCOUNTS.indexOf(who) + 1;
        return "10.77.0." + (10 + index);
    }

}
