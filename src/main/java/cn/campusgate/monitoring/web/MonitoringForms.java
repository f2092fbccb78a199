package cn.campusgate.monitoring.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The small forms of the monitoring pages, each bound to its own command record. */
final class MonitoringForms {

    private MonitoringForms() {
    }

    /** An action on an alert: the version the reader saw and, to dismiss or open a case, the reason. */
    record AlertAction(int version, @Nullable String reason) {
    }

    /** One line of a monthly return as the school answers it. */
    record LineForm(long planId, @Nullable Boolean tookPlace, @Nullable Integer classHours) {
    }

    /** The school's confirmation of a monthly return. */
    record ConfirmForm(int version, @Nullable List<LineForm> answers, @Nullable String note) {
    }
}
