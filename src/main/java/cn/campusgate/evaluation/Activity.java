package cn.campusgate.evaluation;

import java.time.LocalDate;

/**
 * A delivered activity open for feedback: one approved implementation plan whose last day has passed, with the
 * random token of its public link. Anonymous answers are taken until {@code closesOn}.
 */
public record Activity(long id, long planId, long whitelistEntryId, long itemId, long departmentId,
                       String departmentName, long jurisdictionId, String title, LocalDate startsOn, LocalDate endsOn,
                       String feedbackToken, LocalDate openedOn, LocalDate closesOn) {

    /** Answers are taken from the day it was opened (after delivery) until {@code closesOn}. */
    public boolean openOn(LocalDate day) {
        return !day.isAfter(closesOn);
    }

    /** The public page of the activity's anonymous feedback. */
    public String feedbackPath() {
        return "/public/feedback/" + feedbackToken;
    }
}
