package cn.campusgate.supervision.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.supervision.CaseStatus;
import cn.campusgate.supervision.ComplaintCategory;
import cn.campusgate.supervision.ComplaintCommand;
import cn.campusgate.supervision.ComplaintMessage;
import cn.campusgate.supervision.Complaints;
import cn.campusgate.supervision.Evidence;
import cn.campusgate.supervision.EvidenceRejected;
import cn.campusgate.supervision.EvidenceUpload;
import cn.campusgate.supervision.Exposures;
import cn.campusgate.supervision.InvalidComplaint;
import cn.campusgate.supervision.PublishedExposure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Complaints without an account. Filing answers 201 with the receipt code, which is then the only key to the
 * complaint: its status, the messages meant for the complainant, writing to the handlers and adding evidence.
 * An unknown code answers 404. Nothing about the caller's connection is stored.
 */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "Complaints (public)")
class PublicComplaintApi {

    private final Complaints complaints;
    private final Exposures exposures;
    private final MessageSource messages;

    PublicComplaintApi(Complaints complaints, Exposures exposures, MessageSource messages) {
        this.complaints = complaints;
        this.exposures = exposures;
        this.messages = messages;
    }

    /**
     * @param school    the school's code or full name
     * @param concerned the department's or town/street's code or full name, if known
     */
    record ComplaintRequest(@Nullable ComplaintCategory category, @Nullable String school, @Nullable String concerned,
                            @Nullable String activity, @Nullable LocalDate happenedOn, @Nullable String description,
                            @Nullable String name, @Nullable String contact) {
    }

    record Filed(String receiptCode, String caseNumber, CaseStatus status, String card, String message) {
    }

    record Message(String from, String text, Instant at) {
    }

    record Status(String receiptCode, String caseNumber, CaseStatus status, String statusLabel,
                  ComplaintCategory category, String school, @Nullable String concerned, LocalDate happenedOn,
                  Instant receivedAt, @Nullable String outcome, boolean open, int evidenceFiles,
                  List<Message> messages) {
    }

    record MessageRequest(@Nullable String text) {
    }

    record EvidenceAnswer(long id, String fileName, String contentType, long size) {
    }

    record Exposure(String body, ComplaintCategory category, String categoryLabel, String basis, String summary,
                    Instant publishedAt) {
    }

    @PostMapping(path = "/complaints", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer is 201, not the inferred 200
    @Operation(summary = "File a complaint; answers 201 with the receipt code to follow it")
    ResponseEntity<Filed> file(@RequestBody ComplaintRequest request, Locale locale) {
        Long schoolId = request.school() == null || request.school().isBlank() ? null
                : complaints.schoolByCodeOrName(request.school()).map(o -> o.id())
                        .orElseThrow(() -> invalid("schoolId", "supervision.complaint.school.unknown"));
        Long targetId = request.concerned() == null || request.concerned().isBlank() ? null
                : complaints.bodyByCodeOrName(request.concerned()).map(o -> o.id())
                        .orElseThrow(() -> invalid("targetId", "supervision.complaint.target.unknown"));
        Complaints.Filed filed = complaints.fileOnline(new ComplaintCommand(request.category(), schoolId, targetId,
                request.activity(), request.happenedOn(), request.description(), request.name(), request.contact()),
                List.of());
        String message = messages.getMessage("supervision.receipt.keep", null, locale)
                + (filed.card() == cn.campusgate.supervision.Card.YELLOW
                ? " " + messages.getMessage("supervision.card.yellow", new Object[]{filed.falseComplaints()}, locale) : "");
        return ResponseEntity.created(URI.create("/api/v1/public/complaints/" + filed.receiptCode().value()))
                .cacheControl(CacheControl.noStore())
                .body(new Filed(filed.receiptCode().display(), filed.caseNumber(), CaseStatus.RECEIVED,
                        filed.card().name(), message));
    }

    @GetMapping("/complaints/{receiptCode}")
    @Operation(summary = "A complaint's status and the messages meant for the complainant; 404 for an unknown code")
    ResponseEntity<Status> status(@PathVariable String receiptCode, Locale locale) {
        Complaints.FollowUp follow = complaints.follow(receiptCode);
        var c = follow.complaint();
        List<Message> exchanged = follow.messages().stream().map(m -> new Message(
                m.direction() == ComplaintMessage.Direction.FROM_COMPLAINANT ? "COMPLAINANT" : "HANDLER", m.body(), m.at()))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Status(follow.receiptCode().display(),
                follow.caseNumber(), follow.status(),
                messages.getMessage("supervision.public.status." + follow.status(), null, locale), c.category(),
                c.schoolName(), c.targetName(), c.happenedOn(), c.receivedAt(),
                follow.outcome() == null ? null : messages.getMessage("supervision.outcome." + follow.outcome(), null, locale),
                follow.open(), follow.evidenceCount(), exchanged));
    }

    @PostMapping(path = "/complaints/{receiptCode}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer is 201, not the inferred 200
    @Operation(summary = "The complainant writes to the handlers")
    ResponseEntity<Void> write(@PathVariable String receiptCode, @RequestBody MessageRequest request) {
        complaints.write(receiptCode, request.text());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping(path = "/complaints/{receiptCode}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer is 201, not the inferred 200
    @Operation(summary = "Adds an evidence file (JPEG, PNG, WebP, HEIC or PDF; 413 when too large)")
    ResponseEntity<EvidenceAnswer> evidence(@PathVariable String receiptCode, @RequestPart("file") MultipartFile file)
            throws IOException {
        Evidence added = complaints.addEvidence(receiptCode, new EvidenceUpload(file.getOriginalFilename(), file.getBytes()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new EvidenceAnswer(added.id(), added.fileName(), added.contentType(), added.sizeBytes()));
    }

    @GetMapping("/exposures")
    @Operation(summary = "Concluded exposures (曝光), redacted")
    ResponseEntity<List<Exposure>> exposures(Locale locale) {
        List<Exposure> list = exposures.published().stream().map((PublishedExposure e) -> new Exposure(e.bodyName(),
                e.category(), messages.getMessage("supervision.category." + e.category(), null, locale), e.basis(),
                e.summary(), e.publishedAt())).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic())
                .body(list);
    }

    /** Each field's problem, like a validation failure: 400 with the list. */
    @ExceptionHandler(InvalidComplaint.class)
    ResponseEntity<ProblemDetail> invalid(InvalidComplaint e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("error.validation", null, locale));
        problem.setType(URI.create("urn:campusgate:problem:validation"));
        problem.setTitle(messages.getMessage("error.validation.title", null, locale));
        problem.setProperty("errors", e.problems().stream().map(p -> Map.of("field", p.field(), "message",
                messages.getMessage(p.messageKey(), p.arguments().toArray(), p.messageKey(), locale))).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    /** 413 for a file too large, 415 for a type not taken, 422 for one file too many. */
    @ExceptionHandler(EvidenceRejected.class)
    ResponseEntity<ProblemDetail> rejected(EvidenceRejected e, Locale locale) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY, EMPTY -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        problem.setType(URI.create("urn:campusgate:problem:evidence"));
        problem.setTitle(messages.getMessage("supervision.evidence.title", null, locale));
        problem.setProperty("code", e.messageKey());
        return ResponseEntity.status(status).body(problem);
    }

    private static InvalidComplaint invalid(String field, String key) {
        return InvalidComplaint.of(field, key);
    }
}
