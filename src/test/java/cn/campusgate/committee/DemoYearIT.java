package cn.campusgate.committee;

import cn.campusgate.CampusGateTest;
import org.springframework.test.context.TestPropertySource;

/** The demo's facts for today (the same demo database as {@link DemoProgressIT}). */
@CampusGateTest
@TestPropertySource(properties = "campusgate.demo.progress=true")
class DemoYearIT extends DemoYearFacts {
}
