package cn.campusgate.approval;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.campusgate.BenchApplication;
import cn.campusgate.item.AdmissionGround;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.Frequency;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemContent;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.Items;
import cn.campusgate.organization.AccessTokens;
import cn.campusgate.organization.ActingAs;
import cn.campusgate.organization.SchoolStage;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The approval chain under a long history, measured on one application node with its embedded PostgreSQL:
 * <ol>
 *   <li>1,000,000 completed steps (250,000 finished chains) are written into the history;</li>
 *   <li>the inbox (the page a reviewer opens, and its JSON API) is requested sequentially: p50/p95/p99;</li>
 *   <li>whole chains (draft, submit with screening, the committee's panel of three reviewing and signing, three
 *       further steps decided) are completed by 1 and 4 client threads for a fixed time: chains per second;</li>
 *   <li>{@code pgbench}'s built-in simple-update script runs on the same PostgreSQL with the same client counts.</li>
 * </ol>
 * Each measurement is repeated (default 3 rounds) and reported as median with min–max.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=cn.campusgate.approval.ApprovalBenchmark -Dbench.args=}
 */
public final class ApprovalBenchmark {

    private static final int HISTORY_CHAINS = Integer.getInteger("history.chains", 250_000);
    private static final int ROUNDS = Integer.getInteger("rounds", 3);
    private static final int REQUESTS = Integer.getInteger("requests", 1_000);
    private static final int CHAIN_SECONDS = Integer.getInteger("chain.seconds", 20);
    private static final String PASSWORD = "CampusGate#2026";

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final String base;
    private final AtomicLong sequence = new AtomicLong();

