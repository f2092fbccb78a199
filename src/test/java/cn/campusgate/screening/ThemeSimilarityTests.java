package cn.campusgate.screening;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeSimilarityTests {

    private final ThemeSimilarity similarity = new ThemeSimilarity();

    @Test
    void paraphrasesOfOneThemeAreSimilar() {
        assertThat(similarity.similar("防溺水安全教育", "珍爱生命预防溺水专题讲座")).isTrue();
        assertThat(similarity.similar("反电信网络诈骗宣传", "防范电信诈骗进校园")).isTrue();
        assertThat(similarity.score("消防安全教育", "消防安全教育")).isEqualTo(1.0);
    }

    @Test
    void themesSharingOnlyGenericWordsAreNot() {
        assertThat(similarity.similar("消防安全教育", "禁毒预防教育")).isFalse();
        assertThat(similarity.similar("交通安全", "消防安全")).isFalse();
        assertThat(similarity.score("交通安全", "消防安全")).isLessThan(0.1);
        assertThat(similarity.similar("校园足球联赛", "校园篮球联赛")).isFalse();
    }

    @Test
    void scoresAreBetweenZeroAndOneAndSymmetric() {
        double ab = similarity.score("近视防控", "爱眼护眼视力保护讲座");
        assertThat(ab).isBetween(0.0, 1.0).isEqualTo(similarity.score("爱眼护眼视力保护讲座", "近视防控"));
        assertThat(similarity.score("", "消防")).isZero();
        assertThat(similarity.score("！！！", "消防")).isZero();
    }

    @Test
    void theIndexFindsWhatThePairwiseScoreFinds() {
        SimilarThemes themes = new SimilarThemes(new ScreeningFixtures.MemoryStore());
        themes.register("item:1", "珍爱生命预防溺水专题讲座");
        themes.register("item:2", "消防安全知识进校园");
        themes.register("item:3", "禁毒预防教育");
        themes.register("item:4", "交通安全宣传");
        List<SimilarTheme> found = themes.find("防溺水安全教育", 5);
        assertThat(found).extracting(SimilarTheme::key).containsExactly("item:1");
        assertThat(found.getFirst().score()).isEqualTo(similarity.score("防溺水安全教育", "珍爱生命预防溺水专题讲座"));
        assertThat(themes.find("消防安全", 5)).extracting(SimilarTheme::key).containsExactly("item:2");
    }

    @Test
    void registeringAgainReplacesAndRemovingForgets() {
        SimilarThemes themes = new SimilarThemes(new ScreeningFixtures.MemoryStore());
        themes.register("item:1", "消防安全教育");
        themes.register("item:1", "禁毒宣传");
        assertThat(themes.find("消防安全", 5)).isEmpty();
        assertThat(themes.find("禁毒知识讲座", 5)).extracting(SimilarTheme::key).containsExactly("item:1");
        themes.remove("item:1");
        assertThat(themes.find("禁毒知识讲座", 5)).isEmpty();
        assertThat(themes.size()).isZero();
    }

    @Test
    void manyRemovalsCompactTheIndex() {
        SimilarThemes themes = new SimilarThemes(new ScreeningFixtures.MemoryStore());
        for (int i = 0; i < 3000; i++) {
            themes.register("k:" + i, "防溺水安全教育第" + i + "期");
        }
        for (int i = 0; i < 2990; i++) {
            themes.remove("k:" + i);
        }
        assertThat(themes.size()).isEqualTo(10);
        assertThat(themes.find("预防溺水", 100)).hasSize(10);
    }

    @Test
    void theScreeningWarnsAboutSimilarRegisteredThemesButNotItsOwn() {
        SimilarThemes themes = new SimilarThemes(new ScreeningFixtures.MemoryStore());
        themes.register("item:7", "珍爱生命预防溺水专题讲座");
        themes.register("item:8", "防溺水安全教育");
        Screening screening = ScreeningFixtures.screening(themes);
        List<Finding> findings = screening.check(ScreeningInput.of("防溺水安全教育", "民警讲解防溺水知识。"),
                Locale.SIMPLIFIED_CHINESE, List.of("item:8"));
        assertThat(findings).extracting(Finding::ruleId).containsExactly("R2-DIS-SIMILAR-THEME");
        assertThat(findings.getFirst().evidence()).contains("珍爱生命预防溺水专题讲座（").doesNotContain("防溺水安全教育（")
                .as("people read the theme and its score, not an internal key").doesNotContain("item:");
        assertThat(screening.check(ScreeningInput.of("防溺水安全教育", null), Locale.SIMPLIFIED_CHINESE)).isEmpty();
    }
}
