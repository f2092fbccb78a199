package cn.campusgate.insight;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard opens on a year with data: this year if it has any, else the latest before it. */
class DefaultYearTests {

    @Test
    void thisYearWhenItHasData() {
        assertThat(Dashboards.defaultYear(2026, List.of(2027, 2026, 2024))).isEqualTo(2026);
    }

    @Test
    void elseTheLatestYearBeforeThatHasData() {
        assertThat(Dashboards.defaultYear(2027, List.of(2026, 2024))).isEqualTo(2026);
        assertThat(Dashboards.defaultYear(2027, List.of(2028, 2024))).isEqualTo(2024);
    }

    @Test
    void elseNextYearWhenOnlyItHasDataAndThisYearWhenNothingHas() {
        assertThat(Dashboards.defaultYear(2026, List.of(2027))).isEqualTo(2027);
        assertThat(Dashboards.defaultYear(2026, List.of())).isEqualTo(2026);
    }
}
