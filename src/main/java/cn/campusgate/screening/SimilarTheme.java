package cn.campusgate.screening;

/**
 * A registered theme similar to the one looked up.
 *
 * @param key   the caller's key, e.g. {@code item:42}
 * @param text  the registered text
 * @param score similarity 0..1 (see {@link ThemeSimilarity#score})
 */
public record SimilarTheme(String key, String text, double score) {
}
