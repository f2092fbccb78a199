package cn.campusgate.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.campusgate.core.Actor;
import cn.campusgate.supervision.ActivityComplaints;
import cn.campusgate.whitelist.WhitelistEntry;
import cn.campusgate.whitelist.Whitelists;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The effectiveness figure of each whitelist entry whose activities were delivered: every activity's anonymous and
 * school answers together, the complaints that name the activity and those verified as substantiated (from
 * supervision's public service), weighed by {@link Effectiveness}.
 */
@Service
public class EffectivenessReport {

    private final EvaluationRepository repository;
    private final Whitelists whitelists;
    private final ActivityComplaints complaints;
    private final EvaluationSettings settings;
    private final Scope scope;
    private final Clock clock;

    EffectivenessReport(EvaluationRepository repository, Whitelists whitelists, ActivityComplaints complaints,
                        EvaluationSettings settings, Scope scope, Clock clock) {
        this.repository = repository;
        this.whitelists = whitelists;
        this.complaints = complaints;
        this.settings = settings;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * One entry's figure with what it rests on. The answers' tallies are {@code null} below five answers.
     *
     * @param removed whether the entry has left the whitelist already
     */
    public record Line(long whitelistEntryId, long whitelistId, long itemId, String title, long departmentId,
                       String departmentName, long jurisdictionId, int activities, Effectiveness.Evidence evidence,
                       Effectiveness.Figure figure, @Nullable Tally answers, @Nullable SchoolTally schools,
                       boolean removed, @Nullable RemovalProposal openProposal) {
    }

    /** The entries the actor follows, weakest first. */
    @Transactional(readOnly = true)
    public List<Line> lines() {
        Actor actor = Scope.requireReader();
        List<Activity> activities = Scope.districtStaff(actor) ? repository.activitiesIn(scope.jurisdictions(actor))
                : repository.activitiesOfDepartment(actor.organizationId());
        return linesOf(activities);
    }

    /** Lines of a department's entries (for its report), whoever reads it. */
    @Transactional(readOnly = true)
    public List<Line> linesOfDepartment(long departmentId) {
        return linesOf(repository.activitiesOfDepartment(departmentId));
    }

    /** Every entry of the given jurisdictions, for the system's assessment. */
    @Transactional(readOnly = true)
    List<Line> linesIn(Collection<Long> jurisdictions) {
        return linesOf(repository.activitiesIn(jurisdictions));
    }

    List<Line> linesOf(List<Activity> activities) {
        Map<Long, List<Activity>> byEntry = activities.stream()
                .collect(Collectors.groupingBy(Activity::whitelistEntryId, LinkedHashMap::new, Collectors.toList()));
        return byEntry.entrySet().stream().map(e -> line(e.getKey(), e.getValue()))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt((Line l) -> l.figure().score()).thenComparing(Line::title)).toList();
    }

    private Optional<Line> line(long entryId, List<Activity> activities) {
        Optional<WhitelistEntry> found = whitelists.findEntry(entryId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WhitelistEntry entry = found.get();
        List<Long> ids = activities.stream().map(Activity::id).toList();
        Tally tally = repository.tally(ids);
        SchoolTally schools = repository.schoolTally(ids);
        LocalDate from = activities.stream().map(Activity::startsOn).min(Comparator.naturalOrder()).orElseThrow();
        ActivityComplaints.Counts counts = complaints.about(entry.departmentId(), entry.title(), from.minusDays(7),
                LocalDate.now(clock));
        Effectiveness.Evidence evidence = new Effectiveness.Evidence(tally.ratings(), schools.answered(),
                schools.value(), counts.complaints(), counts.substantiated());
        Effectiveness.Figure figure = settings.effectiveness().of(evidence);
        Activity first = activities.getFirst();
        return Optional.of(new Line(entryId, entry.whitelistId(), entry.itemId(), entry.title(), entry.departmentId(),
                entry.departmentName(), first.jurisdictionId(), activities.size(), evidence, figure,
                tally.shown() ? tally : null, schools.shown() ? schools : null, entry.removed(),
                repository.openProposalFor(entryId).orElse(null)));
    }
}
