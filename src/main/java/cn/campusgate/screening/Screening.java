package cn.campusgate.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Screens anything that wants to enter schools against R-2 (the action plan's three "no"s) and the
 * higher-level rules, and lists the rule catalogue. Stateless and thread-safe.
 *
 * <p>Usage by the item module: {@code screening.check(input, locale)} when a draft is saved or submitted,
 * {@code screening.refuses(findings)} to block submission, and
 * {@code screening.check(input, locale, Set.of("item:42"))} to add the similar-theme check against the
 * themes registered in {@link SimilarThemes}, ignoring the item's own key.
 */
@Service
public class Screening {

    private final RuleCatalogue catalogue = new RuleCatalogue();
    private final RuleEngine engine = new RuleEngine(catalogue);
    private final MessageSource messages;
    private final SimilarThemes similarThemes;

    Screening(MessageSource messages, SimilarThemes similarThemes) {
        this.messages = messages;
        this.similarThemes = similarThemes;
    }

    /** Findings of the text and flag rules, in catalogue order (无关, 无序, 无效), at most one per rule. */
    public List<Finding> check(ScreeningInput input, Locale locale) {
        return engine.run(input).stream()
                .map(hit -> new Finding(hit.rule().id(), hit.rule().family(), hit.severity(), hit.rule().clause(),
                        explanation(hit.rule(), hit.severity() != hit.rule().severity(), locale), hit.field(),
                        hit.evidence()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /**
     * {@link #check(ScreeningInput, Locale)} plus a {@code R2-DIS-SIMILAR-THEME} warning when themes registered by
     * others are similar to this title and theme ("同一或相近主题活动频繁、多部门组织进入校园").
     *
     * @param ownKeys keys of the screened thing itself (e.g. its earlier versions), never reported as similar
     */
    public List<Finding> check(ScreeningInput input, Locale locale, Collection<String> ownKeys) {
        return check(input, locale, ownKeys, key -> null);
    }

    /**
     * As {@link #check(ScreeningInput, Locale, Collection)}, each similar theme named with the body that owns it
     * ({@code ownerOf} a theme's key: a department's name, or {@code null}), so the hint says whom to ask.
     */
    public List<Finding> check(ScreeningInput input, Locale locale, Collection<String> ownKeys,
                               java.util.function.Function<String, @org.jspecify.annotations.Nullable String> ownerOf) {
        List<Finding> findings = check(input, locale);
        String text = input.theme() == null || input.theme().isBlank() ? input.title()
                : input.title() + " " + input.theme();
        Set<String> own = Set.copyOf(ownKeys);
        List<SimilarTheme> similar = similarThemes.find(text, 5 + own.size()).stream()
                .filter(theme -> !own.contains(theme.key())).limit(5).toList();
        if (!similar.isEmpty()) {
            boolean english = "en".equals(locale.getLanguage());
            String evidence = similar.stream()
                    .map(theme -> {
                        String percent = Math.round(theme.score() * 100) + "%";
                        String owner = ownerOf.apply(theme.key());
                        return owner == null
                                ? messages.getMessage("screening.similar.evidence", new Object[]{theme.text(), percent}, locale)
                                : messages.getMessage("screening.similar.evidenceOwned",
                                        new Object[]{theme.text(), owner, percent}, locale);
                    })
                    .collect(Collectors.joining(english ? "; " : "；"));
            Finding finding = new Finding(RuleCatalogue.SIMILAR_THEME, RuleFamily.DISORDERLY, Severity.WARN,
                    RuleCatalogue.Q_FREQUENT, messages.getMessage("screening.rule." + RuleCatalogue.SIMILAR_THEME
                    + ".explanation", null, locale), "title", evidence);
            int at = (int) findings.stream().filter(f -> f.family() != RuleFamily.INEFFECTIVE).count();
            findings.add(at, finding);
        }
        return findings;
    }

    /** Whether any finding refuses the input (commercial, fees, off-campus duty, secondment). */
    public boolean refuses(List<Finding> findings) {
        return findings.stream().anyMatch(finding -> finding.severity() == Severity.REFUSE);
    }

    /** The whole catalogue, with names and explanations in the given language. */
    public List<RuleView> rules(Locale locale) {
        List<RuleView> views = new ArrayList<>();
        for (ScreeningRule rule : catalogue.rules()) {
            views.add(new RuleView(rule.id(), messages.getMessage(rule.nameKey(), null, locale), rule.family(),
                    rule.severity(), rule.clause(), rule.source(), explanation(rule, false, locale),
                    rule.emergencyExempt()));
        }
        int at = (int) views.stream().filter(v -> v.family() != RuleFamily.INEFFECTIVE).count();
        views.add(at, new RuleView(RuleCatalogue.SIMILAR_THEME,
                messages.getMessage("screening.rule." + RuleCatalogue.SIMILAR_THEME + ".name", null, locale),
                RuleFamily.DISORDERLY, Severity.WARN, RuleCatalogue.Q_FREQUENT, RuleCatalogue.PLAN + "三（二）",
                messages.getMessage("screening.rule." + RuleCatalogue.SIMILAR_THEME + ".explanation", null, locale),
                false));
        return views;
    }

    private String explanation(ScreeningRule rule, boolean emergencyRelief, Locale locale) {
        String text = messages.getMessage(rule.explanationKey(), null, locale);
        return emergencyRelief ? text + " " + messages.getMessage("screening.emergencyRelief", null, locale) : text;
    }
}
