package cn.campusgate.whitelist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.campusgate.approval.ApprovalEvents.ItemReadyForWhitelist;
import cn.campusgate.approval.Quotas;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.IdentitySeal;
import cn.campusgate.core.IdentityText;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemContent;
import cn.campusgate.item.Items;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.whitelist.WhitelistEvents.CommentPeriodRestarted;
import cn.campusgate.whitelist.WhitelistEvents.CommentPeriodStarted;
import cn.campusgate.whitelist.WhitelistEvents.EntryAdded;
import cn.campusgate.whitelist.WhitelistEvents.EntryRemoved;
import cn.campusgate.whitelist.WhitelistEvents.ObjectionAnswered;
import cn.campusgate.whitelist.WhitelistEvents.ObjectionFiled;
import cn.campusgate.whitelist.WhitelistEvents.ObjectorIdentityRead;
import cn.campusgate.whitelist.WhitelistEvents.VersionPublished;
import cn.campusgate.whitelist.WhitelistEvents.WhitelistApproved;
import cn.campusgate.whitelist.WhitelistEvents.WhitelistArchived;
import cn.campusgate.whitelist.WhitelistEvents.WhitelistOpened;
import cn.campusgate.whitelist.WhitelistEvents.WhitelistReturnedToDraft;
import cn.campusgate.core.SystemText;
import cn.campusgate.core.SystemTexts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists as the commission manages them, the district leadership group approves them and the public
 * reads them. Every change writes a change-log line and publishes an audited event in the same
 * transaction; every change to a list in force is a new published version.
 */
@Service
public class Whitelists {

    private static final Logger log = LoggerFactory.getLogger(Whitelists.class);

    private final WhitelistRepository repository;
    private final Items items;
    private final Organizations organizations;
    private final Quotas quotas;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PublicCheck publicCheck;
    private final IdentitySeal seal;
    private final SystemTexts texts;

    Whitelists(WhitelistRepository repository, Items items, Organizations organizations, Quotas quotas,
               ApplicationEventPublisher events, Clock clock, PublicCheck publicCheck, IdentitySeal seal,
               SystemTexts texts) {
        this.seal = seal;
        this.texts = texts;
        this.repository = repository;
        this.items = items;
        this.organizations = organizations;
        this.quotas = quotas;
        this.events = events;
        this.clock = clock;
        this.publicCheck = publicCheck;
    }

    /** A list with its jurisdiction's name, for pages. */
    public record Summary(Whitelist list, String jurisdictionName, long listed, long removed) {
    }

    // --- from the approval chain ---

