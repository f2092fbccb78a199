package cn.campusgate.evaluation;

import java.util.List;
import java.util.Map;

/**
 * Anonymous answers of a group, counted. Pages and the API show it only when {@link #shown()}; below
 * {@link Group#MIN} answers not even the count leaves the module's services.
 *
 * @param ratings     how many answered 1, 2, 3, 4
 * @param respondents how many answers each kind of respondent gave
 * @param reasons     how often each reason chip was picked
 * @param comments    the optional texts, without dates, newest first
 */
public record Tally(long[] ratings, Map<Respondent, Long> respondents, Map<Reason, Long> reasons,
                    List<String> comments) {

    public Tally {
        ratings = ratings.clone();
        respondents = Map.copyOf(respondents);
        reasons = Map.copyOf(reasons);
        comments = List.copyOf(comments);
    }

    public static Tally empty() {
        return new Tally(new long[Rating.MAX], Map.of(), Map.of(), List.of());
    }

    @Override
    public long[] ratings() {
        return ratings.clone();
    }

    public long total() {
        long n = 0;
        for (long r : ratings) {
            n += r;
        }
        return n;
    }

    public boolean shown() {
        return Group.shown(total());
    }

    public long count(int rating) {
        return ratings[rating - Rating.MIN];
    }

    /** Percentage of answers with this rating, whole numbers. */
    public long percent(int rating) {
        long total = total();
        return total == 0 ? 0 : Math.round(100.0 * count(rating) / total);
    }

    /** Share of answers leaning for (3 or 4), in whole percent. */
    public long favourablePercent() {
        long total = total();
        return total == 0 ? 0 : Math.round(100.0 * (ratings[2] + ratings[3]) / total);
    }

    public double mean() {
        long total = total();
        double sum = 0;
        for (int i = 0; i < ratings.length; i++) {
            sum += ratings[i] * (i + Rating.MIN);
        }
        return total == 0 ? 0 : sum / total;
    }

    /** A respondent group is shown only when it alone holds enough answers. */
    public boolean respondentShown(Respondent respondent) {
        return Group.shown(respondents.getOrDefault(respondent, 0L));
    }
}
