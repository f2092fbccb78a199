package cn.campusgate.supervision;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Role;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The periodic notice report (定期通报): per department and per town/street of the district, complaints received,
 * violations verified, cases handled late, measures taken and responses missed in a period. Bodies are ranked
 * (most verified violations first); schools and teachers never are.
 */
@Service
public class NoticeReport {

    private final SupervisionRepository repository;
    private final Bodies bodies;

    NoticeReport(SupervisionRepository repository, Bodies bodies) {
        this.repository = repository;
        this.bodies = bodies;
    }

    /** One body's line, with its rank among bodies of its kind. */
    public record Line(int rank, long bodyId, String bodyName, long complaints, long substantiated, long overdueCases,
                       long sanctions, long lateResponses) {
    }

    public record Report(LocalDate from, LocalDate to, List<Line> departments, List<Line> towns) {
    }

    @Transactional(readOnly = true)
    public Report of(LocalDate from, LocalDate to) {
        Actor actor = Actors.required();
        if (!actor.has(Role.SUPERVISOR) && !actor.has(Role.COMMISSION_REVIEWER) && !actor.has(Role.DISTRICT_APPROVER)) {
            throw new AccessDeniedException("supervision, the commission and the leadership group only");
        }
        if (to.isBefore(from) || from.plusYears(1).isBefore(to)) {
            throw new BusinessRuleViolation("supervision.report.period");
        }
        List<SupervisionRepository.ReportRow> rows = repository.report(bodies.scopeOf(actor), from, to);
        return new Report(from, to, ranked(rows, true), ranked(rows, false));
    }

    private List<Line> ranked(List<SupervisionRepository.ReportRow> rows, boolean departments) {
        List<SupervisionRepository.ReportRow> kind = rows.stream().filter(r -> {
            Organization body = bodies.get(r.bodyId());
            return (body.kind() == OrganizationKind.DEPARTMENT) == departments;
        }).sorted(Comparator.comparingLong(SupervisionRepository.ReportRow::substantiated).reversed()
                .thenComparing(Comparator.comparingLong(SupervisionRepository.ReportRow::sanctions).reversed())
                .thenComparing(Comparator.comparingLong(SupervisionRepository.ReportRow::overdueCases).reversed())
                .thenComparing(Comparator.comparingLong(SupervisionRepository.ReportRow::complaints).reversed())
                .thenComparing(SupervisionRepository.ReportRow::bodyName)).toList();
        java.util.ArrayList<Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < kind.size(); i++) {
            SupervisionRepository.ReportRow r = kind.get(i);
            lines.add(new Line(i + 1, r.bodyId(), r.bodyName(), r.complaints(), r.substantiated(), r.overdueCases(),
                    r.sanctions(), r.lateResponses()));
        }
        return lines;
    }
}
