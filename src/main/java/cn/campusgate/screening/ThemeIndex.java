package cn.campusgate.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory inverted index over {@link ThemeVector} features. A lookup walks only the postings of the query's
 * selective features (concepts, content words, content bigrams — never 安全/教育/活动), accumulates partial
 * dot products, and scores the few candidates exactly. Removal leaves a tombstone; the index compacts itself
 * when tombstones outnumber live themes. Many readers, one writer.
 */
final class ThemeIndex {

    /** A stored theme: feature ids ascending, their weights, and which are selective (posted). */
    private record Doc(String key, String text, int[] ids, float[] weights, boolean[] selective) {
    }

    /** Reusable arrays of one lookup thread; {@code partial} is all zeros between lookups. */
    private static final class Scratch {
        float[] partial = new float[0];
        int[] touched = new int[1024];

        float[] partial(int size) {
            if (partial.length < size) {
                partial = new float[Math.max(size, partial.length * 2)];
            }
            return partial;
        }
    }

    /** Scratch arrays of finished lookups, at most one per concurrent lookup (not per thread: threads may be virtual). */
    private final ConcurrentLinkedQueue<Scratch> scratches = new ConcurrentLinkedQueue<>();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> featureIds = new HashMap<>();
    private int[][] postings = new int[1024][];
    private int[] postingSizes = new int[1024];
    private final List<Doc> docs = new ArrayList<>();
    private final Map<String, Integer> slots = new HashMap<>();
    private int dead;

    void put(String key, String text) {
        ThemeVector vector = ThemeVector.of(text);
        lock.writeLock().lock();
        try {
            removeLocked(key);
            int n = vector.features().length;
            long[] packed = new long[n]; // id in the high bits, position in the low bits: sorts by id
            for (int i = 0; i < n; i++) {
                packed[i] = ((long) featureId(vector.features()[i]) << 32) | i;
            }
            Arrays.sort(packed);
            int[] ids = new int[n];
            float[] weights = new float[n];
            boolean[] selective = new boolean[n];
            for (int i = 0; i < n; i++) {
                int position = (int) packed[i];
                ids[i] = (int) (packed[i] >>> 32);
                weights[i] = vector.weights()[position];
                selective[i] = vector.selective()[position];
            }
            add(new Doc(key, text, ids, weights, selective));
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void add(Doc doc) {
        int slot = docs.size();
        for (int i = 0; i < doc.ids().length; i++) {
            if (doc.selective()[i]) {
                addPosting(doc.ids()[i], slot);
            }
        }
        docs.add(doc);
        slots.put(doc.key(), slot);
    }

    void remove(String key) {
        lock.writeLock().lock();
        try {
            removeLocked(key);
            if (dead > 1000 && dead > slots.size()) {
                compact();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return slots.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The best {@code limit} themes scoring at least {@code minScore}, best first. */
    List<SimilarTheme> find(String text, int limit, double minScore) {
        ThemeVector query = ThemeVector.of(text);
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            // the query's known features, ascending by id
            int n = query.features().length;
            long[] packed = new long[n];
            int known = 0;
            for (int i = 0; i < n; i++) {
                Integer id = featureIds.get(query.features()[i]);
                if (id != null) {
                    packed[known++] = ((long) id << 32) | i;
                }
            }
            Arrays.sort(packed, 0, known);
            int[] qIds = new int[known];
            float[] qWeights = new float[known];
            boolean[] qSelective = new boolean[known];
            for (int i = 0; i < known; i++) {
                int position = (int) packed[i];
                qIds[i] = (int) (packed[i] >>> 32);
                qWeights[i] = query.weights()[position];
                qSelective[i] = query.selective()[position];
            }
            // partial dot products over the selective features' postings
            // pooled scratch arrays, cleared after use: a lookup allocates next to nothing
            Scratch polled = scratches.poll();
            Scratch scratch = polled != null ? polled : new Scratch();
            float[] partial = scratch.partial(docs.size());
            int[] touched = scratch.touched;
            int touchedCount = 0;
            for (int f = 0; f < known; f++) {
                if (!qSelective[f]) {
                    continue;
                }
                int id = qIds[f];
                int[] list = postings[id];
                for (int p = 0; p < postingSizes[id]; p++) {
                    int slot = list[p];
                    Doc doc = docs.get(slot);
                    if (doc == null) {
                        continue;
                    }
                    if (partial[slot] == 0) {
                        if (touchedCount == touched.length) {
                            touched = scratch.touched = Arrays.copyOf(touched, touched.length * 2);
                        }
                        touched[touchedCount++] = slot;
                    }
                    partial[slot] += qWeights[f] * weightOf(doc, id);
                }
            }
            // exact scores for the candidates that could reach minScore
            List<SimilarTheme> found = new ArrayList<>();
            double floor = minScore * 0.5;
            for (int t = 0; t < touchedCount; t++) {
                int slot = touched[t];
                if (partial[slot] < floor) {
                    continue;
                }
                Doc doc = docs.get(slot);
                double score = ThemeSimilarity.round(Math.min(1.0, exact(doc, qIds, qWeights)));
                if (score >= minScore) {
                    found.add(new SimilarTheme(doc.key(), doc.text(), score));
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                partial[touched[t]] = 0;
            }
            scratches.offer(scratch);
            found.sort(Comparator.comparingDouble(SimilarTheme::score).reversed().thenComparing(SimilarTheme::key));
            return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Dot product of a stored theme and the query, both ascending by feature id. */
    private static double exact(Doc doc, int[] qIds, float[] qWeights) {
        double sum = 0;
        int i = 0;
        int q = 0;
        int[] ids = doc.ids();
        while (i < ids.length && q < qIds.length) {
            if (ids[i] == qIds[q]) {
                sum += doc.weights()[i++] * qWeights[q++];
            } else if (ids[i] < qIds[q]) {
                i++;
            } else {
                q++;
            }
        }
        return sum;
    }

    private static float weightOf(Doc doc, int id) {
        int at = Arrays.binarySearch(doc.ids(), id);
        return at >= 0 ? doc.weights()[at] : 0;
    }

    private void removeLocked(String key) {
        Integer slot = slots.remove(key);
        if (slot != null) {
            docs.set(slot, null);
            dead++;
        }
    }

    private int featureId(String feature) {
        return featureIds.computeIfAbsent(feature, f -> featureIds.size());
    }

    private void addPosting(int id, int slot) {
        if (id >= postings.length) {
            postings = Arrays.copyOf(postings, Math.max(id + 1, postings.length * 2));
            postingSizes = Arrays.copyOf(postingSizes, postings.length);
        }
        int[] list = postings[id];
        if (list == null) {
            list = new int[4];
        } else if (postingSizes[id] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
        }
        list[postingSizes[id]++] = slot;
        postings[id] = list;
    }

    private void compact() {
        List<Doc> live = docs.stream().filter(java.util.Objects::nonNull).toList();
        docs.clear();
        slots.clear();
        Arrays.fill(postingSizes, 0);
        dead = 0;
        live.forEach(this::add);
    }
}
