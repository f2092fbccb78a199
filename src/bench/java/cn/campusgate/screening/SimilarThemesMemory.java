package cn.campusgate.screening;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;

import org.openjdk.jol.info.GraphLayout;

/**
 * Memory of the similar-theme index holding 100,000 themes, measured two ways:
 * <ol>
 *   <li>the retained object graph of the index ({@code SimilarThemes.index}, a {@code ThemeIndex}), walked by JOL's
 *       {@link GraphLayout} — every object reachable from it, counted once;</li>
 *   <li>heap used after a full GC, before and after registering the themes (the index plus anything else
 *       the registration keeps, e.g. the segmenter's dictionaries loaded on first use, which the first theme
 *       pays for; so one theme is registered before the "before" reading).</li>
 * </ol>
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=cn.campusgate.screening.SimilarThemesMemory -Dbench.args=}
 */
public final class SimilarThemesMemory {

    private SimilarThemesMemory() {
    }

    public static void main(String[] args) throws Exception {
        // Records' field offsets are hidden from Unsafe on current JDKs; JOL then finds them by probing.
        System.setProperty("jol.magicFieldOffset", "true");
        int themes = Integer.getInteger("themes", 100_000);
        SimilarThemes similar = new SimilarThemes(new ScreeningFixtures.MemoryStore());
        similar.register("bench:warm", "防溺水安全教育专题讲座");
        similar.remove("bench:warm");
        long before = usedAfterGc();
        long started = System.nanoTime();
        int n = 0;
        for (String theme : SimilarThemesBenchmark.generate(themes, 20260101L)) {
            similar.register("bench:" + n++, theme);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long after = usedAfterGc();
        Field field = SimilarThemes.class.getDeclaredField("index");
        field.setAccessible(true);
        Object index = field.get(similar);
        System.out.printf("registered %,d themes in %.1f s%n", similar.size(), seconds);
        System.out.printf("heap used after full GC: before %.1f MiB, after %.1f MiB, growth %.1f MiB (%.0f bytes per theme)%n",
                before / 1048576.0, after / 1048576.0, (after - before) / 1048576.0, (after - before) / (double) themes);
        GraphLayout layout = GraphLayout.parseInstance(index);
        System.out.printf("index object graph (JOL GraphLayout of ThemeIndex): %,d objects, %.1f MiB (%.0f bytes per theme)%n",
                layout.totalCount(), layout.totalSize() / 1048576.0, layout.totalSize() / (double) themes);
        System.out.println("largest classes in the index graph:");
        String[] lines = layout.toFootprint().split("\n");
        for (int i = 0; i < Math.min(lines.length, 16); i++) {
            System.out.println("  " + lines[i]);
        }
        if (similar.size() < 0) {
            System.out.println(index); // keep it reachable past the measurement
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
