package cn.campusgate.monitoring.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.campusgate.monitoring.Alert;
import cn.campusgate.monitoring.AlertStatus;
import cn.campusgate.monitoring.Alerts;
import cn.campusgate.monitoring.Demand;
import cn.campusgate.monitoring.RecordCommand;
import cn.campusgate.monitoring.SentinelRecord;
import cn.campusgate.monitoring.SentinelRecords;
import cn.campusgate.screening.Finding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of sentinel records and alerts. Teachers appear only as counts. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "monitoring", description = "监测哨点与预警 Sentinel records and alerts")
@PreAuthorize("isAuthenticated()")
class MonitoringApi {

    private final SentinelRecords records;
    private final Alerts alerts;
    private final AlertTexts texts;

    MonitoringApi(SentinelRecords records, Alerts alerts, AlertTexts texts) {
        this.records = records;
        this.alerts = alerts;
        this.texts = texts;
    }

    record RecordView(long id, String school, String kind, @Nullable Long planId, String department, String title,
                      LocalDate occurredOn, @Nullable LocalDate endsOn, int classHours, int teachers,
                      Set<Demand> demands, @Nullable LocalDate assignedOn, boolean comprehensive,
                      @Nullable String note, String coverage, List<Finding> findings, Instant recordedAt) {
        static RecordView of(SentinelRecord r) {
            return new RecordView(r.id(), r.schoolName(), r.kind().name(), r.planId(), r.departmentName(), r.title(),
                    r.occurredOn(), r.endsOn(), r.classHours(), r.teachers(), r.demands(), r.assignedOn(),
                    r.comprehensive(), r.note(), r.coverage(), r.findings(), r.recordedAt());
        }
    }

    record AlertView(long id, String kind, String status, String text, long recordId, String school,
                     String department, Instant raisedAt, @Nullable String dismissalReason, @Nullable String caseNote,
                     int version) {
    }

    record Recorded(RecordView record, List<AlertView> alerts) {
    }

    record ActionBody(int version, @Nullable String reason) {
    }

    @PostMapping("/sentinel/records")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The signed-in school records what entered; answers with the alerts it raised")
    Recorded record(@Valid @RequestBody RecordCommand command) {
        SentinelRecords.Recorded recorded = records.record(command);
        return new Recorded(RecordView.of(recorded.record()), recorded.alerts().stream().map(this::view).toList());
    }

    @GetMapping("/sentinel/records")
    @Operation(summary = "The school's own records; for the commission and supervisors, their jurisdiction's")
    List<RecordView> records() {
        boolean school = cn.campusgate.core.Actors.required().has(cn.campusgate.core.Role.SCHOOL_SENTINEL);
        return (school ? records.mine() : records.ofJurisdiction()).stream().map(RecordView::of).toList();
    }

    @GetMapping("/sentinel/records/{id}")
    RecordView record(@PathVariable long id) {
        return RecordView.of(records.get(id));
    }

    @GetMapping("/alerts")
    List<AlertView> alerts(@RequestParam(required = false) @Nullable AlertStatus status) {
        return alerts.list(status).stream().map(this::view).toList();
    }

    @PostMapping("/alerts/{id}/acknowledge")
    AlertView acknowledge(@PathVariable long id, @RequestBody ActionBody body) {
        return view(alerts.acknowledge(id, body.version()));
    }

    @PostMapping("/alerts/{id}/dismiss")
    AlertView dismiss(@PathVariable long id, @RequestBody ActionBody body) {
        return view(alerts.dismiss(id, body.version(), body.reason()));
    }

    @PostMapping("/alerts/{id}/case")
    @Operation(summary = "Turn the alert into a supervision case (督办)")
    AlertView openCase(@PathVariable long id, @RequestBody ActionBody body) {
        return view(alerts.openCase(id, body.version(), body.reason()));
    }

    private AlertView view(Alert a) {
        return new AlertView(a.id(), a.kind().name(), a.status().name(), texts.text(a), a.recordId(), a.schoolName(),
                a.departmentName(), a.raisedAt(), a.dismissalReason(), a.caseNote(), a.version());
    }
}
