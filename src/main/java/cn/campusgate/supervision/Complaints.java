package cn.campusgate.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;

import cn.campusgate.calendar.WorkingCalendar;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.organization.Organization;
import cn.campusgate.supervision.SupervisionEvents.ComplainantAnswered;
import cn.campusgate.supervision.SupervisionEvents.ComplainantWrote;
import cn.campusgate.supervision.SupervisionEvents.ComplaintFiled;
import cn.campusgate.supervision.SupervisionEvents.EvidenceAdded;
import cn.campusgate.supervision.SupervisionEvents.EvidenceRead;
import cn.campusgate.supervision.SupervisionEvents.IdentityRead;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints coming in and the conversation with the complainant. Anyone may file (the public page and API,
 * without an account) and follows up with the receipt code; supervisors log hotline, mailbox and letter
 * complaints, and monitoring alerts open cases too. A complaint joins an open case about the same school and
 * body in the same period, or opens a new one. Identity and contact are sealed before they reach the database;
 * only supervisors open them, and each opening is audited. Nothing about the sender's connection is kept.
 */
@Service
public class Complaints {

    private final SupervisionRepository repository;
    private final Bodies bodies;
    private final IdentityCipher cipher;
    private final EvidenceStore store;
    private final WorkingCalendar calendar;
    private final SupervisionSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Complaints(SupervisionRepository repository, Bodies bodies, IdentityCipher cipher, EvidenceStore store,
               WorkingCalendar calendar, SupervisionSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.bodies = bodies;
        this.cipher = cipher;
        this.store = store;
        this.calendar = calendar;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the complainant gets back: the receipt code (shown once, never stored in the clear) and, for an
     * identified complainant with earlier false complaints, the yellow card.
     */
    public record Filed(ReceiptCode receiptCode, long complaintId, long caseId, String caseNumber, Card card,
                        int falseComplaints) {
    }

    /** What the complainant reads with the receipt code. */
    public record FollowUp(ReceiptCode receiptCode, Complaint complaint, CaseStatus status, String caseNumber,
                           @Nullable CaseOutcome outcome, List<ComplaintMessage> messages, int evidenceCount,
                           boolean open) {
    }

    /** An evidence file opened for a supervisor. */
    public record EvidenceFile(Evidence evidence, byte[] content) {
    }

    /** What the complaint forms offer: schools by town or street, and the bodies a complaint may concern. */
    public record Options(java.util.Map<String, List<Organization>> schoolsByTown, List<Organization> departments,
                          List<Organization> towns, int maxFiles, long maxMegabytes) {
    }

    @Transactional(readOnly = true)
    public Options options() {
        return new Options(bodies.schoolsByTown(), bodies.departments(), bodies.towns(), store.maxFiles(),
                store.maxBytes() / (1024 * 1024));
    }

    /** A school by its code or full name (for the public API); empty if there is none. */
    @Transactional(readOnly = true)
    public Optional<Organization> schoolByCodeOrName(@Nullable String codeOrName) {
        return bodies.byCodeOrName(codeOrName, true);
    }

    /** A department or town/street by its code or full name (for the public API); empty if there is none. */
    @Transactional(readOnly = true)
    public Optional<Organization> bodyByCodeOrName(@Nullable String codeOrName) {
        return bodies.byCodeOrName(codeOrName, false);
    }

    // --- filing ---

    /** From the public page or API: no account, nothing about the connection kept. */
    @Transactional
    public Filed fileOnline(ComplaintCommand command, List<EvidenceUpload> files) {
        return file(Channel.ONLINE, command, files, Actors.SYSTEM, null);
    }

    /** A supervisor logs a complaint that came by phone, mailbox or letter. */
    @Transactional
    public Filed log(Channel channel, ComplaintCommand command, List<EvidenceUpload> files) {
        Actor actor = requireSupervisor();
        if (channel == Channel.ONLINE || channel == Channel.MONITORING) {
            throw new BusinessRuleViolation("supervision.complaint.channel");
        }
        return file(channel, command, files, actor.username(), actor.username());
    }

    /** An alert of the monitoring sentinels (or data analysis) opens or joins a case, without a complainant. */
    @Transactional
    public Filed openFromMonitoring(ComplaintCommand command) {
        if (command.name() != null || command.contact() != null) {
            throw new IllegalArgumentException("a monitoring alert has no complainant");
        }
        return file(Channel.MONITORING, command, List.of(), Actors.SYSTEM, null);
    }

    private Filed file(Channel channel, ComplaintCommand command, List<EvidenceUpload> files, String actor,
                       @Nullable String loggedBy) {
        LocalDate today = LocalDate.now(clock);
        List<ComplaintCommand.FieldProblem> problems = command.problems(today);
        if (!problems.isEmpty()) {
            throw new InvalidComplaint(problems);
        }
        Organization school = bodies.school(java.util.Objects.requireNonNull(command.schoolId()));
        long district = bodies.districtOf(school);
        Organization target = command.targetId() == null ? null : bodies.body(command.targetId(), district);
        List<EvidenceStore.Accepted> accepted = store.check(files, 0);
        String name = ComplaintCommand.blankToNull(command.name());
        String contact = ComplaintCommand.blankToNull(command.contact());
        String key = contact == null ? null : cipher.complainantKey(contact);
        CardPolicy.Verdict verdict = new CardPolicy.Verdict(Card.NONE, 0, null);
        if (key != null) {
            SupervisionRepository.FalseRecord record = repository.falseRecord(key);
            verdict = CardPolicy.of(settings).judge(record.count(), record.last(), today);
            if (verdict.refused()) {
                // Only that it cannot be accepted and how to appeal: whoever types a phone number must not learn that
                // person's card history (how many false reports, until when).
                throw new BusinessRuleViolation("supervision.complaint.redCard");
            }
        }
        Instant now = clock.instant();
        LocalDate happened = java.util.Objects.requireNonNull(command.happenedOn());
        Optional<SupervisionCase> related = target == null ? Optional.empty()
                : repository.lockRelated(school.id(), target.id(), happened, settings.groupWindowDays());
        SupervisionCase kase;
        if (related.isPresent()) {
            kase = related.get();
            kase.group(actor, "", now);
        } else {
            kase = SupervisionCase.open(repository.nextNumber(Year.from(today)), district, school.id(), school.name(),
                    target == null ? null : target.id(), target == null ? null : target.name(),
                    java.util.Objects.requireNonNull(command.category()), ComplaintCommand.blankToNull(command.itemTitle()),
                    happened, today, calendar.addWorkingDays(today, settings.receivedDays()), actor, "", now);
        }
        repository.save(kase);
        ReceiptCode code = ReceiptCode.generate();
        long complaintId = repository.insertComplaint(kase.id(), code.digest(), channel, command, school.name(),
                target == null ? null : target.name(), cipher.seal(name, contact), key, verdict.card(), now, loggedBy);
        for (EvidenceStore.Accepted file : accepted) {
            storeEvidence(complaintId, file, actor, now);
        }
        events.publishEvent(new ComplaintFiled(actor, complaintId, kase.id(), kase.number(), district, channel,
                command.category(), name != null || contact != null, related.isPresent(), verdict.card()));
        return new Filed(code, complaintId, kase.id(), kase.number(), verdict.card(), verdict.falseComplaints());
    }

    // --- the complainant, with the receipt code ---

    @Transactional(readOnly = true)
    public FollowUp follow(@Nullable String typedCode) {
        ReceiptCode code = parse(typedCode);
        Complaint complaint = byCode(code);
        SupervisionCase kase = repository.find(complaint.caseId()).orElseThrow();
        return new FollowUp(code, complaint, kase.status(), kase.number(),
                kase.status() == CaseStatus.CLOSED || kase.status() == CaseStatus.FOLLOW_UP ? kase.outcome() : null,
                repository.messages(complaint.id()), repository.evidenceCount(complaint.id()), kase.status().open());
    }

    /** The complainant writes to the handlers; possible until the case is closed. */
    @Transactional
    public void write(@Nullable String typedCode, @Nullable String text) {
        Complaint complaint = byCode(parse(typedCode));
        String body = requireText(text, 1000);
        SupervisionCase kase = repository.find(complaint.caseId()).orElseThrow();
        if (!kase.status().open()) {
            throw new BusinessRuleViolation("supervision.message.closed");
        }
        repository.insertMessage(complaint.id(), ComplaintMessage.Direction.FROM_COMPLAINANT, body, null, clock.instant());
        events.publishEvent(new ComplainantWrote(Actors.SYSTEM, complaint.id(), kase.id(), kase.number(),
                kase.jurisdictionId()));
    }

    /** More evidence for an open complaint, by its receipt code. */
    @Transactional
    public Evidence addEvidence(@Nullable String typedCode, EvidenceUpload file) {
        Complaint complaint = byCode(parse(typedCode));
        SupervisionCase kase = repository.find(complaint.caseId()).orElseThrow();
        if (!kase.status().open()) {
            throw new BusinessRuleViolation("supervision.message.closed");
        }
        EvidenceStore.Accepted accepted = store.check(List.of(file), repository.evidenceCount(complaint.id())).getFirst();
        long id = storeEvidence(complaint.id(), accepted, Actors.SYSTEM, clock.instant());
        return repository.evidence(complaint.id()).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    private long storeEvidence(long complaintId, EvidenceStore.Accepted file, String actor, Instant now) {
        EvidenceStore.Stored stored = store.store(file);
        long id = repository.insertEvidence(complaintId, file.fileName(), file.contentType(), file.content().length,
                stored.storageKey(), stored.sha256(), now);
        events.publishEvent(new EvidenceAdded(actor, complaintId, id, file.contentType(), file.content().length));
        return id;
    }

    // --- supervisors ---

    /** The complaints of a case the supervisor may see. */
    @Transactional(readOnly = true)
    public List<Complaint> ofCase(long caseId) {
        Actor actor = requireSupervisor();
        SupervisionCase kase = repository.find(caseId).orElseThrow(() -> new NotFound("case", caseId));
        if (!bodies.scopeOf(actor).contains(kase.jurisdictionId())) {
            throw new NotFound("case", caseId);
        }
        return repository.complaintsOf(caseId);
    }

    @Transactional(readOnly = true)
    public List<ComplaintMessage> messages(long complaintId) {
        return repository.messages(visible(complaintId).id());
    }

    @Transactional(readOnly = true)
    public List<Evidence> evidence(long complaintId) {
        return repository.evidence(visible(complaintId).id());
    }

    /** Opens the sealed name and contact for a supervisor; the reading is audited. */
    @Transactional
    public ComplainantIdentity identity(long complaintId) {
        Actor actor = requireSupervisor();
        Complaint complaint = visible(complaintId);
        byte[] sealed = repository.sealedIdentity(complaint.id()).orElseThrow(() -> new NotFound("identity", complaintId));
        events.publishEvent(new IdentityRead(actor.username(), complaint.id()));
        return cipher.open(sealed);
    }

    /** An evidence file for a supervisor; the reading is audited. */
    @Transactional
    public EvidenceFile evidenceFile(long evidenceId) {
        Actor actor = requireSupervisor();
        SupervisionRepository.StoredEvidence stored = repository.storedEvidence(evidenceId)
                .orElseThrow(() -> new NotFound("evidence", evidenceId));
        visible(stored.evidence().complaintId());
        events.publishEvent(new EvidenceRead(actor.username(), stored.evidence().complaintId(), evidenceId));
        return new EvidenceFile(stored.evidence(), store.read(stored.storageKey()));
    }

    /** A supervisor answers the complainant, who reads it with the receipt code. */
    @Transactional
    public void answer(long complaintId, @Nullable String text) {
        Actor actor = requireSupervisor();
        Complaint complaint = visible(complaintId);
        String body = requireText(text, 1000);
        SupervisionCase kase = repository.lock(complaint.caseId()).orElseThrow();
        if (!kase.status().open()) {
            throw new BusinessRuleViolation("supervision.message.closed");
        }
        repository.insertMessage(complaint.id(), ComplaintMessage.Direction.TO_COMPLAINANT, body, actor.username(),
                clock.instant());
        kase.recordReply(actor, clock.instant());
        repository.save(kase);
        events.publishEvent(new ComplainantAnswered(actor.username(), complaint.id(), kase.id()));
    }

    /** The sealed identities of a case, for the exposure check only (never shown). */
    List<ComplainantIdentity> identitiesOfCase(long caseId) {
        return repository.complaintsOf(caseId).stream().map(c -> repository.sealedIdentity(c.id()))
                .flatMap(Optional::stream).map(cipher::open).toList();
    }

    int maxEvidenceFiles() {
        return store.maxFiles();
    }

    // --- helpers ---

    private Complaint visible(long complaintId) {
        Actor actor = requireSupervisor();
        Complaint complaint = repository.complaint(complaintId).orElseThrow(() -> new NotFound("complaint", complaintId));
        SupervisionCase kase = repository.find(complaint.caseId()).orElseThrow();
        if (!bodies.scopeOf(actor).contains(kase.jurisdictionId())) {
            throw new NotFound("complaint", complaintId);
        }
        return complaint;
    }

    private Complaint byCode(ReceiptCode code) {
        return repository.complaintByReceipt(code.digest())
                .orElseThrow(() -> new NotFound("receipt", code.masked()));
    }

    private static ReceiptCode parse(@Nullable String typed) {
        return ReceiptCode.parse(typed).orElseThrow(() -> new NotFound("receipt",
                typed == null || typed.isBlank() ? "—" : typed.strip().substring(0, Math.min(4, typed.strip().length())) + "…"));
    }

    static Actor requireSupervisor() {
        Actor actor = Actors.required();
        if (!actor.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("supervisors only");
        }
        return actor;
    }

    static String requireText(@Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleViolation("supervision.text.required");
        }
        if (text.strip().length() > max) {
            throw new BusinessRuleViolation("supervision.text.tooLong", max);
        }
        return text.strip();
    }
}
