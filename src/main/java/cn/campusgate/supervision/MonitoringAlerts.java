package cn.campusgate.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import cn.campusgate.monitoring.AlertKind;
import cn.campusgate.monitoring.MonitoringEvents.AlertTurnedIntoCase;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 转督办: an alert the commission turns into a case opens (or joins) a supervision case without a complainant, in
 * the same transaction, so that an alert marked as handed over is never missing from the supervisors' list.
 */
@Component
class MonitoringAlerts {

    private final Complaints complaints;
    private final MessageSource messages;
    private final Clock clock;

    MonitoringAlerts(Complaints complaints, MessageSource messages, Clock clock) {
        this.complaints = complaints;
        this.messages = messages;
        this.clock = clock;
    }

    @EventListener
    void on(AlertTurnedIntoCase alert) {
        String kind = messages.getMessage("monitoring.alert.kind." + alert.kind(), null, alert.kind().name(),
                Locale.SIMPLIFIED_CHINESE);
        String description = messages.getMessage("supervision.monitoring.description",
                new Object[] {kind, alert.alertId(), alert.note()}, Locale.SIMPLIFIED_CHINESE);
        complaints.openFromMonitoring(new ComplaintCommand(category(alert.kind()), alert.schoolId(),
                alert.departmentId() > 0 ? alert.departmentId() : null, null, LocalDate.now(clock),
                description.length() > ComplaintCommand.MAX_DESCRIPTION
                        ? description.substring(0, ComplaintCommand.MAX_DESCRIPTION) : description,
                null, null));
    }

    /** The complaint category a kind of alert falls under (R-6's published categories). */
    static ComplaintCategory category(AlertKind kind) {
        return switch (kind) {
            case NOT_COVERED -> ComplaintCategory.NO_BASIS;
            case OVER_SEMESTER_CAP, REPEATED_THEME, INSPECTION_TOO_SOON, TOO_MANY_COMPREHENSIVE_INSPECTIONS ->
                    ComplaintCategory.TOO_MANY;
            case LONG_SECONDMENT -> ComplaintCategory.TEACHERS_DRAWN_AWAY;
            case FORMALISM_DEMAND -> ComplaintCategory.FINGERTIP_FORMALISM;
            case SCREENING_REFUSED -> ComplaintCategory.OTHER;
        };
    }
}
