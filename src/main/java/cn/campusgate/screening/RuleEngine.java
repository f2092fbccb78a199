package cn.campusgate.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Runs the catalogue over one input: at most one hit per rule, from the first field that triggers it. */
final class RuleEngine {

    /** A rule that fired: where, on what words, and how severe after the emergency exemption. */
    record Hit(ScreeningRule rule, Severity severity, String field, String evidence) {
    }

    private static final int MAX_EVIDENCE = 60;

    private final RuleCatalogue catalogue;

    RuleEngine(RuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    List<Hit> run(ScreeningInput input) {
        Map<String, String> texts = texts(input);
        Map<String, String> originals = originals(input);
        Map<String, String> masked = new LinkedHashMap<>();
        texts.forEach((field, text) -> masked.put(field, Negation.mask(text)));
        List<Hit> hits = new ArrayList<>();
        for (ScreeningRule rule : catalogue.rules()) {
            Severity severity = rule.emergencyExempt() && input.emergency() ? Severity.WARN : rule.severity();
            Optional<ScreeningRule.FlagHit> flag = rule.flag().apply(input);
            if (flag.isPresent()) {
                hits.add(new Hit(rule, severity, flag.get().field(), flag.get().evidence()));
                continue;
            }
            Hit hit = firstTextHit(rule, severity, texts, masked, originals);
            if (hit != null) {
                hits.add(hit);
            }
        }
        return hits;
    }

    private static @Nullable Hit firstTextHit(ScreeningRule rule, Severity severity, Map<String, String> texts,
                                              Map<String, String> masked, Map<String, String> originals) {
        for (var entry : texts.entrySet()) {
            String text = entry.getValue();
            String mask = masked.get(entry.getKey());
            for (Pattern trigger : rule.triggers()) {
                Matcher matcher = trigger.matcher(text);
                while (matcher.find()) {
                    if (matcher.end() == matcher.start()) {
                        continue;
                    }
                    if (vetoed(rule, text, matcher.start(), matcher.end())) {
                        continue;
                    }
                    if (Negation.negated(mask, matcher.start(), matcher.end(), rule.negationInside())) {
                        continue;
                    }
                    String original = originals.get(entry.getKey());
                    String words = original.length() == text.length()
                            ? original.substring(matcher.start(), matcher.end()) : matcher.group();
                    return new Hit(rule, severity, entry.getKey(), evidence(words));
                }
            }
        }
        return null;
    }

    private static boolean vetoed(ScreeningRule rule, String text, int start, int end) {
        if (rule.vetoes().isEmpty()) {
            return false;
        }
        String clause = text.substring(Negation.clauseStart(text, start), Negation.clauseEnd(text, end));
        return rule.vetoes().stream().anyMatch(veto -> veto.matcher(clause).find());
    }

    private static String evidence(String matched) {
        String trimmed = matched.strip();
        return trimmed.length() > MAX_EVIDENCE ? trimmed.substring(0, MAX_EVIDENCE) + "…" : trimmed;
    }

    /** The free-text fields in the order a form shows them, normalised. */
    static Map<String, String> texts(ScreeningInput input) {
        Map<String, String> texts = new LinkedHashMap<>();
        originals(input).forEach((field, text) -> texts.put(field, ChineseText.normalize(text)));
        return texts;
    }

    /** The free-text fields as written, to quote the evidence as the applicant wrote it. */
    static Map<String, String> originals(ScreeningInput input) {
        Map<String, String> texts = new LinkedHashMap<>();
        put(texts, "title", input.title());
        put(texts, "theme", input.theme());
        put(texts, "form", input.form());
        put(texts, "content", input.content());
        put(texts, "targetScope", input.targetScope());
        put(texts, "dataDemands", input.dataDemands());
        put(texts, "teacherInvolvement", input.teacherInvolvement());
        put(texts, "evaluationMethod", input.evaluationMethod());
        put(texts, "expectedEffect", input.expectedEffect());
        return texts;
    }

    private static void put(Map<String, String> texts, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            texts.put(field, value);
        }
    }
}