    private ApprovalBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = BenchApplication.start(Map.of());
        try {
            new ApprovalBenchmark(context).run();
        } finally {
            context.close();
        }
    }

    private void run() throws Exception {
        long seedStart = System.nanoTime();
        seedHistory();
        System.out.printf("history: %,d completed steps in %,d chains, written in %.1f s%n",
                jdbc.sql("SELECT count(*) FROM approval_task WHERE status = 'DONE'").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM approval").query(Long.class).single(),
                (System.nanoTime() - seedStart) / 1e9);
        jdbc.sql("VACUUM ANALYZE approval_task").update();
        jdbc.sql("VACUUM ANALYZE approval").update();

        HttpClient api = HttpClient.newBuilder().build();
        String token = as("commission", () -> context.getBean(AccessTokens.class).issue("bench", 1).secret());
        HttpClient browser = signedInBrowser("commission");
        List<double[]> apiRounds = new ArrayList<>();
        List<double[]> pageRounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            apiRounds.add(latencies(() -> HttpRequest.newBuilder(URI.create(base + "/api/v1/approvals/inbox"))
                    .header("Authorization", "Bearer " + token).build(), api));
            pageRounds.add(latencies(() -> HttpRequest.newBuilder(URI.create(base + "/approvals")).build(), browser));
        }
        report("inbox API  (GET /api/v1/approvals/inbox, commission)", apiRounds);
        report("inbox page (GET /approvals, commission, signed in)", pageRounds);

        for (int clients : new int[]{1, 4}) {
            double[] chains = new double[ROUNDS];
            double[] pgbench = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                chains[round] = chainsPerSecond(clients);
                pgbench[round] = pgbench(clients);
            }
            Arrays.sort(chains);
            Arrays.sort(pgbench);
            double chainMedian = chains[ROUNDS / 2];
            double pgMedian = pgbench[ROUNDS / 2];
            System.out.printf("clients %d: chains/s median %.2f (%.2f–%.2f) = %.1f step decisions/s; "
                            + "pgbench simple-update tps median %.0f (%.0f–%.0f); chains/pgbench %.4f, decisions/pgbench %.4f%n",
                    clients, chainMedian, chains[0], chains[ROUNDS - 1], chainMedian * 4, pgMedian, pgbench[0],
                    pgbench[ROUNDS - 1], chainMedian / pgMedian, chainMedian * 4 / pgMedian);
        }
    }

    /** 250,000 finished chains of four decided steps each, spread over the year before, as SQL. */
    private void seedHistory() {
        long department = id("SELECT id FROM organization WHERE name = '区消防救援支队'");
        long jurisdiction = id("SELECT parent_id FROM organization WHERE id = " + department);
        jdbc.sql("""
                INSERT INTO item (department_id, status, title, theme, content, submitted_versions, created_by,
                                  created_at, updated_at)
                SELECT :dept, 'APPROVED', '历史事项' || g, '历史主题' || g, '{}'::jsonb, 1, 'history',
                       now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
                FROM generate_series(1, :n) g""").param("dept", department).param("n", HISTORY_CHAINS).update();
        jdbc.sql("""
                INSERT INTO approval (item_id, procedure_id, department_id, item_title, department_name, route,
                    jurisdiction_id, year, exempt, starts_on, ends_on, stages, target_schools, status, current_step,
                    applicants, last_submitted_at, district_approved, started_at, updated_at, finished_at)
                SELECT i.id, 1, i.department_id, i.title, '区消防救援支队', 'ANNUAL', :j, 2025, TRUE, DATE '2025-03-01',
                       DATE '2025-03-31', '{PRIMARY}', NULL, 'READY_FOR_WHITELIST', 3, '{history}', i.created_at, TRUE,
                       i.created_at, i.updated_at, i.updated_at
                FROM item i WHERE i.created_by = 'history'""").param("j", jurisdiction).update();
        String[][] steps = {
                {"0", "EXPERT_OPINION", "EXPERT_COMMITTEE", "COMMITTEE_SECRETARY", "secretary"},
                {"1", "PRELIMINARY_REVIEW", "EDUCATION_COMMISSION", "COMMISSION_REVIEWER", "commission"},
                {"2", "DISTRICT_APPROVAL", "DISTRICT_LEADERSHIP_GROUP", "DISTRICT_APPROVER", "district"},
                {"3", "MUNICIPAL_FILING", "MUNICIPAL_LEADERSHIP_GROUP", "MUNICIPAL_FILER", "municipal"}};
        for (String[] step : steps) {
            long organization = id("SELECT id FROM organization WHERE kind = '" + step[2] + "' ORDER BY id LIMIT 1");
            jdbc.sql("""
                    INSERT INTO approval_task (approval_id, step_no, step_kind, organization_id, role, status, outcome,
                        opinion, acted_by, acted_by_name, acted_at, opened_at, due_on)
                    SELECT a.id, :no, :kind, :org, :role, 'DONE', 'APPROVED', '同意', :who, :who,
                           a.started_at + (:no + 1) * interval '1 day', a.started_at + :no * interval '1 day',
                           DATE '2025-03-01'
                    FROM approval a WHERE a.applicants = '{history}'""")
                    .param("no", Integer.parseInt(step[0])).param("kind", step[1]).param("org", organization)
                    .param("role", step[3]).param("who", step[4]).update();
        }
    }

    private double[] latencies(Supplier<HttpRequest> request, HttpClient client) throws Exception {
        for (int i = 0; i < 200; i++) {
            expectOk(client.send(request.get(), HttpResponse.BodyHandlers.discarding()));
        }
        double[] millis = new double[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            expectOk(client.send(request.get(), HttpResponse.BodyHandlers.ofByteArray()));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void report(String what, List<double[]> rounds) {
        double[] p50 = rounds.stream().mapToDouble(r -> percentile(r, 50)).sorted().toArray();
        double[] p95 = rounds.stream().mapToDouble(r -> percentile(r, 95)).sorted().toArray();
        double[] p99 = rounds.stream().mapToDouble(r -> percentile(r, 99)).sorted().toArray();
        System.out.printf("%s, %d rounds × %d requests: p50 %.2f ms (%.2f–%.2f), p95 %.2f ms (%.2f–%.2f), "
                        + "p99 %.2f ms (%.2f–%.2f)%n", what, rounds.size(), REQUESTS, p50[p50.length / 2], p50[0],
                p50[p50.length - 1], p95[p95.length / 2], p95[0], p95[p95.length - 1], p99[p99.length / 2], p99[0],
                p99[p99.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Whole chains by {@code clients} threads for a fixed time, each thread one department's submissions. */
    private double chainsPerSecond(int clients) throws Exception {
        Items items = context.getBean(Items.class);
        Approvals approvals = context.getBean(Approvals.class);
        ApprovalRepository repository = context.getBean(ApprovalRepository.class);
        String[] departments = {"dept.fire", "dept.police", "dept.health", "dept.justice"};
        long deadline = System.nanoTime() + Duration.ofSeconds(CHAIN_SECONDS).toNanos();
        AtomicLong completed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String department = departments[c % departments.length];
            runs.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long n = sequence.incrementAndGet();
                    Item draft = as(department, () -> items.draft(content(n)));
                    as(department, () -> items.submit(draft.id(), draft.version()));
                    // The committee step passes only by a signed opinion: a panel of three reviews and signs.
                    context.getBean(cn.campusgate.ExpertOpinions.class).approve(draft.id());
                    for (String reviewer : new String[]{"commission", "district", "municipal"}) {
                        long task = repository.latestForItem(draft.id()).orElseThrow().openTasks().findFirst()
                                .orElseThrow().id();
                        as(reviewer, () -> approvals.decide(task, Decision.APPROVED, "同意", null));
                    }
                    completed.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        return completed.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static ItemContent content(long n) {
        LocalDate start = LocalDate.now().plusDays(60);
        String theme = "专题活动第" + n + "期";
        return new ItemContent("基准测试事项" + n, theme, null, ItemRoute.ANNUAL, AdmissionGround.LAW,
                "《中华人民共和国消防法》第六条", "结合典型案例讲解要点，学生分组体验，内容与学校课程不重复。", "专题讲座",
                DeliveryMode.ON_CAMPUS, Set.of(SchoolStage.PRIMARY), "五年级", null, GraduatingClasses.EXCLUDED, start,
                start.plusDays(10), Frequency.ONCE, 1, 0, false, null, "学生掌握基本知识", "学校结合课堂观察自评",
                IntegrationChannel.CLASS_TEAM_MEETING, true, "各小学");
    }

    /** pgbench's simple-update script on the same server, same client count, 15 s. */
    private double pgbench(int clients) throws Exception {
        HikariDataSource source = context.getBean(HikariDataSource.class);
        URI url = URI.create(source.getJdbcUrl().substring("jdbc:".length()));
        String database = url.getPath().substring(1);
        String user = source.getUsername() == null ? "postgres" : source.getUsername();
        List<String> connection = List.of("-h", url.getHost(), "-p", String.valueOf(url.getPort()), "-U", user);
        if (jdbc.sql("SELECT count(*) FROM pg_tables WHERE tablename = 'pgbench_accounts'").query(Long.class).single() == 0) {
            BenchApplication.exec(concat(List.of("pgbench", "-i", "-s", "10", "-q"), connection, List.of(database)));
        }
        String output = BenchApplication.exec(concat(List.of("pgbench", "-b", "simple-update", "-c", String.valueOf(clients), "-j",
                String.valueOf(clients), "-T", "15", "-n"), connection, List.of(database)));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    private HttpClient signedInBrowser(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + username + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + csrf.group(1);
        expectOk(client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()));
        return client;
    }

    private static void expectOk(HttpResponse<?> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
        }
    }

    private <T> T as(String username, Supplier<T> work) {
        return context.getBean(ActingAs.class).call(username, work);
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
