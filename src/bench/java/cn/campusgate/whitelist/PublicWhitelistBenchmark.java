package cn.campusgate.whitelist;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.campusgate.BenchApplication;
import cn.campusgate.ExpertOpinions;
import cn.campusgate.approval.Approvals;
import cn.campusgate.approval.Decision;
import cn.campusgate.item.AdmissionGround;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.Frequency;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemContent;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.Items;
import cn.campusgate.organization.ActingAs;
import cn.campusgate.organization.SchoolStage;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public side under load (#6, #11 item 4): {@code wrk} against a running node with its embedded PostgreSQL,
 * after a list of 20 entries went through the real chain and was published. Measured in each round, in rotating
 * order, for the same time with the same connections:
 * <ul>
 *   <li>the ceiling: {@code /actuator/health/liveness}, a trivial endpoint of the same application;</li>
 *   <li>the public check {@code /api/v1/public/whitelist/check} (JSON, ETag);</li>
 *   <li>the current-list page {@code /public/whitelist/{id}} as a visitor without a session gets it;</li>
 *   <li>the same page rendered for every request (a signed-in session bypasses the page cache), for comparison.</li>
 * </ul>
 * The per-client rate limit is raised for the run: wrk is one client. Reports requests/s and p99 per round,
 * the median over rounds, and each endpoint's median ratio to the ceiling measured in the same round.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=cn.campusgate.whitelist.PublicWhitelistBenchmark -Dbench.args=}
 * (options: {@code -Dbench.jvm="-Drounds=3 -Dseconds=10 -Dconnections=16 -Dthreads=2"}).
 */
public final class PublicWhitelistBenchmark {

    private static final int ROUNDS = Integer.getInteger("rounds", 3);
    private static final int SECONDS = Integer.getInteger("seconds", 10);
    private static final int CONNECTIONS = Integer.getInteger("connections", 16);
    private static final int THREADS = Integer.getInteger("threads", 2);
    private static final int ENTRIES = 20;
    private static final LocalDate FIRST_DAY = LocalDate.of(LocalDate.now().getYear() + 1, 3, 1);

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final String base;

    private PublicWhitelistBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public static void main(String[] args) throws Exception {
        // wrk is one client: the per-client public rate limit would stop it.
        ConfigurableApplicationContext context = BenchApplication.start(Map.of("CAMPUSGATE_DEMO_PROGRESS", "false",
                "CAMPUSGATE_PUBLIC_READS_PER_MINUTE", "1000000000"));
        try {
            new PublicWhitelistBenchmark(context).run();
        } finally {
            context.close();
        }
    }

    private void run() throws Exception {
        long listId = publishedList();
        String check = "/api/v1/public/whitelist/check?school=" + enc("合川区二郎镇中心小学") + "&department="
                + enc("区消防救援支队") + "&title=" + enc(title(0)) + "&date=" + FIRST_DAY.plusDays(2);
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + check)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        if (!body.contains("\"covered\":true")) {
            throw new IllegalStateException("the check does not answer covered: " + body);
        }
        String session = "SESSION=" + signedInSession("commission");
        Map<String, String[]> targets = new LinkedHashMap<>();
        targets.put("trivial  GET /actuator/health/liveness", new String[]{"/actuator/health/liveness"});
        targets.put("check    GET /api/v1/public/whitelist/check", new String[]{check});
        targets.put("list     GET /public/whitelist/" + listId + " (no session)", new String[]{"/public/whitelist/" + listId});
        targets.put("rendered GET /public/whitelist/" + listId + " (signed in, uncached)",
                new String[]{"/public/whitelist/" + listId, session});
        List<String> names = new ArrayList<>(targets.keySet());
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        names.forEach(n -> results.put(n, new ArrayList<>()));
        for (String name : names) {
            wrk(targets.get(name), 3); // warm-up
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                double[] figures = wrk(targets.get(name), SECONDS);
                results.get(name).add(figures);
                System.out.printf("round %d  %-58s %,10.0f req/s  p99 %7.2f ms%n", round + 1, name, figures[0], figures[1]);
            }
        }
        System.out.printf("%nwrk -t%d -c%d -d%ds, %d rounds, one node, %d cores%n", THREADS, CONNECTIONS, SECONDS, ROUNDS,
                Runtime.getRuntime().availableProcessors());
        List<double[]> ceiling = results.get(names.getFirst());
        for (String name : names) {
            List<double[]> rounds = results.get(name);
            double[] rps = rounds.stream().mapToDouble(f -> f[0]).sorted().toArray();
            double[] p99 = rounds.stream().mapToDouble(f -> f[1]).sorted().toArray();
            double[] ratio = new double[rounds.size()];
            for (int r = 0; r < rounds.size(); r++) {
                ratio[r] = rounds.get(r)[0] / ceiling.get(r)[0];
            }
            Arrays.sort(ratio);
            System.out.printf("%-58s req/s median %,8.0f (%,.0f–%,.0f)  p99 median %6.2f ms (%.2f–%.2f)  "
                            + "ratio to trivial median %.2f (%.2f–%.2f)%n", name, median(rps), rps[0], rps[rps.length - 1],
                    median(p99), p99[0], p99[p99.length - 1], median(ratio), ratio[0], ratio[ratio.length - 1]);
        }
    }

    /** A list of {@value #ENTRIES} entries, every item through the real chain, then 公示, approval and publication. */
    private long publishedList() {
        Items items = context.getBean(Items.class);
        Approvals approvals = context.getBean(Approvals.class);
        ExpertOpinions opinions = context.getBean(ExpertOpinions.class);
        for (int n = 0; n < ENTRIES; n++) {
            ItemContent content = content(n);
            Item draft = as("dept.fire", () -> items.draft(content));
            as("dept.fire", () -> items.submit(draft.id(), draft.version()));
            opinions.approve(draft.id());
            for (String reviewer : new String[]{"commission", "district", "municipal"}) {
                long task = as(reviewer, () -> approvals.forItem(draft.id())).orElseThrow().openTasks().findFirst()
                        .orElseThrow().id();
                as(reviewer, () -> approvals.decide(task, Decision.APPROVED, "同意", null));
            }
        }
        Whitelists whitelists = context.getBean(Whitelists.class);
        Whitelist draft = as("commission", whitelists::managed).stream().map(Whitelists.Summary::list)
                .filter(l -> l.year() == FIRST_DAY.getYear() && l.kind() == WhitelistKind.SOCIAL_AFFAIRS)
                .findFirst().orElseThrow();
        long id = draft.id();
        as("commission", () -> whitelists.startCommentPeriod(id, draft.version(), 7));
        // The seven days of 公示 have passed (the clock is the real one, so the period is moved back).
        jdbc.sql("UPDATE whitelist SET comment_starts_on = comment_starts_on - 8, comment_ends_on = comment_ends_on - 8"
                + " WHERE id = :id").param("id", id).update();
        Whitelist commented = as("commission", () -> whitelists.get(id));
        as("district", () -> whitelists.approve(id, commented.version(), "同意发布。"));
        Whitelist approved = as("commission", () -> whitelists.get(id));
        as("commission", () -> whitelists.publish(id, approved.version(), "合委教组发〔" + FIRST_DAY.getYear() + "〕1号",
                LocalDate.of(FIRST_DAY.getYear(), 1, 1), LocalDate.of(FIRST_DAY.getYear(), 12, 31)));
        return id;
    }

    private static String title(int n) {
        return "消防安全进校园第" + (n + 1) + "讲";
    }

    /** Most entries are national arrangements outside the district's cap (ten items a year), as on real lists. */
    private static ItemContent content(int n) {
        LocalDate start = FIRST_DAY.plusDays(n * 7L);
        return new ItemContent(title(n), "消防安全专题" + (n + 1), null, ItemRoute.ANNUAL, AdmissionGround.LAW,
                "《中华人民共和国消防法》第六条", "结合典型案例讲解要点，学生分组体验，内容与学校课程不重复。", "专题讲座",
                DeliveryMode.ON_CAMPUS, Set.of(SchoolStage.PRIMARY), "五年级", null, GraduatingClasses.EXCLUDED, start,
                start.plusDays(20), Frequency.ONCE, 1, 0, false, null, "学生掌握基本知识", "学校结合课堂观察自评",
                IntegrationChannel.CLASS_TEAM_MEETING, n % 4 != 0, "各小学");
    }

    /** requests/s and p99 in ms of one wrk run. */
    private double[] wrk(String[] target, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s",
                "--latency"));
        if (target.length > 1) {
            command.addAll(List.of("-H", "Cookie: " + target[1]));
        }
        command.add(base + target[0]);
        String output = BenchApplication.exec(command);
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
        Matcher p99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!rps.find() || !p99.find() || output.contains("Non-2xx")) {
            throw new IllegalStateException("wrk output not as expected:\n" + output);
        }
        double latency = Double.parseDouble(p99.group(1)) * switch (p99.group(2)) {
            case "us" -> 0.001;
            case "s" -> 1000;
            default -> 1;
        };
        return new double[]{Double.parseDouble(rps.group(1)), latency};
    }

    private String signedInSession(String username) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + enc("CampusGate#2026") + "&_csrf=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.discarding());
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("not signed in"));
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private <T> T as(String username, Supplier<T> work) {
        return context.getBean(ActingAs.class).call(username, work);
    }
}
