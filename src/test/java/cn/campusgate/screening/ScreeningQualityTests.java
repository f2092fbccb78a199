package cn.campusgate.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of the similarity decision and of each rule family on the labelled sets in
 * {@code src/test/resources/screening}: a training part used while tuning and a held-out part that was not.
 * Writes {@code docs/screening-quality.md}. Misses of the training part are printed; the held-out misses only
 * with {@code -Dscreening.showHoldout=true}.
 */
class ScreeningQualityTests {

    static final Path REPORT = Path.of("docs/screening-quality.md");

    record Counts(int tp, int fp, int fn, int tn) {
        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn);
        }

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        double f1() {
            return precision() + recall() == 0 ? 0 : 2 * precision() * recall() / (precision() + recall());
        }

        static Counts of(boolean expected, boolean actual) {
            return new Counts(expected && actual ? 1 : 0, !expected && actual ? 1 : 0, expected && !actual ? 1 : 0,
                    !expected && !actual ? 1 : 0);
        }
    }

    static final Counts ZERO = new Counts(0, 0, 0, 0);
    static final boolean SHOW_HOLDOUT = Boolean.getBoolean("screening.showHoldout");

    static Map<String, Counts> similarity = new TreeMap<>();
    static Map<String, Map<RuleFamily, Counts>> families = new TreeMap<>();
    static Map<String, Integer> exactItems = new TreeMap<>();
    static Map<String, Integer> items = new TreeMap<>();
    static Map<String, Integer> pairs = new TreeMap<>();
    static List<String> misses = new ArrayList<>();

    @BeforeAll
    static void measure() throws IOException {
        ThemeSimilarity themes = new ThemeSimilarity();
        try (Reader reader = resource("screening/theme-pairs.csv")) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String split = row.get("split");
                boolean expected = row.get("similar").equals("1");
                double score = themes.score(row.get("a"), row.get("b"));
                boolean actual = score >= ThemeSimilarity.THRESHOLD;
                similarity.merge(split, Counts.of(expected, actual), Counts::plus);
                pairs.merge(split, 1, Integer::sum);
                if (expected != actual && (split.equals("train") || SHOW_HOLDOUT)) {
                    misses.add("pair [" + split + "] " + row.get("a") + " | " + row.get("b") + " expected " + expected
                            + " score " + score);
                }
            }
        }
        Screening screening = ScreeningFixtures.screening();
        JsonNode all;
        try (InputStream in = ScreeningQualityTests.class.getClassLoader().getResourceAsStream("screening/item-texts.json")) {
            all = JsonMapper.builder().build().readTree(in);
        }
        for (JsonNode item : all) {
            String split = item.get("split").asString();
            ScreeningInput input = new ScreeningInput(item.get("title").asString(), text(item, "theme"),
                    text(item, "content"), text(item, "form"), text(item, "deliveryMode"), text(item, "targetScope"),
                    text(item, "dataDemands"), text(item, "teacherInvolvement"), flag(item, "teachersLeaveCampus"),
                    flag(item, "chargesStudents"), flag(item, "commercial"), text(item, "evaluationMethod"),
                    text(item, "expectedEffect"), text(item, "admissionGround"));
            List<Finding> findings = screening.check(input, Locale.SIMPLIFIED_CHINESE);
            Set<RuleFamily> expected = new java.util.HashSet<>();
            item.get("families").forEach(f -> expected.add(RuleFamily.valueOf(f.asString())));
            Set<RuleFamily> actual = findings.stream().map(Finding::family).collect(Collectors.toSet());
            Map<RuleFamily, Counts> bySplit = families.computeIfAbsent(split, s -> new EnumMap<>(RuleFamily.class));
            for (RuleFamily family : RuleFamily.values()) {
                bySplit.merge(family, Counts.of(expected.contains(family), actual.contains(family)), Counts::plus);
            }
            items.merge(split, 1, Integer::sum);
            exactItems.merge(split, expected.equals(actual) ? 1 : 0, Integer::sum);
            if (!expected.equals(actual) && (split.equals("train") || SHOW_HOLDOUT)) {
                misses.add("item [" + split + "] " + item.get("title").asString() + " expected " + expected + " got "
                        + findings.stream().map(f -> f.ruleId() + "(" + f.field() + ":" + f.evidence() + ")").toList());
            }
        }
        misses.forEach(System.out::println);
        writeReport();
    }

    @Test
    void similarityIsPreciseAndFindsMostSimilarThemes() {
        Counts total = similarity.values().stream().reduce(ZERO, Counts::plus);
        assertThat(total.precision()).as("similarity precision, all pairs").isGreaterThanOrEqualTo(0.9);
        assertThat(total.recall()).as("similarity recall, all pairs").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void ruleFamiliesArePreciseAndFindMostProblems() {
        Counts total = families.values().stream().flatMap(m -> m.values().stream()).reduce(ZERO, Counts::plus);
        assertThat(total.precision()).as("rule family precision, all items").isGreaterThanOrEqualTo(0.9);
        assertThat(total.recall()).as("rule family recall, all items").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void theLabelledSetsAreLargeEnough() {
        assertThat(pairs.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(160);
        assertThat(items.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(90);
        assertThat(pairs).containsKeys("train", "holdout", "holdout2", "holdout3");
        assertThat(items).containsKeys("train", "holdout", "holdout2", "holdout3");
    }

    private static void writeReport() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Screening quality 筛查质量\n\n")
                .append("Generated by `ScreeningQualityTests` (`./mvnw test -Dtest=ScreeningQualityTests`) from the labelled sets in ")
                .append("`src/test/resources/screening/` (theme-pairs.csv, item-texts.json). The test asserts precision ≥ 0.9 and ")
                .append("recall ≥ 0.85 over all parts together. Similarity threshold: ").append(ThemeSimilarity.THRESHOLD).append(".\n\n")
                .append("| part | what it is |\n|---|---|\n")
                .append("| train | used while writing the rules and the lexicon and tuning the threshold; every miss was looked at |\n")
                .append("| held-out A | written together with the second round of rules, run blind once (figures below), then its misses ")
                .append("were looked at and fixed, so it is no longer blind |\n")
                .append("| held-out B | written after the third round, run blind once (figures below), then its misses were looked at ")
                .append("and fixed, so it is no longer blind |\n")
                .append("| held-out C | written after the fourth round, run blind once (figures below); its two misses were then ")
                .append("fixed by broader patterns, so the table shows it seen |\n\n")
                .append("The blind figures are the honest ones. All parts were written by the same engineer who wrote the rules, so ")
                .append("even they flatter the rules: ")
                .append("an independent set will score lower.\n\n")
                .append("Held-out A when it was still blind (commit 55da075): similarity 90 pairs, TP 45, FP 2, FN 0, TN 43, precision ")
                .append("0.957, recall 1.000; rule families 55 items, micro-average TP 38, FP 1, FN 1, precision 0.974, recall 0.974.\n\n")
                .append("Held-out B when it was still blind (commit 1ecbd8e): similarity 40 pairs, TP 19, FP 0, FN 1, TN 20, precision ")
                .append("1.000, recall 0.950; rule families 35 items, micro-average TP 22, FP 0, FN 5, precision 1.000, recall 0.815 — ")
                .append("the misses were phrasings the patterns did not know (\"没有看到审批文件\", \"第三天就组织督查\", ")
                .append("\"开幕式方阵表演\", \"注册会员\").\n\n")
                .append("Held-out C when it was still blind (commit fa87998): similarity 30 pairs, TP 15, FP 0, FN 0, TN 15, precision ")
                .append("1.000, recall 1.000; rule families 30 items, micro-average TP 20, FP 0, FN 2, precision 1.000, recall 0.909 — ")
                .append("both misses IRRELEVANT: a tutoring company named only \"机构\" handing out course leaflets, and students made ")
                .append("to buy goods for a charity sale (\"认购\").\n\n")
                .append("One training label was changed after review: 暑期安全提醒 / 寒假安全提醒 from \"not similar\" to \"similar\" ")
                .append("(the same recurring theme at two times of year).\n\n");
        md.append("## Similar themes (ThemeSimilarity.similar)\n\n")
                .append("| part | pairs | TP | FP | FN | TN | precision | recall | F1 |\n|---|---|---|---|---|---|---|---|---|\n");
        for (var entry : similarity.entrySet()) {
            row(md, label(entry.getKey()), pairs.get(entry.getKey()), entry.getValue());
        }
        row(md, "**all**", pairs.values().stream().mapToInt(Integer::intValue).sum(),
                similarity.values().stream().reduce(ZERO, Counts::plus));
        md.append("\n## Rule families (a finding of the family present vs expected)\n\n")
                .append("| part | family | items | TP | FP | FN | TN | precision | recall | F1 |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (var entry : families.entrySet()) {
            for (var family : entry.getValue().entrySet()) {
                familyRow(md, label(entry.getKey()), family.getKey().name(), items.get(entry.getKey()), family.getValue());
            }
            familyRow(md, label(entry.getKey()), "**micro-average**", items.get(entry.getKey()),
                    entry.getValue().values().stream().reduce(ZERO, Counts::plus));
        }
        familyRow(md, "**all**", "**micro-average**", items.values().stream().mapToInt(Integer::intValue).sum(),
                families.values().stream().flatMap(m -> m.values().stream()).reduce(ZERO, Counts::plus));
        md.append("\nItems whose predicted set of families equals the expected set exactly: ");
        md.append(exactItems.entrySet().stream().map(e -> label(e.getKey()) + " " + e.getValue() + "/" + items.get(e.getKey()))
                .collect(Collectors.joining(", "))).append(".\n");
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, md.toString(), StandardCharsets.UTF_8);
    }

    private static String label(String split) {
        return switch (split) {
            case "train" -> "train";
            case "holdout" -> "held-out A";
            case "holdout2" -> "held-out B";
            case "holdout3" -> "held-out C";
            default -> split;
        };
    }

    private static void row(StringBuilder md, String part, int n, Counts c) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n", part, n, c.tp(),
                c.fp(), c.fn(), c.tn(), c.precision(), c.recall(), c.f1()));
    }

    private static void familyRow(StringBuilder md, String part, String family, int n, Counts c) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n", part, family, n,
                c.tp(), c.fp(), c.fn(), c.tn(), c.precision(), c.recall(), c.f1()));
    }

    private static String text(JsonNode item, String field) {
        return item.hasNonNull(field) ? item.get(field).asString() : null;
    }

    private static Boolean flag(JsonNode item, String field) {
        return item.hasNonNull(field) ? item.get(field).asBoolean() : null;
    }

    private static Reader resource(String name) {
        return new InputStreamReader(ScreeningQualityTests.class.getClassLoader().getResourceAsStream(name),
                StandardCharsets.UTF_8);
    }
}
