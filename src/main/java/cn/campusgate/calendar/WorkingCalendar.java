package cn.campusgate.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Working days (工作日) as the State Council arranges them: Monday to Friday unless a public holiday, plus
 * the adjusted working weekends (调休上班). A year without a configured arrangement counts weekends only;
 * {@link #isConfigured(int)} lets callers warn about that.
 *
 * <p>The arrangement is held in memory, so the arithmetic costs no query. It is read again after a change
 * on this node commits, and at most {@link #REFRESH} after a change made on another node.
 */
@Service
public class WorkingCalendar {

    static final Duration REFRESH = Duration.ofMinutes(5);

    private final Supplier<HolidayTable> source;
    private final AtomicLong generation = new AtomicLong();
    private volatile @Nullable Loaded loaded;

    private record Loaded(HolidayTable table, long generation, long atNanos) {
    }

    @Autowired
    WorkingCalendar(CalendarRepository repository) {
        this(repository::load);
    }

    WorkingCalendar(Supplier<HolidayTable> source) {
        this.source = source;
    }

    /** Whether people work on this day: Mon–Fri unless a public holiday, plus adjusted working weekends (调休上班). */
    public boolean isWorkingDay(LocalDate day) {
        return table().isWorkingDay(day);
    }

    /**
     * The date on which {@code days} working days after {@code start} have passed (start itself not
     * counted); {@code days >= 0}; 0 returns {@code start}.
     */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        return table().addWorkingDays(start, days);
    }

    /** Number of working days in (from, to]; negative if {@code to < from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return table().workingDaysBetween(from, to);
    }

    /** Whether the year has a configured holiday arrangement (so callers can warn). */
    public boolean isConfigured(int year) {
        return table().isConfigured(year);
    }

    /** Forgets the arrangement held in memory once the current transaction commits (at once outside one). */
    void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget();
                }
            });
        } else {
            forget();
        }
    }

    private void forget() {
        generation.incrementAndGet();
        loaded = null;
    }

    private HolidayTable table() {
        Loaded current = loaded;
        long now = System.nanoTime();
        if (current != null && current.generation == generation.get() && now - current.atNanos < REFRESH.toNanos()) {
            return current.table;
        }
        long before = generation.get();
        HolidayTable table = source.get();
        // a change that committed while we were reading must not be hidden behind what we read before it
        if (generation.get() == before) {
            loaded = new Loaded(table, before, now);
        }
        return table;
    }
}
