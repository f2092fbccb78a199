package cn.campusgate.core;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A sentence the system writes is kept as a key and read in each reader's language, dates as each writes them. */
class SystemTextTests {

    private final SystemTexts texts = new SystemTexts(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/whitelist");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void aChangeLogReasonReadsInChineseAndInEnglishWithTheDateAsEachWritesIt() {
        SystemText period = SystemText.of("whitelist.change.text.commentPeriod", 7, LocalDate.of(2026, 12, 14));
        SystemText stored = SystemText.fromJson(period.toJson());

        assertThat(stored).isEqualTo(period);
        assertThat(texts.render(stored, "旧文本", Locale.SIMPLIFIED_CHINESE)).isEqualTo("公示期 7 天，至 2026年12月14日");
        assertThat(texts.render(stored, "旧文本", Locale.ENGLISH)).isEqualTo("Public comment for 7 days, until 14 Dec 2026");
    }

    @Test
    void aNoticesDatesReadAsTheReadersLanguageWritesThem() {
        java.util.List<String> args = java.util.List.of("消防安全进课堂", "2026-12-14", "2026-99-99");
        assertThat(SystemTexts.noticeArgs(args, Locale.ENGLISH)).containsExactly("消防安全进课堂", "14 Dec 2026", "2026-99-99");
        assertThat(SystemTexts.noticeArgs(args, Locale.SIMPLIFIED_CHINESE))
                .containsExactly("消防安全进课堂", "2026年12月14日", "2026-99-99");
    }

    @Test
    void aTypedArgumentIsKeptAsTypedAndAnOldRowShowsItsSentence() {
        SystemText approved = SystemText.of("whitelist.change.text.approvedBy", "同意发布 {0} '");
        assertThat(texts.render(SystemText.fromJson(approved.toJson()), null, Locale.ENGLISH))
                .isEqualTo("Approved by the district leadership group: 同意发布 {0} '");
        assertThat(texts.render(SystemText.fromJson(null), "公示期 7 天，至 2026-12-14", Locale.ENGLISH))
                .isEqualTo("公示期 7 天，至 2026-12-14");
        assertThat(SystemText.fromJson("not json")).isNull();
    }
}
