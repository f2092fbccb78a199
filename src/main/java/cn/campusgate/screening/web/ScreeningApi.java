package cn.campusgate.screening.web;

import java.util.List;
import java.util.Locale;

import cn.campusgate.screening.Finding;
import cn.campusgate.screening.Screening;
import cn.campusgate.screening.ScreeningInput;
import cn.campusgate.screening.ThemeSimilarity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Screening for other systems and for the item forms: any signed-in account may call it. */
@RestController
@RequestMapping("/api/v1/screening")
@Tag(name = "screening", description = "准入筛查 Screening against the three \"no\"s (R-2) and similar themes")
class ScreeningApi {

    static final int MAX_TEXT = 20_000;

    private final Screening screening;
    private final ThemeSimilarity similarity;

    ScreeningApi(Screening screening, ThemeSimilarity similarity) {
        this.screening = screening;
        this.similarity = similarity;
    }

    @Schema(description = "What to screen; only title is required. Free text in Chinese.")
    record CheckRequest(
            @NotBlank(message = "{screening.title.required}") @Size(max = MAX_TEXT, message = "{screening.text.tooLong}") String title,
            @Nullable @Size(max = MAX_TEXT, message = "{screening.text.tooLong}") String theme,
            @Nullable @Size(max = MAX_TEXT, message = "{screening.text.tooLong}") String content,
            @Nullable @Size(max = MAX_TEXT, message = "{screening.text.tooLong}") String form,
            @Nullable @Pattern(regexp = "ON_CAMPUS|RESOURCE_PACK") String deliveryMode,
            @Nullable @Size(max = MAX_TEXT, message = "{screening.text.tooLong}") String targetScope,
            @Nullable @Size(max = MAX_TEXT, message = "{screening.text.tooLong}") String dataDemands,
            @Nullable @Size(max = MAX_TEXT, message = "{screening.text.tooLong}") String teacherInvolvement,
            @Nullable Boolean teachersLeaveCampus,
            @Nullable Boolean chargesStudents,
            @Nullable Boolean commercial,
            @Nullable @Size(max = MAX_TEXT, message = "{screening.text.tooLong}") String evaluationMethod,
            @Nullable @Size(max = MAX_TEXT, message = "{screening.text.tooLong}") String expectedEffect,
            @Schema(description = "LAW, UNIFIED_ARRANGEMENT, ALL_ROUND_DEVELOPMENT or EMERGENCY")
            @Nullable @Pattern(regexp = "LAW|UNIFIED_ARRANGEMENT|ALL_ROUND_DEVELOPMENT|EMERGENCY") String admissionGround) {

        ScreeningInput input() {
            return new ScreeningInput(title, theme, content, form, deliveryMode, targetScope, dataDemands,
                    teacherInvolvement, teachersLeaveCampus, chargesStudents, commercial, evaluationMethod,
                    expectedEffect, admissionGround);
        }
    }

    record CheckResponse(List<Finding> findings, boolean refused) {
    }

    record SimilarityRequest(
            @NotBlank(message = "{screening.similarity.required}") @Size(max = MAX_TEXT, message = "{screening.text.tooLong}") String a,
            @NotBlank(message = "{screening.similarity.required}") @Size(max = MAX_TEXT, message = "{screening.text.tooLong}") String b) {
    }

    record SimilarityResponse(double score, boolean similar) {
    }

    @PostMapping("/check")
    @Operation(summary = "Screen a text against the R-2 rules",
            description = "Returns every rule the input breaks, with the policy clause quoted in Chinese, the field and the "
                    + "words that triggered it, and whether any finding refuses the input (commercial, fees, teachers off "
                    + "campus, secondment). Explanations follow Accept-Language.")
    CheckResponse check(@Valid @RequestBody CheckRequest request) {
        List<Finding> findings = screening.check(request.input(), LocaleContextHolder.getLocale());
        return new CheckResponse(findings, screening.refuses(findings));
    }

    @PostMapping("/similarity")
    @Operation(summary = "How similar two themes are (0..1), and whether they count as the same or a similar theme")
    SimilarityResponse similarity(@Valid @RequestBody SimilarityRequest request) {
        double score = similarity.score(request.a(), request.b());
        return new SimilarityResponse(score, score >= ThemeSimilarity.THRESHOLD);
    }
}
