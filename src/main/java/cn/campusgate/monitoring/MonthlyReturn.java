package cn.campusgate.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A monitoring school's one consolidated return for a month of term (监测点学校月报), prefilled from the approved
 * plans that reached it; the school confirms or corrects it. Owns its lifecycle ({@link ReturnStatus}).
 */
public final class MonthlyReturn {

    /** What the school says about one prefilled line. */
    public record LineAnswer(long planId, boolean tookPlace, int classHours) {
    }

    private @Nullable Long id;
    private int version;
    private final long schoolId;
    private final long jurisdictionId;
    private final YearMonth month;
    private ReturnStatus status;
    private List<ReturnLine> lines;
    private @Nullable String note;
    private Instant prefilledAt;
    private @Nullable String confirmedBy;
    private @Nullable Instant confirmedAt;
    private @Nullable String reopenReason;

    MonthlyReturn(@Nullable Long id, int version, long schoolId, long jurisdictionId, YearMonth month,
                  ReturnStatus status, List<ReturnLine> lines, @Nullable String note, Instant prefilledAt,
                  @Nullable String confirmedBy, @Nullable Instant confirmedAt, @Nullable String reopenReason) {
        this.id = id;
        this.version = version;
        this.schoolId = schoolId;
        this.jurisdictionId = jurisdictionId;
        this.month = month;
        this.status = status;
        this.lines = List.copyOf(lines);
        this.note = note;
        this.prefilledAt = prefilledAt;
        this.confirmedBy = confirmedBy;
        this.confirmedAt = confirmedAt;
        this.reopenReason = reopenReason;
    }

    static MonthlyReturn prefill(long schoolId, long jurisdictionId, YearMonth month, List<ReturnLine> lines,
                                 Instant now) {
        return new MonthlyReturn(null, 0, schoolId, jurisdictionId, month, ReturnStatus.PREFILLED, lines, null, now,
                null, null, null);
    }

    /** While the school has not confirmed it, the lines follow the plans (a plan approved since then joins). */
    boolean refresh(List<ReturnLine> current, Instant now) {
        if (status != ReturnStatus.PREFILLED || current.equals(lines)) {
            return false;
        }
        lines = List.copyOf(current);
        prefilledAt = now;
        return true;
    }

    /**
     * The school confirms: lines it does not answer stay as prefilled; any line answered differently, or a note,
     * makes it a correction.
     */
    void confirm(List<LineAnswer> answers, @Nullable String schoolNote, LocalDate today, String by, Instant now) {
        if (today.isBefore(month.atDay(1))) {
            throw new BusinessRuleViolation("monitoring.return.notYet");
        }
        Map<Long, LineAnswer> byPlan = new java.util.HashMap<>();
        answers.forEach(a -> byPlan.put(a.planId(), a));
        List<ReturnLine> answered = new ArrayList<>();
        for (ReturnLine line : lines) {
            LineAnswer answer = byPlan.get(line.planId());
            if (answer != null && (answer.classHours() < 0 || answer.classHours() > 200)) {
                throw new BusinessRuleViolation("monitoring.return.hoursRange");
            }
            answered.add(answer == null ? line : line.confirmedAs(answer.tookPlace(), answer.classHours()));
        }
        String text = schoolNote == null || schoolNote.isBlank() ? null : schoolNote.strip();
        if (text != null && text.length() > 1000) {
            throw new BusinessRuleViolation("monitoring.textTooLong", 1000);
        }
        ReturnStatus next = text != null || answered.stream().anyMatch(ReturnLine::corrected)
                ? ReturnStatus.CORRECTED : ReturnStatus.CONFIRMED;
        move(next);
        status = next;
        lines = List.copyOf(answered);
        note = text;
        confirmedBy = by;
        confirmedAt = now;
    }

    /** The commission asks the school to look at it again. */
    void reopen(@Nullable String reason) {
        move(ReturnStatus.REOPENED);
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("monitoring.alert.reasonRequired");
        }
        status = ReturnStatus.REOPENED;
        reopenReason = reason.strip();
    }

    private void move(ReturnStatus next) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("monitoring.return.illegalTransition",
                    new DefaultMessageSourceResolvable("monitoring.return.status." + status),
                    new DefaultMessageSourceResolvable("monitoring.return.status." + next));
        }
    }

    public int confirmedClassHours() {
        return lines.stream().filter(ReturnLine::tookPlace).mapToInt(ReturnLine::classHours).sum();
    }

    public long activitiesTookPlace() {
        return lines.stream().filter(ReturnLine::tookPlace).count();
    }

    void assignId(long newId) {
        id = newId;
    }

    void incrementVersion() {
        version++;
    }

    public long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public int version() { return version; }
    public long schoolId() { return schoolId; }
    public long jurisdictionId() { return jurisdictionId; }
    public YearMonth month() { return month; }
    public ReturnStatus status() { return status; }
    public List<ReturnLine> lines() { return lines; }
    public @Nullable String note() { return note; }
    public Instant prefilledAt() { return prefilledAt; }
    public @Nullable String confirmedBy() { return confirmedBy; }
    public @Nullable Instant confirmedAt() { return confirmedAt; }
    public @Nullable String reopenReason() { return reopenReason; }
}