    /**
     * An item passed the whole chain. Annual items join the draft of their year's list; any item whose list
     * is already in force (temporary ones, typically) joins it as an amendment, i.e. a new version. An item that
     * joins a list under comment restarts its 公示 (publicly: a status line in the change log, and the comment page
     * says so); one that joins a list approved but not yet published is held and joins as an amendment right after
     * publication, because the leadership group approved the list without it.
     */
    @Transactional
    public void admit(ItemReadyForWhitelist ready) {
        Item item = items.getForSystem(ready.itemId());
        ItemContent content = item.content();
        Organization department = organizations.get(ready.departmentId());
        long jurisdiction = Objects.requireNonNull(department.parentId(), "a department sits in a jurisdiction");
        WhitelistKind kind = WhitelistKind.of(content);
        Instant now = clock.instant();
        boolean[] created = {false};
        Whitelist list = repository.lockOrCreate(jurisdiction, ready.year(), kind, now, () -> created[0] = true);
        if (created[0]) {
            events.publishEvent(new WhitelistOpened(ready.actor(), list.id(), jurisdiction, ready.year(), kind));
        }
        if (repository.hasItem(list.id(), item.id())) {
            return;
        }
        if (list.status() == WhitelistStatus.ARCHIVED) {
            log.warn("Item {} approved for {}, whose {} list is archived; not listed", item.id(), ready.year(), kind);
            return;
        }
        LocalDate start = Objects.requireNonNull(content.startDate());
        WhitelistEntry entry = new WhitelistEntry(0, list.id(), item.id(), ready.approvalId(), ready.route(),
                Objects.requireNonNull(content.title()), content.theme(), department.id(), department.name(),
                content.basis(), content.content(), content.form(), content.targetStages(), content.targetGrades(),
                content.targetSchools(), start, content.endDate() == null ? start : content.endDate(),
                content.frequency(), content.deliveryMode(), content.integrationChannel(), ready.exempt(),
                content.place(), false, null, null, null, null);
        long entryId = repository.addEntry(list.id(), entry);
        SystemText decisionText = SystemText.of("whitelist.change.text.approvalFiled", ready.approvalId());
        SystemText reasonText = SystemText.of(ready.route() == cn.campusgate.item.ItemRoute.TEMPORARY
                ? "whitelist.change.text.temporaryApproved" : "whitelist.change.text.annualApproved");
        String decision = chinese(decisionText);
        String reason = chinese(reasonText);
        if (list.status().inForce()) {
            int number = list.amend(null, now);
            repository.markPendingAdded(list.id(), number);
            repository.log(list.id(), number, WhitelistChange.Kind.ADDED, entryId, entry.title(), today(), reason,
                    reasonText, decision, decisionText, ready.actor(), now);
            repository.save(list);
            snapshot(list, number, "增补：" + entry.title(), ready.actor(), now);
            events.publishEvent(new EntryAdded(ready.actor(), list.id(), entryId, item.id(), entry.title(), number));
        } else {
            repository.log(list.id(), null, WhitelistChange.Kind.ADDED, entryId, entry.title(), today(), reason,
                    reasonText, decision, decisionText, ready.actor(), now);
            events.publishEvent(new EntryAdded(ready.actor(), list.id(), entryId, item.id(), entry.title(), 0));
            if (list.status() == WhitelistStatus.COMMENT_PERIOD) {
                list.restartCommentPeriod(today(), now);
                repository.save(list);
                LocalDate ends = Objects.requireNonNull(list.commentEndsOn());
                SystemText restarted = SystemText.of("whitelist.change.text.commentRestarted", entry.title(),
                        today(), list.commentDays(), ends);
                SystemText restartDecision = SystemText.of("whitelist.change.text.commentRestartedDecision");
                repository.log(list.id(), null, WhitelistChange.Kind.STATUS, entryId, entry.title(), today(),
                        chinese(restarted), restarted, chinese(restartDecision), restartDecision, ready.actor(), now);
                events.publishEvent(new CommentPeriodRestarted(ready.actor(), list.id(), entryId, ends));
            } else if (list.status() == WhitelistStatus.APPROVED) {
                repository.holdForAmendment(entryId);
            }
        }
    }

    // --- the commission and the leadership group ---

