package cn.campusgate.evaluation;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A school asked about one activity, and its answer to the three questions once given. {@code held} is false when the
 * school says the activity did not take place there; then there are no answers.
 */
public record SchoolRequest(long id, long activityId, long schoolId, LocalDate askedOn, @Nullable LocalDate remindedOn,
                            @Nullable LocalDate answeredOn, @Nullable Boolean held, @Nullable Integer usefulness,
                            @Nullable Integer burden, @Nullable Duplication duplication, int version) {

    public boolean answered() {
        return answeredOn != null;
    }
}
