package cn.campusgate.approval;

import java.time.Clock;
import java.util.List;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Role;
import cn.campusgate.item.ItemRoute;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The routes' procedures as data. An administrator edits a route by writing its next revision; chains
 * already under way keep the revision they started on.
 */
@Service
public class Procedures {

    private final ApprovalRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Procedures(ApprovalRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** What an administrator may change per step: its deadline and how many must act. */
    public record StepChange(int deadlineWorkingDays, Quorum quorum) {
    }

    /** The next revision of a route: one change per step of the current revision, and why. */
    public record RevisionCommand(ItemRoute route, int basedOnRevision, List<StepChange> steps, String note) {
    }

    @Transactional(readOnly = true)
    public Procedure active(ItemRoute route) {
        return repository.activeProcedure(route);
    }

    @Transactional(readOnly = true)
    public List<Procedure> revisions(ItemRoute route) {
        return repository.revisions(route);
    }

    /** How many chains are under way on this revision (they keep it). */
    @Transactional(readOnly = true)
    public long chainsUnderway(Procedure procedure) {
        return repository.approvalsOn(procedure.id());
    }

    @Transactional
    public Procedure revise(RevisionCommand command) {
        Actor actor = Actors.required();
        if (!actor.has(Role.ADMINISTRATOR)) {
            throw new AccessDeniedException("administrators only");
        }
        Procedure current = repository.activeProcedure(command.route());
        if (current.revision() != command.basedOnRevision()) {
            throw new BusinessRuleViolation("error.stale");
        }
        String note = command.note() == null ? "" : command.note().strip();
        if (note.isEmpty()) {
            throw new BusinessRuleViolation("procedure.noteRequired");
        }
        if (note.length() > 500) {
            throw new BusinessRuleViolation("approval.textTooLong", 500);
        }
        if (command.steps().size() != current.steps().size()) {
            throw new BusinessRuleViolation("procedure.stepsChanged");
        }
        List<StepDefinition> steps = new java.util.ArrayList<>();
        for (int i = 0; i < current.steps().size(); i++) {
            StepDefinition was = current.step(i);
            StepChange change = command.steps().get(i);
            steps.add(new StepDefinition(was.kind(), was.organizationKind(), was.role(), change.deadlineWorkingDays(),
                    change.quorum()));
        }
        if (steps.equals(current.steps())) {
            throw new BusinessRuleViolation("procedure.nothingChanged");
        }
        Procedure revised = repository.addRevision(command.route(), steps, note, actor.username(), clock.instant());
        events.publishEvent(new ApprovalEvents.ProcedureRevised(actor.username(), revised.id(), revised.route(),
                revised.revision(), note));
        return revised;
    }
}
