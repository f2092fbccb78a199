package cn.campusgate.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The days of the demo's story, counted from the real date the demo is first started on, so that whatever that
 * date, the current year's lists are in force and every demo fact fits today: the current year's lists were
 * composed in November of the year before, under comment (公示, {@link #COMMENT_DAYS} days) from 1 December,
 * approved and published before the year began; next year's items were submitted a few days ago and next year's list
 * is under comment from yesterday. Every seed runner reads its dates here.
 *
 * @param today the real date of the first start
 */
public record DemoTimeline(LocalDate today) {

    /** The 公示 length the demo uses: the whitelist's default ({@code Whitelist.DEFAULT_COMMENT_DAYS}; DemoYearIT checks). */
    public static final int COMMENT_DAYS = 7;

    public static DemoTimeline of(DemoClock clock) {
        return new DemoTimeline(clock.realToday());
    }

    /** The current year, whose lists are in force. */
    public int year() {
        return today.getYear();
    }

    /** The district, its accounts and the current year's items: early November of the year before. */
    public LocalDate historyStarts() {
        return LocalDate.of(year() - 1, 11, 2);
    }

    public LocalDate expertOpinions() {
        return LocalDate.of(year() - 1, 11, 9);
    }

    public LocalDate preliminaryReview() {
        return LocalDate.of(year() - 1, 11, 16);
    }

    public LocalDate districtApproval() {
        return LocalDate.of(year() - 1, 11, 23);
    }

    public LocalDate municipalFiling() {
        return LocalDate.of(year() - 1, 11, 27);
    }

    /** The current year's lists go under comment. */
    public LocalDate commentStarts() {
        return LocalDate.of(year() - 1, 12, 1);
    }

    public LocalDate objectionFiled() {
        return commentStarts().plusDays(2);
    }

    public LocalDate objectionAnswered() {
        return commentStarts().plusDays(3);
    }

    /** The day after the comment period's last day: the leadership group approves. */
    public LocalDate listsApproved() {
        return commentStarts().plusDays(COMMENT_DAYS + 1L);
    }

    public LocalDate listsPublished() {
        return listsApproved().plusDays(1);
    }

    /** Next year's items are submitted. */
    public LocalDate nextYearItemsSubmitted() {
        return today.minusDays(3);
    }

    /** Next year's items move along the chain. */
    public LocalDate nextYearProgress() {
        return today.minusDays(2);
    }

    /** Next year's list goes under comment: yesterday, so it is open today and for six more days. */
    public LocalDate nextYearCommentStarts() {
        return today.minusDays(1);
    }

    public static LocalDateTime at(LocalDate day, int hour) {
        return LocalDateTime.of(day, LocalTime.of(hour, 0));
    }
}
