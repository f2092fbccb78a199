package cn.campusgate.supervision.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.supervision.CaseOutcome;
import cn.campusgate.supervision.CaseStatus;
import cn.campusgate.supervision.ComplaintCommand;
import cn.campusgate.supervision.InvalidComplaint;
import cn.campusgate.supervision.SanctionKind;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/** The small forms of the supervision pages, each bound to its own command record. */
final class ComplaintForms {

    private ComplaintForms() {
    }

    static ComplaintCommand empty() {
        return new ComplaintCommand(null, null, null, null, null, null, null, null);
    }

    static Map<String, String> fieldErrors(InvalidComplaint e, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach(p -> errors.putIfAbsent(p.field(),
                messages.getMessage(p.messageKey(), p.arguments().toArray(), p.messageKey(), locale)));
        return errors;
    }

    /** An action that needs only the version the reader saw and, perhaps, a text. */
    record TextCommand(int version, @Nullable String text) {
    }

    record VerifyCommand(int version, @Nullable CaseOutcome outcome, @Nullable String findings) {
    }

    record ReturnCommand(int version, @Nullable CaseStatus target, @Nullable String reason) {
    }

    record ExtensionCommand(int version, @Nullable Integer days, @Nullable String reason) {
    }

    record DecisionCommand(@Nullable Boolean approve, @Nullable String note) {
    }

    record SanctionCommand(int version, @Nullable SanctionKind kind, @Nullable Long targetId, @Nullable String basis,
                           @Nullable String notice, @Nullable Integer responseDays, @Nullable Long entryId) {
    }

    record ResponseCommand(@Nullable String response) {
    }

    record RemovalCommand(@Nullable String documentNumber) {
    }

    record ReportPeriod(@org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
    }
}
