package cn.campusgate.insight;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import cn.campusgate.BenchApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Insight at national scale, on one application node with its embedded PostgreSQL:
 * <ol>
 *   <li>{@link NationalData} writes 31 provinces, 2,850 districts, 34,200 towns, 102,600 departments and 206,000 schools
 *       (about 190,000 compulsory-education and 16,000 senior secondary) and a year of facts: ten million sentinel
 *       records with the alerts, complaints, closed cases, violations, sanctions and approved items around them;</li>
 *   <li>the district dashboard (everything the district page shows: totals, caps, the load per school and semester,
 *       the monthly trend, departments and towns, similar-theme clusters) is built for districts spread over the
 *       country, and the national roll-up (every province by kind for the year) is computed;</li>
 * </ol>
 * each timed over rounds and reported as median with min–max. Targets: under 1 s per district, under 5 s nationally.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=cn.campusgate.insight.InsightBenchmark -Dbench.args=}
 * (scale with {@code -Dbench.jvm=-Dscale=0.1} for a tenth of the country).
 */
public final class InsightBenchmark {

    private static final double SCALE = Double.parseDouble(System.getProperty("scale", "1"));
    private static final int ROUNDS = Integer.getInteger("rounds", 5);
    private static final int YEAR = 2025;

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = BenchApplication.start(Map.of("campusgate.demo.progress", "false"));
        try {
            run(context);
        } finally {
            context.close();
        }
    }

    private static void run(ConfigurableApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        NationalData generator = context.getBean(NationalData.class);
        Dashboards dashboards = context.getBean(Dashboards.class);
        NationalData.Size size = SCALE >= 1 ? NationalData.Size.national() : NationalData.Size.scaled(SCALE);
        long start = System.nanoTime();
        long facts = generator.generate(size, YEAR);
        double seconds = (System.nanoTime() - start) / 1e9;
        jdbc.sql("VACUUM ANALYZE insight_fact").update();
        jdbc.sql("VACUUM ANALYZE insight_district_month").update();
        jdbc.sql("VACUUM ANALYZE insight_unit").update();
        System.out.printf("generated: %,d districts, %,d schools, %,d facts (%,d sentinel records) in %.1f s; "
                        + "fact table %s, roll-up rows %,d%n",
                size.districts(), size.schools(), facts,
                jdbc.sql("SELECT count(*) FROM insight_fact WHERE kind = 'SENTINEL_RECORD' AND synthetic").query(Long.class).single(),
                seconds, jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('insight_fact'))").query(String.class).single(),
                jdbc.sql("SELECT count(*) FROM insight_district_month").query(Long.class).single());

        LocalDate from = LocalDate.of(YEAR, 1, 1);
        LocalDate to = LocalDate.of(YEAR, 12, 31);
        double[] district = new double[ROUNDS];
        long shownFacts = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int n = (round * 977) % size.districts();
            Scope scope = new Scope(Scope.Level.DISTRICT, NationalData.district(n), "区县" + n);
            long t = System.nanoTime();
            Dashboard d = dashboards.build(scope, YEAR, from, to);
            district[round] = (System.nanoTime() - t) / 1e6;
            shownFacts = d.total(FactKind.SENTINEL_RECORD).facts();
        }
        report("district dashboard (one district's year, every figure of the page)", district,
                "sentinel records in the last district: " + shownFacts);

        double[] national = new double[ROUNDS];
        int provinces = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long t = System.nanoTime();
            List<InsightRepository.ProvinceTotal> rows = timed(() -> dashboards.national(YEAR));
            national[round] = (System.nanoTime() - t) / 1e6;
            provinces = (int) rows.stream().mapToLong(InsightRepository.ProvinceTotal::provinceId).distinct().count();
        }
        report("national roll-up (every province by kind, from the district-month table)", national,
                provinces + " provinces");

        double[] scan = new double[Math.min(ROUNDS, 3)];
        for (int round = 0; round < scan.length; round++) {
            long t = System.nanoTime();
            jdbc.sql("SELECT province_id, kind, count(*) FROM insight_fact WHERE occurred_on BETWEEN :f AND :t GROUP BY 1, 2")
                    .param("f", from).param("t", to).query().listOfRows();
            scan[round] = (System.nanoTime() - t) / 1e6;
        }
        report("national roll-up straight from the facts (for comparison, no roll-up table)", scan, "");
    }

    private static <T> T timed(Supplier<T> work) {
        return work.get();
    }

    private static void report(String what, double[] millis, String note) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: median %.0f ms (%.0f–%.0f ms over %d rounds) %s%n", what, sorted[sorted.length / 2],
                sorted[0], sorted[sorted.length - 1], sorted.length, note);
    }
}