    /** Lists of the actor's jurisdiction and those below it, newest year first. */
    @Transactional(readOnly = true)
    public List<Summary> managed() {
        Actor actor = requireStaff();
        Set<Long> jurisdictions = jurisdictionsUnder(quotas.jurisdictionOf(actor));
        return repository.ofJurisdictions(jurisdictions).stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    public Whitelist get(long id) {
        Actor actor = requireStaff();
        Whitelist list = repository.find(id).orElseThrow(() -> new NotFound("whitelist", id));
        if (!jurisdictionsUnder(quotas.jurisdictionOf(actor)).contains(list.jurisdictionId())) {
            throw new NotFound("whitelist", id);
        }
        return list;
    }

    @Transactional
    public Whitelist startCommentPeriod(long id, int expectedVersion, int days) {
        Actor actor = require(Role.COMMISSION_REVIEWER);
        Whitelist list = locked(actor, id, expectedVersion);
        long listed = repository.entries(id).stream().filter(e -> !e.removed()).count();
        list.startCommentPeriod(today(), days, (int) listed, clock.instant());
        repository.save(list);
        SystemText period = SystemText.of("whitelist.change.text.commentPeriod", days,
                Objects.requireNonNull(list.commentEndsOn()));
        SystemText started = SystemText.of("whitelist.change.text.commentStarted");
        repository.log(id, null, WhitelistChange.Kind.STATUS, null, null, today(), chinese(period), period,
                chinese(started), started, actor.username(), clock.instant());
        events.publishEvent(new CommentPeriodStarted(actor.username(), id, Objects.requireNonNull(list.commentEndsOn())));
        return list;
    }

    /**
     * The answer is published with the objection (区教委将逐条答复), so it may not carry the objector's name or
     * contact in any written form; refused with the field named, nothing saved.
     */
    @Transactional
    public Objection answerObjection(long objectionId, String answer, boolean upheld) {
        Actor actor = require(Role.COMMISSION_REVIEWER);
        Objection objection = repository.objection(objectionId).orElseThrow(() -> new NotFound("objection", objectionId));
        get(objection.whitelistId());
        String text = requireText(answer, 2000);
        Optional<IdentitySeal.Identity> objector = repository.sealedObjector(objectionId).map(seal::open);
        if (objector.isPresent() && IdentityText.mentions(text,
                java.util.Arrays.asList(objector.get().name(), objector.get().contact()))) {
            throw new BusinessRuleViolation("whitelist.answer.objectorIdentity");
        }
        if (!repository.answer(objectionId, text, upheld, actor.username(), clock.instant())) {
            throw new BusinessRuleViolation("whitelist.objectionAlreadyAnswered");
        }
        events.publishEvent(new ObjectionAnswered(actor.username(), objection.whitelistId(), objectionId, upheld));
        return repository.objection(objectionId).orElseThrow();
    }

    /** An upheld objection or a correction: back to the draft, with the reason in the change log. */
    @Transactional
    public Whitelist returnToDraft(long id, int expectedVersion, String reason) {
        Actor actor = require(Role.COMMISSION_REVIEWER);
        Whitelist list = locked(actor, id, expectedVersion);
        String text = requireText(reason, 1000);
        list.returnToDraft(clock.instant());
        repository.save(list);
        SystemText withdrawn = SystemText.of("whitelist.change.text.commentWithdrawn");
        repository.log(id, null, WhitelistChange.Kind.STATUS, null, null, today(), text, null, chinese(withdrawn),
                withdrawn, actor.username(), clock.instant());
        events.publishEvent(new WhitelistReturnedToDraft(actor.username(), id, text));
        return list;
    }

    @Transactional
    public Whitelist approve(long id, int expectedVersion, String text) {
        Actor actor = require(Role.DISTRICT_APPROVER);
        Whitelist list = locked(actor, id, expectedVersion);
        list.approve(actor.username(), text, today(), repository.unansweredObjections(id), clock.instant());
        repository.save(list);
        SystemText commentOver = SystemText.of("whitelist.change.text.commentOver");
        SystemText approvedBy = SystemText.of("whitelist.change.text.approvedBy", text.strip());
        repository.log(id, null, WhitelistChange.Kind.STATUS, null, null, today(), chinese(commentOver), commentOver,
                chinese(approvedBy), approvedBy, actor.username(), clock.instant());
        events.publishEvent(new WhitelistApproved(actor.username(), id, text.strip()));
        return list;
    }

    @Transactional
    public Whitelist publish(long id, int expectedVersion, String documentNumber, LocalDate from, LocalDate to) {
        Actor actor = require(Role.COMMISSION_REVIEWER);
        Whitelist list = locked(actor, id, expectedVersion);
        Instant now = clock.instant();
        list.publish(documentNumber, from, to, now);
        repository.markPendingAdded(id, 1);
        repository.assignPendingChanges(id, 1);
        repository.save(list);
        SystemText published = SystemText.of("whitelist.change.text.published", 1);
        SystemText numbered = SystemText.of("whitelist.change.text.documentNumber", list.documentNumber());
        repository.log(id, 1, WhitelistChange.Kind.STATUS, null, null, today(), chinese(published), published,
                chinese(numbered), numbered, actor.username(), now);
        snapshot(list, 1, "正式发布", actor.username(), now);
        List<WhitelistEntry> held = repository.held(id);
        if (!held.isEmpty()) {
            // Items that passed the chain after the approval: not part of version 1, they join as its amendment.
            int number = list.amend(null, now);
            repository.releaseHeld(id, number);
            repository.save(list);
            String titles = String.join("、", held.stream().map(WhitelistEntry::title).toList());
            snapshot(list, number, "增补（审核批准后通过审批的事项）：" + titles, actor.username(), now);
            for (WhitelistEntry entry : held) {
                events.publishEvent(new EntryAdded(actor.username(), id, entry.id(), entry.itemId(), entry.title(),
                        number));
            }
        }
        return list;
    }

    /**
     * 调整出白名单: the entry leaves the list with its reason and the decision behind it. On a draft the
     * change waits for publication; on a list in force it is a new version. The entry stays in history.
     */
    @Transactional
    public Whitelist remove(long entryId, int expectedVersion, String reason, String decision,
                           @Nullable String documentNumber) {
        return remove(entryId, expectedVersion, reason, null, decision, null, documentNumber);
    }

    /**
     * A removal the system words (an evaluation's proposal, a supervision finding): the reason and decision as
     * keys, so the public change log reads them in the reader's language; their Chinese sentences are kept too.
     */
    @Transactional
    public Whitelist remove(long entryId, int expectedVersion, SystemText reason, SystemText decision,
                           @Nullable String documentNumber) {
        return remove(entryId, expectedVersion, chinese(reason), reason, chinese(decision), decision, documentNumber);
    }

    private Whitelist remove(long entryId, int expectedVersion, String reason, @Nullable SystemText reasonText,
                             String decision, @Nullable SystemText decisionText, @Nullable String documentNumber) {
        Actor actor = require(Role.COMMISSION_REVIEWER);
        WhitelistEntry entry = repository.entry(entryId).orElseThrow(() -> new NotFound("whitelistEntry", entryId));
        Whitelist list = locked(actor, entry.whitelistId(), expectedVersion);
        if (entry.removed()) {
            throw new BusinessRuleViolation("whitelist.alreadyRemoved");
        }
        String why = requireText(reason, 1000);
        String decided = requireText(decision, 1000);
        Instant now = clock.instant();
        if (list.status().editableDraft()) {
            repository.markRemoved(entryId, null, why, today());
            repository.log(list.id(), null, WhitelistChange.Kind.REMOVED, entryId, entry.title(), today(), why,
                    reasonText, decided, decisionText, actor.username(), now);
            events.publishEvent(new EntryRemoved(actor.username(), list.id(), entryId, entry.itemId(), why, decided, 0));
            return list;
        }
        if (!list.status().inForce()) {
            throw new BusinessRuleViolation("whitelist.notChangeableNow");
        }
        int number = list.amend(documentNumber, now);
        repository.markRemoved(entryId, number, why, today());
        repository.log(list.id(), number, WhitelistChange.Kind.REMOVED, entryId, entry.title(), today(), why,
                reasonText, decided, decisionText, actor.username(), now);
        repository.save(list);
        snapshot(list, number, "调整出白名单：" + entry.title(), actor.username(), now);
        events.publishEvent(new EntryRemoved(actor.username(), list.id(), entryId, entry.itemId(), why, decided, number));
        return list;
    }

    @Transactional
    public Whitelist archive(long id, int expectedVersion) {
        Actor actor = require(Role.COMMISSION_REVIEWER);
        Whitelist list = locked(actor, id, expectedVersion);
        archive(list, actor.username());
        return list;
    }

    /** At year end: every list in force of a year that is over is archived. */
    @Transactional
    public int archiveFinishedYears() {
        int archived = 0;
        for (WhitelistStatus status : List.of(WhitelistStatus.PUBLISHED, WhitelistStatus.AMENDED)) {
            for (Whitelist list : repository.inStatus(status)) {
                if (list.year() >= today().getYear()) {
                    continue;
                }
                Whitelist locked = repository.lock(list.id()).orElseThrow();
                // Read again under the lock: the same job on another node may have archived it meanwhile.
                if (locked.status() == status) {
                    archive(locked, Actors.SYSTEM);
                    archived++;
                }
            }
        }
        return archived;
    }

    private void archive(Whitelist list, String actor) {
        list.archive(today(), clock.instant());
        repository.save(list);
        SystemText yearOver = SystemText.of("whitelist.change.text.yearOver", list.year());
        SystemText archived = SystemText.of("whitelist.change.text.archived");
        repository.log(list.id(), null, WhitelistChange.Kind.STATUS, null, null, today(), chinese(yearOver), yearOver,
                chinese(archived), archived, actor, clock.instant());
        events.publishEvent(new WhitelistArchived(actor, list.id()));
    }

    @Transactional(readOnly = true)
    public List<Objection> objections(long id) {
        get(id);
        return repository.objections(id);
    }

    /**
     * Opens an objector's sealed name and contact: the commission of the list's jurisdiction only (not the
     * leadership group, not supervisors); each opening is audited.
     */
    @Transactional
    public IdentitySeal.Identity objectorIdentity(long objectionId) {
        Actor actor = require(Role.COMMISSION_REVIEWER);
        Objection objection = repository.objection(objectionId).orElseThrow(() -> new NotFound("objection", objectionId));
        get(objection.whitelistId());
        byte[] sealed = repository.sealedObjector(objectionId).orElseThrow(() -> new NotFound("objection", objectionId));
        events.publishEvent(new ObjectorIdentityRead(actor.username(), objection.whitelistId(), objectionId));
        return seal.open(sealed);
    }

    /** Quota usage of the list's jurisdiction and, when there is one, of the jurisdiction above it. */
    @Transactional(readOnly = true)
    public List<Quotas.Usage> quotaUsage(Whitelist list) {
        List<Quotas.Usage> usage = new ArrayList<>();
        usage.add(quotas.usage(list.jurisdictionId(), list.year()));
        Long parent = organizations.get(list.jurisdictionId()).parentId();
        if (parent != null) {
            usage.add(quotas.usage(parent, list.year()));
        }
        return usage;
    }

    // --- for other modules ---

    /**
     * What a department may plan (R-5 implementation plans): its entries that are not removed, on lists that are
     * not archived. Items that passed the whole chain are entries already while their list is still a draft.
     */
    @Transactional(readOnly = true)
    public List<WhitelistEntry> entriesOfDepartment(long departmentId) {
        return repository.ofDepartment(departmentId);
    }

    /**
     * What a department may file an implementation plan for: its entries in force (carried by a published version of
     * a list in force), or of a list approved and waiting for publication; never of a draft or a list under comment,
     * never removed, never one that joined after the approval.
     */
    @Transactional(readOnly = true)
    public List<WhitelistEntry> plannableEntriesOfDepartment(long departmentId) {
        return repository.plannableOfDepartment(departmentId);
    }

    /** Whether a plan may be filed or approved for the entry now (see {@link #plannableEntriesOfDepartment}). */
    @Transactional(readOnly = true)
    public boolean plannable(long entryId) {
        return repository.plannable(entryId);
    }

    /** One entry by its id, for modules that refer to it; whether the reader may see it is theirs to decide. */
    @Transactional(readOnly = true)
    public Optional<WhitelistEntry> findEntry(long entryId) {
        return repository.entry(entryId);
    }

    // --- the public ---

    /** Lists published at least once, for anyone. */
    @Transactional(readOnly = true)
    public List<Summary> publicLists() {
        return repository.published().stream().map(this::summary).toList();
    }

    /** A list the public may read (published at least once), or not found. */
    @Transactional(readOnly = true)
    public Whitelist publicList(long id) {
        return repository.find(id).filter(l -> l.publishedVersion() > 0)
                .orElseThrow(() -> new NotFound("whitelist", id));
    }

    @Transactional(readOnly = true)
    public Summary summaryOf(Whitelist list) {
        return summary(list);
    }

    /** Who issues the list's notice: the education leadership group of its jurisdiction (区委教育工作领导小组). */
    @Transactional(readOnly = true)
    public String issuerOf(Whitelist list) {
        return organizations.ofKind(OrganizationKind.DISTRICT_LEADERSHIP_GROUP).stream()
                .filter(group -> Objects.equals(group.parentId(), list.jurisdictionId()))
                .map(Organization::name).findFirst()
                .orElseGet(() -> summary(list).jurisdictionName());
    }

    /** Every entry ever published on the list (removed ones with their reason); staff also see pending ones. */
    @Transactional(readOnly = true)
    public List<WhitelistEntry> entries(Whitelist list, boolean includePending) {
        return repository.entries(list.id()).stream()
                .filter(e -> includePending || e.addedInVersion() != null).toList();
    }

    @Transactional(readOnly = true)
    public WhitelistEntry publicEntry(long whitelistId, long entryId) {
        publicList(whitelistId);
        return repository.entry(entryId).filter(e -> e.whitelistId() == whitelistId && e.addedInVersion() != null)
                .orElseThrow(() -> new NotFound("whitelistEntry", entryId));
    }

    /** The change log; for the public only changes that took effect in a published version, and status steps. */
    @Transactional(readOnly = true)
    public List<WhitelistChange> changes(Whitelist list, boolean includePending) {
        return repository.changes(list.id()).stream()
                .filter(c -> includePending || c.versionNumber() != null || c.kind() == WhitelistChange.Kind.STATUS)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<PublishedVersion> versions(Whitelist list) {
        return repository.versions(list.id());
    }

    @Transactional(readOnly = true)
    public PublishedVersion version(Whitelist list, int number) {
        return repository.version(list.id(), number).orElseThrow(() -> new NotFound("whitelistVersion", number));
    }

    /** Objections whose answer the public may read. */
    @Transactional(readOnly = true)
    public List<Objection> answeredObjections(Whitelist list) {
        return repository.objections(list.id()).stream().filter(Objection::answered).toList();
    }

    /** 公示 open for objections on a list, for anyone; refused outside the period. */
    @Transactional
    public long fileObjection(long whitelistId, @Nullable Long entryId, @Nullable String name, @Nullable String contact,
                              String text) {
        Whitelist list = repository.find(whitelistId).orElseThrow(() -> new NotFound("whitelist", whitelistId));
        if (!list.openForObjections(today())) {
            throw new BusinessRuleViolation("whitelist.notOpenForObjections");
        }
        if (entryId != null && repository.entry(entryId).filter(e -> e.whitelistId() == whitelistId).isEmpty()) {
            throw new NotFound("whitelistEntry", entryId);
        }
        String body = requireText(text, 2000);
        String who = blankToNull(name, 60);
        String reach = blankToNull(contact, 100);
        // The text is published with the answer; the name and contact are not (不公开), so they may not be in it.
        if (IdentityText.mentions(body, java.util.Arrays.asList(who, reach)) || IdentityText.carriesPersonalContact(body)) {
            throw new BusinessRuleViolation("whitelist.objection.identityInText");
        }
        long id = repository.addObjection(whitelistId, entryId, seal.seal(who, reach), body, clock.instant());
        events.publishEvent(new ObjectionFiled(Actors.currentName(), whitelistId, id));
        return id;
    }

    /** A list open for objections today, for anyone, with the entries under comment; or not found. */
    @Transactional(readOnly = true)
    public Whitelist listInCommentPeriod(long id) {
        return repository.find(id).filter(l -> l.openForObjections(today()))
                .orElseThrow(() -> new NotFound("whitelist", id));
    }

    /** Lists open for objections today. */
    @Transactional(readOnly = true)
    public List<Summary> inCommentPeriod() {
        return repository.inStatus(WhitelistStatus.COMMENT_PERIOD).stream()
                .filter(l -> l.openForObjections(today())).map(this::summary).toList();
    }

    /**
     * Whether an activity is covered; {@code school} and {@code department} by code or full name. Answered from
     * memory, without a transaction of its own (see {@link PublicCheck}).
     */
    public CheckAnswer check(String school, String department, String title, LocalDate day) {
        return publicCheck.check(school, department, title, day);
    }

    /** Names the public may pick from in the check form: the district's schools and departments. */
    public record CheckChoices(List<String> schools, List<String> departments) {
    }

    @Transactional(readOnly = true)
    public CheckChoices checkChoices() {
        return new CheckChoices(
                organizations.ofKind(OrganizationKind.SCHOOL).stream().filter(Organization::active).map(Organization::name).toList(),
                java.util.stream.Stream.of(OrganizationKind.DEPARTMENT, OrganizationKind.EDUCATION_COMMISSION)
                        .flatMap(k -> organizations.ofKind(k).stream()).filter(Organization::active)
                        .map(Organization::name).sorted().toList());
    }

    /**
     * The check's answer with what was matched.
     *
     * @param upcoming when not covered: the same activity on a list not yet in force (under 公示, approved and
     *                 not yet published, or an addition not yet published), so the answer can say it is coming
     */
    public record CheckAnswer(Coverage.Result result, Organization school, Organization department, int semesterCap,
                              @Nullable Upcoming upcoming) {
    }

    /** An entry on its way into force, with its list's year, kind, status and end of the comment period. */
    public record Upcoming(WhitelistEntry entry, int year, WhitelistKind kind, WhitelistStatus status,
                           @Nullable LocalDate commentEndsOn) {
        public boolean underComment() {
            return status == WhitelistStatus.COMMENT_PERIOD;
        }
    }

    // --- helpers ---

    /** The Chinese sentence kept beside the key: the official notice and exports quote the change log in Chinese. */
    private String chinese(SystemText text) {
        return texts.render(text, null, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private void snapshot(Whitelist list, int number, String note, String by, Instant now) {
        List<WhitelistEntry> carried = repository.entries(list.id()).stream()
                .filter(e -> !e.removed() && e.addedInVersion() != null).toList();
        repository.saveVersion(new PublishedVersion(list.id(), number, Objects.requireNonNull(list.documentNumber()),
                Objects.requireNonNull(list.effectiveFrom()), Objects.requireNonNull(list.effectiveTo()), note, by, now,
                carried));
        events.publishEvent(new VersionPublished(by, list.id(), number, list.documentNumber()));
    }

    private Summary summary(Whitelist list) {
        List<WhitelistEntry> entries = repository.entries(list.id());
        long removed = entries.stream().filter(WhitelistEntry::removed).count();
        return new Summary(list, organizations.get(list.jurisdictionId()).name(), entries.size() - removed, removed);
    }

    private Whitelist locked(Actor actor, long id, int expectedVersion) {
        Whitelist list = repository.lock(id).orElseThrow(() -> new NotFound("whitelist", id));
        if (!jurisdictionsUnder(quotas.jurisdictionOf(actor)).contains(list.jurisdictionId())) {
            throw new NotFound("whitelist", id);
        }
        if (list.version() != expectedVersion) {
            throw new BusinessRuleViolation("error.stale");
        }
        return list;
    }

    private Set<Long> jurisdictionsUnder(long jurisdictionId) {
        Set<Long> subtree = organizations.subtreeOf(jurisdictionId);
        Set<Long> jurisdictions = new HashSet<>();
        organizations.ofKind(OrganizationKind.JURISDICTION).stream().map(Organization::id).filter(subtree::contains)
                .forEach(jurisdictions::add);
        return jurisdictions;
    }

    private static Actor requireStaff() {
        Actor actor = Actors.required();
        if (!actor.has(Role.COMMISSION_REVIEWER) && !actor.has(Role.DISTRICT_APPROVER) && !actor.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("commission, district leadership group and supervisors only");
        }
        return actor;
    }

    private static Actor require(Role role) {
        Actor actor = Actors.required();
        if (!actor.has(role)) {
            throw new AccessDeniedException(role + " only");
        }
        return actor;
    }

    private static String requireText(@Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleViolation("whitelist.reasonRequired");
        }
        if (text.strip().length() > max) {
            throw new BusinessRuleViolation("whitelist.textTooLong", max);
        }
        return text.strip();
    }

    private static @Nullable String blankToNull(@Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > max) {
            throw new BusinessRuleViolation("whitelist.textTooLong", max);
        }
        return text.strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
