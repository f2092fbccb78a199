package cn.campusgate.item;

import java.util.List;
import java.util.Locale;

import cn.campusgate.core.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused submission names each refusal with its clause in one pair of brackets, never “…”））. */
class RefusalMessageTests {

    private static final String CLAUSE = "三、整治重点（一）：“各类商业广告、商业活动及其他借机收费的社会事务进入校园”";

    @Test
    void theClauseIsBracketedOnceAndTheMessageDoesNotBracketTheList() {
        String refusal = ItemScreening.refusal("事项含有商业内容。商业活动不得进入校园，须删除后才能申报。", CLAUSE,
                Locale.SIMPLIFIED_CHINESE);
        assertThat(refusal).isEqualTo("事项含有商业内容。商业活动不得进入校园，须删除后才能申报（依据：" + CLAUSE + "）");

        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/item");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        BusinessRuleViolation refused = new BusinessRuleViolation("item.refusedByScreening", String.join("；", List.of(refusal)));
        String message = messages.getMessage(refused.messageKey(), refused.arguments(), Locale.SIMPLIFIED_CHINESE);
        assertThat(message).doesNotContain("））").doesNotContain("）。（").endsWith("”）。请按筛查提示修改。");
    }

    @Test
    void inEnglishTheBracketsAreEnglishToo() {
        assertThat(ItemScreening.refusal("Commercial content.", "Plan 3(1)", Locale.ENGLISH))
                .isEqualTo("Commercial content (Plan 3(1))");
    }
}
