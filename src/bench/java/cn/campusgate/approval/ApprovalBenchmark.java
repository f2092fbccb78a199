package cn.campusgate.approval;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import cn.campusgate.StatementCounter;
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
    private static final int PGBENCH_SECONDS = Integer.getInteger("pgbench.seconds", 15);
    private static final int[] CLIENTS = Arrays.stream(System.getProperty("clients", "1,4,16").split(","))
            .mapToInt(Integer::parseInt).toArray();
    /** Also measure whole chains with the committee's real panel (1 and 4 clients), as before issue #11. */
    private static final boolean PANEL = Boolean.parseBoolean(System.getProperty("panel", "true"));
    /** Acting steps per chain: the department's application and the four decisions. */
    private static final int ACTS = 5;
    private static final String PASSWORD = "CampusGate#2026";

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final String base;
    private final AtomicLong sequence = new AtomicLong();
    private final StatementCounter counter;
    private final StatementCounter flowableCounter = new StatementCounter();
    private FlowableChain flowable;
    private long plainProcedure;
    private long panelProcedure;

    private ApprovalBenchmark(ConfigurableApplicationContext context, StatementCounter counter) {
        this.context = context;
        this.counter = counter;
        this.jdbc = context.getBean(JdbcClient.class);
        this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public static void main(String[] args) throws Exception {
        StatementCounter counter = new StatementCounter();
        ConfigurableApplicationContext context = BenchApplication.start(Map.of(), counter);
        ApprovalBenchmark benchmark = new ApprovalBenchmark(context, counter);
        try {
            benchmark.run();
        } finally {
            if (benchmark.flowable != null) {
                benchmark.flowable.close();
            }
            context.close();
        }
    }

    private void run() throws Exception {
        System.out.printf("machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), load());
        startFlowable();
        plainProcedure = plainProcedure();
        long seedStart = System.nanoTime();
        seedHistory();
        System.out.printf("history: %,d completed steps in %,d chains, written in %.1f s%n",
                jdbc.sql("SELECT count(*) FROM approval_task WHERE status = 'DONE'").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM approval").query(Long.class).single(),
                (System.nanoTime() - seedStart) / 1e9);
        jdbc.sql("VACUUM ANALYZE approval_task").update();
        jdbc.sql("VACUUM ANALYZE approval").update();
        seedStart = System.nanoTime();
        seedFlowableHistory();
        System.out.printf("flowable history: %,d completed tasks in %,d finished process instances, written in %.1f s%n",
                flowableJdbc().sql("SELECT count(*) FROM act_hi_taskinst").query(Long.class).single(),
                flowableJdbc().sql("SELECT count(*) FROM act_hi_procinst").query(Long.class).single(),
                (System.nanoTime() - seedStart) / 1e9);

        HttpClient api = HttpClient.newBuilder().build();
        String token = as("commission", () -> context.getBean(AccessTokens.class).issue("bench", 1).secret());
        HttpClient browser = signedInBrowser("commission");
        long commission = id("SELECT organization_id FROM account WHERE username = 'commission'");
        long open = jdbc.sql("SELECT count(*) FROM approval_task WHERE status = 'OPEN' AND organization_id = :org")
                .param("org", commission).query(Long.class).single();
        for (int i = 0; i < Math.max(open, 1); i++) {
            flowable.openUntil("inbox-" + i, "commission.reviewer");
        }
        System.out.printf("open tasks of the commission: CampusGate %d, Flowable %d%n", open, Math.max(open, 1));
        List<double[]> apiRounds = new ArrayList<>();
        List<double[]> pageRounds = new ArrayList<>();
        List<double[]> flowableRounds = new ArrayList<>();
        List<double[]> serviceRounds = new ArrayList<>();
        Inbox inbox = context.getBean(Inbox.class);
        for (int round = 0; round < ROUNDS; round++) {
            // Like with like for Flowable's in-process query: the service call behind the API (count and page).
            serviceRounds.add(as("commission", () -> latencies(() -> inbox.mine(1))));
            apiRounds.add(latencies(() -> HttpRequest.newBuilder(URI.create(base + "/api/v1/approvals/inbox"))
                    .header("Authorization", "Bearer " + token).build(), api));
            pageRounds.add(latencies(() -> HttpRequest.newBuilder(URI.create(base + "/approvals")).build(), browser));
            flowableRounds.add(latencies(() -> flowable.inbox("commission.reviewer", 20)));
        }
        report("inbox API  (GET /api/v1/approvals/inbox, commission)", apiRounds);
        report("inbox page (GET /approvals, commission, signed in)", pageRounds);
        report("inbox service (Inbox.mine(1): count + page of 20, in-process, commission)", serviceRounds);
        report("Flowable task query (taskCandidateGroup, count + listPage(0, 20), in-process)", flowableRounds);

        countStatements();

        for (int clients : CLIENTS) {
            double[] chains = new double[ROUNDS];
            double[] flowableChains = new double[ROUNDS];
            double[] pgbench = new double[ROUNDS];
            double[] ratio = new double[ROUNDS];
            double[] pgRatio = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                // A-B-B-A halves: a change of the machine's load during the round hits both engines alike.
                double a1 = chainsPerSecond(clients, false, CHAIN_SECONDS / 2.0);
                double b1 = flowableChainsPerSecond(clients, CHAIN_SECONDS / 2.0);
                double b2 = flowableChainsPerSecond(clients, CHAIN_SECONDS / 2.0);
                double a2 = chainsPerSecond(clients, false, CHAIN_SECONDS / 2.0);
                chains[round] = (a1 + a2) / 2;
                flowableChains[round] = (b1 + b2) / 2;
                pgbench[round] = pgbench(clients);
                ratio[round] = chains[round] / flowableChains[round];
                pgRatio[round] = chains[round] * ACTS / pgbench[round];
                System.out.printf("  round %d, %d clients: CampusGate %.2f chains/s, Flowable %.2f chains/s "
                                + "(ratio %.2f), pgbench %.0f tps (transitions/pgbench %.4f), load %s%n", round + 1,
                        clients, chains[round], flowableChains[round], ratio[round], pgbench[round], pgRatio[round],
                        load());
            }
            System.out.printf("clients %d: CampusGate chains/s %s = %.1f step transitions/s; Flowable chains/s %s; "
                            + "CampusGate/Flowable %s; pgbench simple-update tps %s; transitions/pgbench %s%n",
                    clients, summary(chains, "%.2f"), median(chains) * ACTS, summary(flowableChains, "%.2f"),
                    summary(ratio, "%.2f"), summary(pgbench, "%.0f"), summary(pgRatio, "%.4f"));
        }
        if (PANEL) {
            panelProcedure = activate(1);
            for (int clients : new int[]{1, 4}) {
                double[] chains = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    chains[round] = chainsPerSecond(clients, true);
                }
                System.out.printf("clients %d: whole chains with the committee's panel, chains/s %s%n", clients,
                        summary(chains, "%.2f"));
            }
        }
        System.out.printf("audit trail after the run: %s%n", context.getBean(cn.campusgate.audit.AuditTrail.class).verify());
    }

    /** Statements sent to PostgreSQL per whole chain and per decision, one client, after warm-up. */
    private void countStatements() throws Exception {
        chainsPerSecond(1, false);
        int n = 20;
        Items items = context.getBean(Items.class);
        Approvals approvals = context.getBean(Approvals.class);
        ApprovalRepository repository = context.getBean(ApprovalRepository.class);
        counter.start();
        counter.pause();
        for (int i = 0; i < n; i++) {
            long k = sequence.incrementAndGet();
            Item draft = as("dept.fire", () -> items.draft(content(k)));
            as("dept.fire", () -> items.submit(draft.id(), draft.version()));
            for (String reviewer : REVIEWERS) {
                long task = repository.latestForItem(draft.id()).orElseThrow().openTasks().findFirst().orElseThrow().id();
                counter.resume();
                as(reviewer, () -> approvals.decide(task, Decision.APPROVED, "同意", null));
                counter.pause();
            }
        }
        Map<String, Long> decisions = counter.stop();
        long decisionCommits = counter.commits();
        counter.start();
        for (int i = 0; i < n; i++) {
            oneChain("dept.fire", items, approvals, repository, false);
        }
        Map<String, Long> whole = counter.stop();
        long wholeCommits = counter.commits();
        flowableCounter.start();
        for (int i = 0; i < n; i++) {
            flowable.chain("count-" + i, "计数事项" + i);
        }
        Map<String, Long> flowableWhole = flowableCounter.stop();
        long flowableCommits = flowableCounter.commits();
        printStatements("CampusGate, per step decision (4 per chain)", decisions, decisionCommits, n * 4);
        printStatements("CampusGate, per whole chain (draft, submission, 4 decisions; lookups of the open task included)",
                whole, wholeCommits, n);
        printStatements("Flowable, per whole chain (start, 5 task queries and completions)", flowableWhole,
                flowableCommits, n);
    }

    private static void printStatements(String what, Map<String, Long> statements, long commits, int units) {
        long total = statements.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("statements %s: %.1f statements, %.1f commits%n", what, total / (double) units,
                commits / (double) units);
        statements.forEach((sql, count) -> System.out.printf("    %6.2f  %s%n", count / (double) units, sql));
    }

    private static String summary(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (format + " (" + format + "–" + format + ")").formatted(sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /**
     * The side-by-side chain: the annual route with the committee's step decided by its secretary like every other
     * step (a benchmark-only revision, written as an administrator's revision would be). The real committee step
     * passes only by a panel's signed opinion — ten more transactions of committee work that the BPMN process does
     * not model; that chain is measured separately ({@code panel}).
     */
    private long plainProcedure() {
        String steps = """
                [{"kind": "PRELIMINARY_REVIEW", "organizationKind": "EXPERT_COMMITTEE", "role": "COMMITTEE_SECRETARY", "deadlineWorkingDays": 10, "quorum": "ONE"},
                 {"kind": "PRELIMINARY_REVIEW", "organizationKind": "EDUCATION_COMMISSION", "role": "COMMISSION_REVIEWER", "deadlineWorkingDays": 5, "quorum": "ONE"},
                 {"kind": "DISTRICT_APPROVAL", "organizationKind": "DISTRICT_LEADERSHIP_GROUP", "role": "DISTRICT_APPROVER", "deadlineWorkingDays": 5, "quorum": "ONE"},
                 {"kind": "MUNICIPAL_FILING", "organizationKind": "MUNICIPAL_LEADERSHIP_GROUP", "role": "MUNICIPAL_FILER", "deadlineWorkingDays": 5, "quorum": "ONE"}]""";
        jdbc.sql("UPDATE procedure_definition SET active = FALSE WHERE route = 'ANNUAL' AND active").update();
        return jdbc.sql("""
                INSERT INTO procedure_definition (route, revision, steps, note, active, created_by)
                SELECT 'ANNUAL', max(revision) + 1, CAST(:steps AS jsonb), '基准测试：专家委员会步骤由秘书直接决定', TRUE, 'bench'
                FROM procedure_definition WHERE route = 'ANNUAL' RETURNING id""").param("steps", steps)
                .query(Long.class).single();
    }

    /** Makes the annual route's revision {@code revision} the active one again. */
    private long activate(int revision) {
        jdbc.sql("UPDATE procedure_definition SET active = FALSE WHERE route = 'ANNUAL' AND active").update();
        return jdbc.sql("UPDATE procedure_definition SET active = TRUE WHERE route = 'ANNUAL' AND revision = :r RETURNING id")
                .param("r", revision).query(Long.class).single();
    }

    /** Flowable on a database of its own on the same server, with a pool as large as CampusGate's. */
    private void startFlowable() {
        HikariDataSource source = context.getBean(HikariDataSource.class);
        if (jdbc.sql("SELECT count(*) FROM pg_database WHERE datname = 'flowable'").query(Long.class).single() == 0) {
            jdbc.sql("CREATE DATABASE flowable").update();
        }
        String url = source.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/flowable$1");
        long started = System.nanoTime();
        flowable = new FlowableChain(url, source.getUsername() == null ? "postgres" : source.getUsername(),
                source.getMaximumPoolSize(), flowableCounter::wrap);
        flowableUrl = url;
        System.out.printf("Flowable %s engine started in %.1f s on %s%n", org.flowable.engine.ProcessEngine.VERSION,
                (System.nanoTime() - started) / 1e9, url);
    }

    private String flowableUrl;
    private JdbcClient flowableJdbc;

    private JdbcClient flowableJdbc() {
        if (flowableJdbc == null) {
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setURL(flowableUrl);
            ds.setUser("postgres");
            flowableJdbc = JdbcClient.create(ds);
        }
        return flowableJdbc;
    }

    /**
     * The same history in Flowable's tables as Flowable's default history level writes it for a finished chain:
     * the process instance, its five completed task instances and their candidate-group links ({@code ACT_HI_*}).
     * Activity instances and historic variables are left out: no task query reads them.
     */
    private void seedFlowableHistory() {
        String definition = flowable.processDefinitionId();
        JdbcClient f = flowableJdbc();
        f.sql("""
                INSERT INTO act_hi_procinst (id_, rev_, proc_inst_id_, business_key_, proc_def_id_, start_time_, end_time_,
                    duration_, start_user_id_, start_act_id_, end_act_id_)
                SELECT 'hp' || g, 1, 'hp' || g, 'history-' || g, :def, now() - (g || ' minutes')::interval,
                       now() - (g || ' minutes')::interval + interval '5 days', 432000000, 'dept.fire', 'start', 'approved'
                FROM generate_series(1, :n) g""").param("def", definition).param("n", HISTORY_CHAINS).update();
        String[][] steps = FlowableChain.STEPS;
        // Four decided steps per chain as in CampusGate's history (1,000,000 with the default 250,000 chains).
        for (int i = 1; i < steps.length; i++) {
            f.sql("""
                    INSERT INTO act_hi_taskinst (id_, rev_, proc_def_id_, task_def_key_, proc_inst_id_, execution_id_,
                        name_, assignee_, start_time_, end_time_, duration_, priority_, last_updated_time_)
                    SELECT 'ht' || :no || '-' || g, 2, :def, :key, 'hp' || g, 'hp' || g, :key, :who,
                           now() - (g || ' minutes')::interval + (:no || ' days')::interval,
                           now() - (g || ' minutes')::interval + ((:no + 1) || ' days')::interval, 86400000, 50,
                           now() - (g || ' minutes')::interval + ((:no + 1) || ' days')::interval
                    FROM generate_series(1, :n) g""").param("no", i).param("def", definition).param("key", steps[i][0])
                    .param("who", steps[i][2]).param("n", HISTORY_CHAINS).update();
            f.sql("""
                    INSERT INTO act_hi_identitylink (id_, group_id_, type_, task_id_, create_time_, proc_inst_id_)
                    SELECT 'hl' || :no || '-' || g, :group, 'candidate', 'ht' || :no || '-' || g, now(), 'hp' || g
                    FROM generate_series(1, :n) g""").param("no", i).param("group", steps[i][1])
                    .param("n", HISTORY_CHAINS).update();
        }
        f.sql("VACUUM ANALYZE act_hi_taskinst").update();
        f.sql("VACUUM ANALYZE act_hi_procinst").update();
        f.sql("VACUUM ANALYZE act_hi_identitylink").update();
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

    private static double[] latencies(Runnable work) {
        for (int i = 0; i < 200; i++) {
            work.run();
        }
        double[] millis = new double[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            work.run();
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

    private static final String[] REVIEWERS = {"secretary", "commission", "district", "municipal"};
    private static final String[] PANEL_REVIEWERS = {"commission", "district", "municipal"};

    /**
     * Whole chains by {@code clients} threads for a fixed time, each thread one department's submissions: the
     * draft, its submission, then each step's holder finds the open task and approves it.
     */
    private double chainsPerSecond(int clients, boolean panel) throws Exception {
        return chainsPerSecond(clients, panel, CHAIN_SECONDS);
    }

    private double chainsPerSecond(int clients, boolean panel, double seconds) throws Exception {
        Items items = context.getBean(Items.class);
        Approvals approvals = context.getBean(Approvals.class);
        ApprovalRepository repository = context.getBean(ApprovalRepository.class);
        String[] departments = {"dept.fire", "dept.police", "dept.health", "dept.justice"};
        return timed(clients, seconds, c -> oneChain(departments[c % departments.length], items, approvals, repository, panel));
    }

    private void oneChain(String department, Items items, Approvals approvals, ApprovalRepository repository,
                          boolean panel) {
        long n = sequence.incrementAndGet();
        Item draft = as(department, () -> items.draft(content(n)));
        as(department, () -> items.submit(draft.id(), draft.version()));
        if (panel) {
            // The committee step passes only by a signed opinion: a panel of three reviews and signs.
            context.getBean(cn.campusgate.ExpertOpinions.class).approve(draft.id());
        }
        for (String reviewer : panel ? PANEL_REVIEWERS : REVIEWERS) {
            long task = repository.latestForItem(draft.id()).orElseThrow().openTasks().findFirst().orElseThrow().id();
            as(reviewer, () -> approvals.decide(task, Decision.APPROVED, "同意", null));
        }
    }

    private double flowableChainsPerSecond(int clients, double seconds) throws Exception {
        return timed(clients, seconds, c -> {
            long n = sequence.incrementAndGet();
            flowable.chain("bench-" + n, "基准测试事项" + n);
        });
    }

    /** Runs {@code chain} in {@code clients} threads for the configured time; whole chains per second. */
    private static double timed(int clients, double seconds, java.util.function.IntConsumer chain) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong completed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            runs.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    chain.accept(client);
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
                String.valueOf(clients), "-T", String.valueOf(PGBENCH_SECONDS), "-n"), connection, List.of(database)));
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
