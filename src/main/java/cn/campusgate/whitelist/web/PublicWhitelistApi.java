package cn.campusgate.whitelist.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;

import cn.campusgate.core.Formats;
import cn.campusgate.whitelist.AmbiguousName;
import cn.campusgate.whitelist.Coverage;
import cn.campusgate.whitelist.WhitelistEntry;
import cn.campusgate.whitelist.Whitelists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public check, without sign-in: is this activity of this department in this school on this day allowed? */
@RestController
@RequestMapping("/api/v1/public/whitelist")
@Tag(name = "Whitelist (public)")
class PublicWhitelistApi {

    private final Whitelists whitelists;
    private final MessageSource messages;

    PublicWhitelistApi(Whitelists whitelists, MessageSource messages) {
        this.whitelists = whitelists;
        this.messages = messages;
    }

    /** What the public reads of an entry. */
    record PublicEntry(long id, long whitelistId, String title, @Nullable String theme, String department,
                       @Nullable String basis, @Nullable String content, @Nullable String form, Set<String> stages,
                       @Nullable String targetGrades, @Nullable String targetSchools, LocalDate startsOn,
                       LocalDate endsOn, @Nullable String frequency, @Nullable String deliveryMode,
                       @Nullable String integrationChannel, String route, boolean exempt) {
        static PublicEntry of(WhitelistEntry e) {
            return new PublicEntry(e.id(), e.whitelistId(), e.title(), e.theme(), e.departmentName(), e.basis(),
                    e.content(), e.form(), e.stages().stream().sorted().map(Enum::name) // in the stages' order: 小学 before 初中
                            .collect(Collectors.toCollection(LinkedHashSet::new)),
                    e.targetGrades(), e.targetSchools(), e.startsOn(), e.endsOn(),
                    e.frequency() == null ? null : e.frequency().name(),
                    e.deliveryMode() == null ? null : e.deliveryMode().name(),
                    e.integrationChannel() == null ? null : e.integrationChannel().name(), e.route().name(), e.exempt());
        }
    }

    /**
     * @param reason  COVERED, NOT_LISTED, OUTSIDE_TIME_WINDOW, SCHOOL_OUT_OF_SCOPE or OVER_SCHOOL_SEMESTER_CAP
     * @param entry   the covering entry when covered; otherwise the nearest listed entry, if any
     */
    record CheckResponse(boolean covered, String reason, String message, String school, String department,
                         String title, LocalDate date, int semesterCap, @Nullable PublicEntry entry,
                         @Nullable UpcomingEntry upcoming) {
    }

    /**
     * The same activity on a list not yet in force.
     *
     * @param listStatus COMMENT_PERIOD (公示中), APPROVED (approved, not yet published), or PUBLISHED / AMENDED for
     *                   an addition not yet published
     */
    record UpcomingEntry(String listStatus, int year, String kind, @Nullable LocalDate commentEndsOn,
                         String message, PublicEntry entry) {
    }

    /** What the answer says of an activity on a list not yet in force, in the reader's language. */
    static String upcomingText(MessageSource messages, Whitelists.Upcoming upcoming, Locale locale) {
        LocalDate ends = upcoming.commentEndsOn();
        return messages.getMessage("whitelist.check.upcoming." + upcoming.status().name(), new Object[]{
                upcoming.year(), messages.getMessage("whitelist.kind." + upcoming.kind().name(), null, locale),
                ends == null ? "—" : Formats.dateText(ends)}, locale);
    }

    /** A part of a name that fits several organisations: 422 with the full names to choose from. */
    @ExceptionHandler(AmbiguousName.class)
    ResponseEntity<ProblemDetail> ambiguous(AmbiguousName e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(e.messageKey(), e.arguments(), locale));
        problem.setType(URI.create("urn:campusgate:problem:rule-violation"));
        problem.setTitle(messages.getMessage("error.title.rule-violation", null, locale));
        problem.setProperty("code", e.messageKey());
        problem.setProperty("field", e.field());
        problem.setProperty("candidates", e.candidates());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @GetMapping("/check")
    @Operation(summary = "Whether an activity is covered by a whitelist in force",
            description = "school and department accept the organisation's code or its full Chinese name")
    ResponseEntity<CheckResponse> check(@RequestParam String school, @RequestParam String department,
                                        @RequestParam String title,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                        Locale locale) {
        Whitelists.CheckAnswer answer = whitelists.check(school, department, title, date);
        Coverage.Result result = answer.result();
        WhitelistEntry entry = result.entry();
        CheckResponse body = new CheckResponse(result.covered(), result.reason().name(),
                messages.getMessage("whitelist.check." + result.reason().name(), null, locale),
                answer.school().name(), answer.department().name(), title, date, answer.semesterCap(),
                entry == null ? null : PublicEntry.of(entry),
                answer.upcoming() == null ? null : new UpcomingEntry(answer.upcoming().status().name(),
                        answer.upcoming().year(), answer.upcoming().kind().name(), answer.upcoming().commentEndsOn(),
                        upcomingText(messages, answer.upcoming(), locale), PublicEntry.of(answer.upcoming().entry())));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic())
                .body(body);
    }
}
