package cn.campusgate.campaign.web;

import java.time.LocalDate;

import cn.campusgate.campaign.MilestoneStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The small forms of the campaign pages, each bound to its own command record. */
final class CampaignForms {

    private CampaignForms() {
    }

    /** Move a milestone to a status (with a note), or give it a new due date. */
    record MilestoneCommand(int version, @Nullable MilestoneStatus status, @Nullable String note,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn) {
    }

    /** Dismiss a problem with the reason, or choose it as a typical case with a note. */
    record ProblemCommand(int version, @Nullable String text, @Nullable Boolean typical) {
    }

    /** 建立整改台账 for a problem. */
    record AssignCommand(int version, @Nullable Long ownerId, @Nullable String measure,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate deadline) {
    }

    /** A ledger line moves: the owner's progress and evidence, or the task force's opinion. */
    record EntryCommand(int version, @Nullable String progress, @Nullable String evidence, @Nullable String opinion) {
    }

    /** The summary report's texts. */
    record TextsCommand(int version, @Nullable String measures, @Nullable String outlook) {
    }
}
