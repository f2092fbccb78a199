package cn.campusgate.screening;

import java.util.List;

import cn.campusgate.core.BusinessRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registered themes of the district (items, whitelist entries …) and a fast lookup of those similar to
 * a text. Themes are kept in the {@code screening_theme} table and in an in-memory inverted index rebuilt
 * from it at start-up; a lookup among 100,000 themes takes about a millisecond (docs/BENCHMARKS.md).
 *
 * <p>Keys are opaque to this module and chosen by the caller ({@code item:42}, {@code whitelist-entry:7}).
 * Inside a transaction the index changes only when the transaction commits, so a rolled-back registration
 * leaves nothing behind.
 */
@Service
public class SimilarThemes {

    /** Longest key and text accepted. */
    public static final int MAX_KEY = 200;
    public static final int MAX_TEXT = 2000;

    private static final Logger log = LoggerFactory.getLogger(SimilarThemes.class);

    private final ThemeStore store;
    private volatile ThemeIndex index;

    SimilarThemes(ThemeStore store) {
        this.store = store;
    }

    /** Registers (or replaces) the theme under this key. */
    public void register(String key, String text) {
        check(key);
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new BusinessRuleViolation("screening.theme.text.invalid", MAX_TEXT);
        }
        String stripped = text.strip();
        store.save(key, stripped);
        afterCommit(() -> index().put(key, stripped));
    }

    /** Forgets the theme under this key; unknown keys are ignored. */
    public void remove(String key) {
        check(key);
        store.delete(key);
        afterCommit(() -> index().remove(key));
    }

    /**
     * Registered themes similar to the text ({@link ThemeSimilarity#THRESHOLD} or more), best first.
     *
     * @param limit at most this many
     */
    public List<SimilarTheme> find(String text, int limit) {
        return find(text, limit, ThemeSimilarity.THRESHOLD);
    }

    /** Like {@link #find(String, int)} with another floor, e.g. a lower one to show near misses. */
    public List<SimilarTheme> find(String text, int limit, double minScore) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return index().find(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text, limit,
                Math.max(0.01, minScore));
    }

    /** How many themes are registered. */
    public int size() {
        return index().size();
    }

    /** Builds the index from the table once the application is up, so the first lookup is fast. */
    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        index();
    }

    private ThemeIndex index() {
        ThemeIndex current = index;
        if (current == null) {
            synchronized (this) {
                current = index;
                if (current == null) {
                    long started = System.nanoTime();
                    ThemeIndex built = new ThemeIndex();
                    store.forEach(built::put);
                    index = current = built;
                    log.info("Similar-theme index rebuilt: {} themes in {} ms", built.size(),
                            (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        return current;
    }

    private static void check(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw new BusinessRuleViolation("screening.theme.key.invalid", MAX_KEY);
        }
    }

    private static void afterCommit(Runnable change) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    change.run();
                }
            });
        } else {
            change.run();
        }
    }
}
