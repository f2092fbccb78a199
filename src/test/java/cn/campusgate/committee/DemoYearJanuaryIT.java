package cn.campusgate.committee;

import java.time.LocalDate;

import cn.campusgate.CampusGateTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's facts when the demo is first started on the fifth of January (the current year's lists just in force, nothing delivered yet, the campaign's deployment ahead): on a database of its own, the wall clock started on
 * that day.
 */
@CampusGateTest
@TestPropertySource(properties = {"campusgate.demo.progress=true", "campusgate.demo.clock.start=2027-01-05T09:00"})
class DemoYearJanuaryIT extends DemoYearFacts {

    @Test
    void theDemoStartedOnThatDay() {
        assertThat(today()).isEqualTo(LocalDate.parse("2027-01-05"));
    }
}
