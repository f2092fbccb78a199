package cn.campusgate.evaluation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.campusgate.evaluation.Activity;
import cn.campusgate.evaluation.Feedback;
import cn.campusgate.evaluation.PublicAnswerCommand;
import cn.campusgate.evaluation.Reason;
import cn.campusgate.evaluation.Respondent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anonymous feedback on an activity, without an account, by its link's token. The same signed cookie as the page
 * keeps one answer per browser and activity and the semester's cap; nothing about the caller is stored.
 */
@RestController
@RequestMapping("/api/v1/public/feedback")
@Tag(name = "public feedback", description = "匿名反馈 Anonymous feedback on delivered activities (no account)")
class PublicFeedbackApi {

    private final Feedback feedback;
    private final BallotCookie ballots;
    private final MessageSource messages;

    PublicFeedbackApi(Feedback feedback, BallotCookie ballots, MessageSource messages) {
        this.feedback = feedback;
        this.ballots = ballots;
        this.messages = messages;
    }

    record ActivityView(String title, String department, LocalDate startsOn, LocalDate endsOn, boolean open,
                        LocalDate closesOn, List<Respondent> respondents, List<Reason> reasons, int maxReasons) {
    }

    record AnswerRequest(@Nullable Respondent respondent, @Nullable Integer rating, @Nullable Set<Reason> reasons,
                         @Nullable String comment) {
    }

    record Received(String message) {
    }

    @GetMapping("/{token}")
    @Operation(summary = "The activity behind a feedback link and what may be answered (reading records nothing)")
    ActivityView activity(@PathVariable String token) {
        Activity a = feedback.byToken(token);
        return new ActivityView(a.title(), a.departmentName(), a.startsOn(), a.endsOn(), feedback.open(a), a.closesOn(),
                List.of(Respondent.values()), List.of(Reason.values()), Feedback.MAX_REASONS);
    }

    @PostMapping("/{token}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Give one anonymous answer: respondent, rating 1–4 (no neutral middle), up to 3 reasons, text")
    Received answer(@PathVariable String token, @RequestBody AnswerRequest body, HttpServletRequest request,
                    HttpServletResponse response, Locale locale) {
        feedback.answerAnonymously(token, new PublicAnswerCommand(body.respondent(), body.rating(), body.reasons(),
                body.comment()), ballots.answered(request));
        ballots.add(request, response, feedback.byToken(token).id());
        return new Received(messages.getMessage("public.feedback.thanks", null, locale));
    }
}
