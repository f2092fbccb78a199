package cn.campusgate;

import java.util.List;
import java.util.stream.IntStream;

import cn.campusgate.core.PageSlice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageSliceTests {

    private final List<Integer> items = IntStream.rangeClosed(1, 45).boxed().toList();

    @Test
    void slicesPagesCountedFromOne() {
        PageSlice<Integer> second = PageSlice.of(items, 2, 20);
        assertThat(second.items()).first().isEqualTo(21);
        assertThat(second.items()).hasSize(20);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.first()).isEqualTo(21);
        assertThat(second.last()).isEqualTo(40);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
    }

    @Test
    void clampsPagesOutOfRange() {
        assertThat(PageSlice.of(items, 99, 20).page()).isEqualTo(3);
        assertThat(PageSlice.of(items, 99, 20).items()).containsExactly(41, 42, 43, 44, 45);
        assertThat(PageSlice.of(items, -1, 20).page()).isEqualTo(1);
        PageSlice<Integer> empty = PageSlice.of(List.of(), 1, 20);
        assertThat(empty.pages()).isEqualTo(1);
        assertThat(empty.first()).isZero();
        assertThat(empty.hasNext()).isFalse();
    }
}
