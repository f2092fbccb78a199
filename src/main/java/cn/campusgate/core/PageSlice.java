package cn.campusgate.core;

import java.util.List;

/**
 * One page of a list, numbered from 1 as people count pages.
 *
 * @param total how many items all pages hold
 */
public record PageSlice<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;

    public PageSlice {
        items = List.copyOf(items);
    }

    /** The requested page of {@code all}; a page beyond the end shows the last one. */
    public static <T> PageSlice<T> of(List<T> all, int page, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int current = Math.min(Math.max(page, 1), pages);
        int from = (current - 1) * size;
        return new PageSlice<>(all.subList(from, Math.min(all.size(), from + size)), current, size, all.size());
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** Index (from 1) of the first item on this page, for "第 21–40 条". */
    public long first() {
        return total == 0 ? 0 : (long) (page - 1) * size + 1;
    }

    public long last() {
        return Math.min(total, (long) page * size);
    }
}
