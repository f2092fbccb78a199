package cn.campusgate.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Formats;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A department's implementation plan (实施方案) for one whitelist entry. Owns its lifecycle ({@link PlanStatus})
 * and its rules: filed at least {@link #LEAD_MONTHS} month before the activity, inside the entry's window,
 * graduating classes only with a reason, integrated into school work or handed to the school as a resource
 * pack; the commission may narrow schools, dates and class hours, never widen them.
 */
public final class ImplementationPlan {

    /** The action plan, 四（四）: plans reach the commission one month before the activity. */
    public static final int LEAD_MONTHS = 1;
    /** The rule as the refusal cites it. */
    public static final String LEAD_TIME_CLAUSE = "《行动方案》四（四）：“在活动开展前1个月报区教委审核把关”";

    /** The entry a plan carries out, as the plan needs to know it. */
    public record Entry(long id, long itemId, String title, @Nullable String theme, long departmentId,
                        LocalDate startsOn, LocalDate endsOn) {
    }

    private @Nullable Long id;
    private int version;
    private final long whitelistEntryId;
    private final long itemId;
    private final long departmentId;
    private final String departmentName;
    private final long jurisdictionId;
    private final String title;
    private final @Nullable String theme;
    private PlanStatus status;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private List<Long> schoolIds;
    private String grades;
    private GraduatingClasses graduatingClasses;
    private @Nullable String graduatingReason;
    private int classHours;
    private int teachersInvolved;
    private DeliveryMode deliveryMode;
    private @Nullable IntegrationChannel integrationChannel;
    private String arrangement;
    private @Nullable String resourcePack;
    private LocalDate askedStartsOn;
    private LocalDate askedEndsOn;
    private List<Long> askedSchoolIds;
    private int askedClassHours;
    private boolean narrowed;
    private @Nullable String reviewOpinion;
    private @Nullable String reviewedBy;
    private @Nullable Instant reviewedAt;
    private @Nullable Long mergedIntoId;
    private int submissions;
    private String submittedBy;
    private Instant submittedAt;
    private Instant updatedAt;

    ImplementationPlan(@Nullable Long id, int version, long whitelistEntryId, long itemId, long departmentId,
                       String departmentName, long jurisdictionId, String title, @Nullable String theme,
                       PlanStatus status, LocalDate startsOn, LocalDate endsOn, List<Long> schoolIds, String grades,
                       GraduatingClasses graduatingClasses, @Nullable String graduatingReason, int classHours,
                       int teachersInvolved, DeliveryMode deliveryMode, @Nullable IntegrationChannel integrationChannel,
                       String arrangement, @Nullable String resourcePack, LocalDate askedStartsOn,
                       LocalDate askedEndsOn, List<Long> askedSchoolIds, int askedClassHours, boolean narrowed,
                       @Nullable String reviewOpinion, @Nullable String reviewedBy, @Nullable Instant reviewedAt,
                       @Nullable Long mergedIntoId, int submissions, String submittedBy, Instant submittedAt,
                       Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.whitelistEntryId = whitelistEntryId;
        this.itemId = itemId;
        this.departmentId = departmentId;
        this.departmentName = departmentName;
        this.jurisdictionId = jurisdictionId;
        this.title = title;
        this.theme = theme;
        this.status = status;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.schoolIds = List.copyOf(schoolIds);
        this.grades = grades;
        this.graduatingClasses = graduatingClasses;
        this.graduatingReason = graduatingReason;
        this.classHours = classHours;
        this.teachersInvolved = teachersInvolved;
        this.deliveryMode = deliveryMode;
        this.integrationChannel = integrationChannel;
        this.arrangement = arrangement;
        this.resourcePack = resourcePack;
        this.askedStartsOn = askedStartsOn;
        this.askedEndsOn = askedEndsOn;
        this.askedSchoolIds = List.copyOf(askedSchoolIds);
        this.askedClassHours = askedClassHours;
        this.narrowed = narrowed;
        this.reviewOpinion = reviewOpinion;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
        this.mergedIntoId = mergedIntoId;
        this.submissions = submissions;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.updatedAt = updatedAt;
    }

    /** A filed plan, checked against the rules; nothing is kept when one is broken. */
    static ImplementationPlan file(Entry entry, String departmentName, long jurisdictionId, PlanCommand command,
                                   LocalDate today, String by, Instant now) {
        Checked c = check(entry, command, today);
        return new ImplementationPlan(null, 0, entry.id(), entry.itemId(), entry.departmentId(), departmentName,
                jurisdictionId, entry.title(), entry.theme(), PlanStatus.SUBMITTED, c.startsOn, c.endsOn,
                command.schoolIds(), c.grades, c.graduating, command.graduatingReason(), c.classHours, c.teachers,
                c.mode, command.integrationChannel(), c.arrangement, command.resourcePack(), c.startsOn, c.endsOn,
                command.schoolIds(), c.classHours, false, null, null, null, null, 1, by, now, now);
    }

    /** The department corrects a returned plan and files it again; the lead time counts from today. */
    void resubmit(Entry entry, PlanCommand command, LocalDate today, String by, Instant now) {
        move(PlanStatus.SUBMITTED);
        Checked c = check(entry, command, today);
        status = PlanStatus.SUBMITTED;
        startsOn = askedStartsOn = c.startsOn;
        endsOn = askedEndsOn = c.endsOn;
        schoolIds = askedSchoolIds = List.copyOf(command.schoolIds());
        grades = c.grades;
        graduatingClasses = c.graduating;
        graduatingReason = command.graduatingReason();
        classHours = askedClassHours = c.classHours;
        teachersInvolved = c.teachers;
        deliveryMode = c.mode;
        integrationChannel = command.integrationChannel();
        arrangement = c.arrangement;
        resourcePack = command.resourcePack();
        narrowed = false;
        submissions++;
        submittedBy = by;
        submittedAt = now;
        updatedAt = now;
    }

    /**
     * 审核同意, possibly narrowed. Narrowing keeps a subset of the schools, a period inside the filed one and no
     * more class hours; anything wider is refused.
     */
    void approve(@Nullable List<Long> keepSchools, @Nullable LocalDate from, @Nullable LocalDate to,
                 @Nullable Integer hours, @Nullable String opinion, String by, Instant now) {
        move(PlanStatus.APPROVED);
        List<Long> schools = keepSchools == null || keepSchools.isEmpty() ? schoolIds : List.copyOf(keepSchools);
        LocalDate start = from == null ? startsOn : from;
        LocalDate end = to == null ? endsOn : to;
        int h = hours == null ? classHours : hours;
        if (!new HashSet<>(schoolIds).containsAll(schools)) {
            throw new BusinessRuleViolation("delivery.review.widerSchools");
        }
        if (start.isBefore(startsOn) || end.isAfter(endsOn) || end.isBefore(start)) {
            throw new BusinessRuleViolation("delivery.review.widerDates", Formats.dateText(startsOn),
                    Formats.dateText(endsOn));
        }
        if (h > classHours || h < 0) {
            throw new BusinessRuleViolation("delivery.review.moreHours", classHours);
        }
        narrowed = schools.size() < schoolIds.size() || !start.equals(startsOn) || !end.equals(endsOn)
                || h < classHours;
        status = PlanStatus.APPROVED;
        schoolIds = schools;
        startsOn = start;
        endsOn = end;
        classHours = h;
        decided(opinion == null ? "" : opinion, false, by, now);
    }

    /** 退回: back to the department with the commission's opinion. */
    void returnToDepartment(@Nullable String opinion, String by, Instant now) {
        move(PlanStatus.RETURNED);
        status = PlanStatus.RETURNED;
        decided(opinion, true, by, now);
    }

    /** 合并: carried out within a similar plan of another department. */
    void mergeInto(ImplementationPlan other, @Nullable String opinion, String by, Instant now) {
        move(PlanStatus.MERGED);
        if (other.id().equals(id) || other.departmentId == departmentId) {
            throw new BusinessRuleViolation("delivery.review.mergeOtherDepartment");
        }
        if (other.status != PlanStatus.SUBMITTED && other.status != PlanStatus.APPROVED) {
            throw new BusinessRuleViolation("delivery.review.mergeTargetClosed");
        }
        status = PlanStatus.MERGED;
        mergedIntoId = other.id();
        decided(opinion, true, by, now);
    }

    void withdraw(Instant now) {
        move(PlanStatus.WITHDRAWN);
        status = PlanStatus.WITHDRAWN;
        updatedAt = now;
    }

    private void decided(@Nullable String opinion, boolean required, String by, Instant now) {
        if (required && (opinion == null || opinion.isBlank())) {
            throw new BusinessRuleViolation("delivery.review.opinionRequired");
        }
        if (opinion != null && opinion.length() > 1000) {
            throw new BusinessRuleViolation("delivery.textTooLong", 1000);
        }
        reviewOpinion = opinion == null || opinion.isBlank() ? null : opinion.strip();
        reviewedBy = by;
        reviewedAt = now;
        updatedAt = now;
    }

    private void move(PlanStatus next) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("delivery.plan.illegalTransition",
                    new DefaultMessageSourceResolvable("delivery.status." + status),
                    new DefaultMessageSourceResolvable("delivery.status." + next));
        }
    }

    private record Checked(LocalDate startsOn, LocalDate endsOn, String grades, GraduatingClasses graduating,
                           int classHours, int teachers, DeliveryMode mode, String arrangement) {
    }

    /** The plan's own rules, in the order a person fixes them. */
    static Checked check(Entry entry, PlanCommand command, LocalDate today) {
        LocalDate start = command.startsOn();
        LocalDate end = command.endsOn() == null ? start : command.endsOn();
        if (start == null || end == null) {
            throw new BusinessRuleViolation("delivery.plan.datesRequired");
        }
        if (end.isBefore(start)) {
            throw new BusinessRuleViolation("delivery.plan.endBeforeStart");
        }
        LocalDate earliest = today.plusMonths(LEAD_MONTHS);
        if (start.isBefore(earliest)) {
            throw new BusinessRuleViolation("delivery.plan.tooLate", LEAD_TIME_CLAUSE, Formats.dateText(start),
                    Formats.dateText(earliest));
        }
        if (start.isBefore(entry.startsOn()) || end.isAfter(entry.endsOn())) {
            throw new BusinessRuleViolation("delivery.plan.outsideEntry", Formats.dateText(entry.startsOn()),
                    Formats.dateText(entry.endsOn()));
        }
        if (command.schoolIds().isEmpty()) {
            throw new BusinessRuleViolation("delivery.plan.schoolsRequired");
        }
        if (command.grades() == null) {
            throw new BusinessRuleViolation("delivery.plan.gradesRequired");
        }
        GraduatingClasses graduating = Objects.requireNonNullElse(command.graduatingClasses(), GraduatingClasses.EXCLUDED);
        if (graduating == GraduatingClasses.INCLUDED && command.graduatingReason() == null) {
            throw new BusinessRuleViolation("delivery.plan.graduatingReason");
        }
        if (command.classHours() == null || command.teachersInvolved() == null) {
            throw new BusinessRuleViolation("delivery.plan.hoursRequired");
        }
        DeliveryMode mode = command.deliveryMode();
        if (mode == null) {
            throw new BusinessRuleViolation("delivery.plan.modeRequired");
        }
        if (mode == DeliveryMode.ON_CAMPUS && command.integrationChannel() == null) {
            throw new BusinessRuleViolation("delivery.plan.channelRequired");
        }
        if (mode == DeliveryMode.RESOURCE_PACK && command.resourcePack() == null) {
            throw new BusinessRuleViolation("delivery.plan.resourcePackRequired");
        }
        if (command.arrangement() == null) {
            throw new BusinessRuleViolation("delivery.plan.arrangementRequired");
        }
        return new Checked(start, end, command.grades(), graduating, command.classHours(), command.teachersInvolved(),
                mode, command.arrangement());
    }

    /** The command that files this plan again as it stands, for the correction form. */
    public PlanCommand toCommand() {
        return new PlanCommand(whitelistEntryId, askedStartsOn, askedEndsOn, askedSchoolIds, grades,
                graduatingClasses, graduatingReason, askedClassHours, teachersInvolved, deliveryMode,
                integrationChannel, arrangement, resourcePack);
    }

    /** Whether the plan touches the period (both days included). */
    public boolean touches(LocalDate from, LocalDate to) {
        return !startsOn.isAfter(to) && !endsOn.isBefore(from);
    }

    void assignId(long newId) {
        this.id = newId;
    }

    void incrementVersion() {
        version++;
    }

    public Long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public int version() { return version; }
    public long whitelistEntryId() { return whitelistEntryId; }
    public long itemId() { return itemId; }
    public long departmentId() { return departmentId; }
    public String departmentName() { return departmentName; }
    public long jurisdictionId() { return jurisdictionId; }
    public String title() { return title; }
    public @Nullable String theme() { return theme; }
    public PlanStatus status() { return status; }
    public LocalDate startsOn() { return startsOn; }
    public LocalDate endsOn() { return endsOn; }
    public List<Long> schoolIds() { return schoolIds; }
    public String grades() { return grades; }
    public GraduatingClasses graduatingClasses() { return graduatingClasses; }
    public @Nullable String graduatingReason() { return graduatingReason; }
    public int classHours() { return classHours; }
    public int teachersInvolved() { return teachersInvolved; }
    public DeliveryMode deliveryMode() { return deliveryMode; }
    public @Nullable IntegrationChannel integrationChannel() { return integrationChannel; }
    public String arrangement() { return arrangement; }
    public @Nullable String resourcePack() { return resourcePack; }
    public LocalDate askedStartsOn() { return askedStartsOn; }
    public LocalDate askedEndsOn() { return askedEndsOn; }
    public List<Long> askedSchoolIds() { return askedSchoolIds; }
    public int askedClassHours() { return askedClassHours; }
    public boolean narrowed() { return narrowed; }
    public @Nullable String reviewOpinion() { return reviewOpinion; }
    public @Nullable String reviewedBy() { return reviewedBy; }
    public @Nullable Instant reviewedAt() { return reviewedAt; }
    public @Nullable Long mergedIntoId() { return mergedIntoId; }
    public int submissions() { return submissions; }
    public String submittedBy() { return submittedBy; }
    public Instant submittedAt() { return submittedAt; }
    public Instant updatedAt() { return updatedAt; }
}
