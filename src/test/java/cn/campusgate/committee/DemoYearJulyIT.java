package cn.campusgate.committee;

import java.time.LocalDate;

import cn.campusgate.CampusGateTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's facts when the demo is first started on the first of July (a delivered activity in June, the campaign's deployment under way): on a database of its own, the wall clock started on
 * that day.
 */
@CampusGateTest
@TestPropertySource(properties = {"campusgate.demo.progress=true", "campusgate.demo.clock.start=2027-07-01T09:00"})
class DemoYearJulyIT extends DemoYearFacts {

    @Test
    void theDemoStartedOnThatDay() {
        assertThat(today()).isEqualTo(LocalDate.parse("2027-07-01"));
    }
}
