package cn.campusgate.item;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.campusgate.screening.Finding;
import cn.campusgate.screening.Screening;
import cn.campusgate.screening.ScreeningInput;
import cn.campusgate.screening.Severity;
import cn.campusgate.screening.SimilarTheme;
import cn.campusgate.screening.SimilarThemes;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An item as the screening module sees it: its fields mapped onto a {@link ScreeningInput}, and its theme
 * kept in the similar-theme index under the key {@code item:<id>}.
 */
@Component
class ItemScreening {

    static final String KEY_PREFIX = "item:";

    private final Screening screening;
    private final SimilarThemes similarThemes;

    ItemScreening(Screening screening, SimilarThemes similarThemes) {
        this.screening = screening;
        this.similarThemes = similarThemes;
    }

    /** All findings, including similar themes of other items and whitelist entries. */
    List<Finding> findings(ItemContent content, @Nullable Long itemId, Locale locale,
                           java.util.function.Function<String, @Nullable String> ownerOf) {
        if (content.title() == null) {
            return List.of();
        }
        return screening.check(input(content), locale, itemId == null ? Set.of() : Set.of(KEY_PREFIX + itemId),
                ownerOf);
    }

    /** The refusing findings, each as "explanation (clause)", in the given language; empty if none. */
    List<String> refusals(ItemContent content, Locale locale) {
        if (content.title() == null) {
            return List.of();
        }
        return screening.check(input(content), locale).stream()
                .filter(finding -> finding.severity() == Severity.REFUSE)
                .map(finding -> refusal(finding.explanation(), finding.clause(), locale))
                .toList();
    }

    /**
     * One refusal as the submit message lists it: the explanation, then its clause in one pair of brackets. The
     * clause quotes the plan with brackets of its own (三、整治重点（一）：“…”), so the message around the list
     * must not bracket it again: that gave “…”））.
     */
    static String refusal(String explanation, String clause, Locale locale) {
        String said = explanation.strip().replaceAll("[。.]+$", "");
        return "en".equals(locale.getLanguage()) ? said + " (" + clause + ")" : said + "（依据：" + clause + "）";
    }

    void index(Item item) {
        similarThemes.register(KEY_PREFIX + item.id(), themeText(item.content()));
    }

    void forget(Item item) {
        similarThemes.remove(KEY_PREFIX + item.id());
    }

    /** Items and entries of any department whose theme is the same or similar, best first. */
    List<SimilarTheme> similarTo(Item item, int limit) {
        String own = KEY_PREFIX + item.id();
        return similarThemes.find(themeText(item.content()), limit + 1).stream()
                .filter(theme -> !theme.key().equals(own))
                .limit(limit)
                .toList();
    }

    /** What the index compares and people read: the title, with the theme when it adds something. */
    static String themeText(ItemContent content) {
        String title = content.title() == null ? "" : content.title();
        String theme = content.theme();
        if (theme == null || title.contains(theme)) {
            return title;
        }
        return theme.contains(title) ? theme : title + "（" + theme + "）";
    }

    static ScreeningInput input(ItemContent c) {
        String scope = Stream.of(
                        c.targetStages().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        c.targetGrades(), c.targetSchools(),
                        c.graduatingClasses() == GraduatingClasses.INCLUDED ? "含毕业年级" : null)
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining("；"));
        String teachers = c.teacherHours() == null ? null : "教师投入 " + c.teacherHours() + " 课时";
        return new ScreeningInput(c.title() == null ? "" : c.title(), c.theme(), c.content(), c.form(),
                c.deliveryMode() == null ? null : c.deliveryMode().name(), scope.isEmpty() ? null : scope,
                c.dataDemands(), teachers, c.teachersLeaveCampus(), null, null, c.evaluationMethod(),
                c.expectedEffect(), c.admissionGround() == null ? null : c.admissionGround().name());
    }
}
