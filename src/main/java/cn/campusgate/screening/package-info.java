/**
 * Screening: checks anything that wants to enter schools — an item application, a sentinel
 * record, a complaint — against the three "no"s of the action plan (无关、无序、无效) and the higher-level
 * rules, citing the policy clause of every finding; and finds similar themes among those registered.
 *
 * <p>Public API: {@link cn.campusgate.screening.Screening} ({@code check}, {@code refuses}, {@code rules}),
 * {@link cn.campusgate.screening.ThemeSimilarity} (pairwise score) and
 * {@link cn.campusgate.screening.SimilarThemes} (a persistent index of registered themes). Callers own the
 * keys they register (e.g. {@code item:42}). The module depends on {@code core} only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening 准入筛查", allowedDependencies = "core")
@org.jspecify.annotations.NullMarked
package cn.campusgate.screening;
