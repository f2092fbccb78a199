package cn.campusgate.screening;

import org.springframework.stereotype.Component;

/**
 * How alike two themes are, 0..1: the cosine of their {@link ThemeVector}s. 防溺水安全教育 and
 * 珍爱生命预防溺水专题讲座 are similar (same concept, shared 溺水); 交通安全 and 消防安全 are not (they share only
 * the generic 安全). Thread-safe.
 */
@Component
public class ThemeSimilarity {

    /** At or above this score two themes count as the same or a similar theme (tuned on the training pairs). */
    public static final double THRESHOLD = 0.45;

    public double score(String a, String b) {
        ThemeVector va = ThemeVector.of(a);
        ThemeVector vb = ThemeVector.of(b);
        if (va.isEmpty() || vb.isEmpty()) {
            return 0;
        }
        return round(va.dot(vb));
    }

    public boolean similar(String a, String b) {
        return score(a, b) >= THRESHOLD;
    }

    static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
