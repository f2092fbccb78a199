package cn.campusgate.notification.web;

import java.util.function.LongSupplier;

/** The signed-in person's unread count for the shell header, counted only if a page shows it, and once. */
public final class UnreadNotices {

    private final LongSupplier counter;
    private long count = -1;

    UnreadNotices(LongSupplier counter) {
        this.counter = counter;
    }

    public long count() {
        if (count < 0) {
            count = counter.getAsLong();
        }
        return count;
    }
}
