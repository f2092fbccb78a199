package cn.campusgate.evaluation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The module's configurable rules ({@code campusgate.evaluation.*}, see application.yml). */
@Component
public class EvaluationSettings {

    private final int maxPerSemester;
    private final int sampleRate;
    private final int feedbackDays;
    private final int remindAfterWorkingDays;
    private final int responseWorkingDays;
    private final Effectiveness effectiveness;

    EvaluationSettings(@Value("${campusgate.evaluation.max-per-semester:4}") int maxPerSemester,
                       @Value("${campusgate.evaluation.sample-rate:100}") int sampleRate,
                       @Value("${campusgate.evaluation.feedback-days:30}") int feedbackDays,
                       @Value("${campusgate.evaluation.remind-after-working-days:5}") int remindAfterWorkingDays,
                       @Value("${campusgate.evaluation.response-working-days:10}") int responseWorkingDays,
                       @Value("${campusgate.evaluation.minimum-score:40}") int minimumScore,
                       @Value("${campusgate.evaluation.dislike-share:0.6}") double dislikeShare) {
        this.maxPerSemester = maxPerSemester;
        this.sampleRate = Math.max(0, Math.min(100, sampleRate));
        this.feedbackDays = feedbackDays;
        this.remindAfterWorkingDays = remindAfterWorkingDays;
        this.responseWorkingDays = responseWorkingDays;
        this.effectiveness = new Effectiveness(minimumScore, dislikeShare);
    }

    /** Activities anyone is asked about per semester: a school's requests, and a browser's anonymous answers. */
    public int maxPerSemester() { return maxPerSemester; }
    /** The share (percent) of a delivered activity's schools asked to answer. */
    public int sampleRate() { return sampleRate; }
    /** Days the anonymous link stays open after the activity was delivered. */
    public int feedbackDays() { return feedbackDays; }
    /** The one reminder to a school that has not answered comes after so many working days. */
    public int remindAfterWorkingDays() { return remindAfterWorkingDays; }
    /** The department's window to respond to a removal proposal, in working days. */
    public int responseWorkingDays() { return responseWorkingDays; }
    public Effectiveness effectiveness() { return effectiveness; }
}
