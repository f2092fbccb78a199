package cn.campusgate.evaluation;

/**
 * The effectiveness figure of one whitelist entry (绩效评估, R-5), from 0 to 100, and whether it calls for a removal
 * proposal. A handful of answers cannot swing it: both kinds of answer are Bayesian averages that start from a
 * neutral prior worth {@link #PUBLIC_PRIOR_WEIGHT} anonymous answers and {@link #SCHOOL_PRIOR_WEIGHT} school answers,
 * and "strongly disliked" needs the Wilson lower bound (95 %) of the unfavourable share to pass the threshold, not
 * the share itself.
 *
 * <ul>
 *   <li>anonymous feedback: each answer 1–4 counts 0, ⅓, ⅔, 1;</li>
 *   <li>school answers: 50 % useful to students, 30 % light on teachers, 20 % no duplicated school work;</li>
 *   <li>the figure is their mean, less 2 points per complaint and 10 per verified violation (at most 30).</li>
 * </ul>
 *
 * @param minimumScore   below this (with evidence behind it) an entry is proposed for removal
 * @param dislikeShare   the Wilson lower bound of the unfavourable share at or above which an entry is strongly disliked
 */
public record Effectiveness(int minimumScore, double dislikeShare) {

    public static final double PRIOR = 0.5;
    public static final int PUBLIC_PRIOR_WEIGHT = 10;
    public static final int SCHOOL_PRIOR_WEIGHT = 3;
    static final double Z95 = 1.959964;

    /**
     * What is known about one entry.
     *
     * @param ratings       anonymous answers by value: {@code ratings[0]} how many answered 1, … {@code ratings[3]} 4
     * @param schoolAnswers schools that answered the three questions (and held the activity)
     * @param schoolValue   the sum over those schools of each one's value (0–1, see {@link #schoolValue})
     */
    public record Evidence(long[] ratings, long schoolAnswers, double schoolValue, long complaints,
                           long violations) {

        public Evidence {
            if (ratings.length != Rating.MAX) {
                throw new IllegalArgumentException("four counts");
            }
            ratings = ratings.clone();
        }

        public long publicAnswers() {
            long n = 0;
            for (long r : ratings) {
                n += r;
            }
            return n;
        }

        public long unfavourable() {
            return ratings[0] + ratings[1];
        }

        @Override
        public long[] ratings() {
            return ratings.clone();
        }
    }

    /**
     * The figure and its parts.
     *
     * @param score          0–100
     * @param publicPart     the anonymous answers' Bayesian average (0–1)
     * @param schoolPart     the schools' Bayesian average (0–1)
     * @param penalty        deducted for complaints and violations (0–0.3)
     * @param dislikeBound   the Wilson lower bound of the unfavourable share of anonymous answers
     * @param belowThreshold the score is under the minimum and there is evidence behind it
     * @param stronglyDisliked the dislike bound reaches the threshold on at least {@link Group#MIN} answers
     */
    public record Figure(int score, double publicPart, double schoolPart, double penalty, double dislikeBound,
                         boolean belowThreshold, boolean stronglyDisliked) {
        public boolean callsForRemoval() {
            return belowThreshold || stronglyDisliked;
        }
    }

    public static Effectiveness defaults() {
        return new Effectiveness(40, 0.6);
    }

    public Figure of(Evidence e) {
        long[] r = e.ratings();
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            sum += r[i] * Rating.unit(i + Rating.MIN);
        }
        double publicPart = bayes(sum, e.publicAnswers(), PUBLIC_PRIOR_WEIGHT);
        double schoolPart = bayes(e.schoolValue(), e.schoolAnswers(), SCHOOL_PRIOR_WEIGHT);
        double penalty = Math.min(0.3, 0.02 * e.complaints() + 0.1 * e.violations());
        double value = Math.max(0, Math.min(1, (publicPart + schoolPart) / 2 - penalty));
        int score = (int) Math.round(value * 100);
        double bound = wilsonLowerBound(e.unfavourable(), e.publicAnswers());
        boolean evidence = e.publicAnswers() + e.schoolAnswers() >= Group.MIN || e.violations() > 0;
        boolean below = score < minimumScore && evidence;
        boolean disliked = Group.shown(e.publicAnswers()) && bound >= dislikeShare;
        return new Figure(score, publicPart, schoolPart, penalty, bound, below, disliked);
    }

    /** One school's answer as a value from 0 (useless, heavy, duplicated) to 1. */
    public static double schoolValue(int usefulness, int burden, Duplication duplication) {
        return 0.5 * Rating.unit(usefulness) + 0.3 * (1 - Rating.unit(burden)) + 0.2 * (1 - duplication.share());
    }

    /** The mean of {@code n} values summing to {@code sum}, pulled towards {@link #PRIOR} as if {@code weight} more. */
    static double bayes(double sum, long n, int weight) {
        return (weight * PRIOR + sum) / (weight + n);
    }

    /** The lower end of the Wilson score interval (95 %) of a share of {@code hits} in {@code n}; 0 when n is 0. */
    public static double wilsonLowerBound(long hits, long n) {
        if (n == 0) {
            return 0;
        }
        double p = hits / (double) n;
        double z2 = Z95 * Z95;
        double centre = p + z2 / (2 * n);
        double margin = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return (centre - margin) / (1 + z2 / n);
    }
}
