package cn.campusgate.reliability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.campusgate.CampusGateTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a database of its own (not the one the other integration tests share): these tests move
 * deadlines of the demo data, cut the database off and copy it whole. With the demo progressed, so that there are
 * convened panels, open steps and removal proposals for the jobs to act on; a request waits 1.5 s for a connection
 * during the outage instead of 5 s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CampusGateTest
@TestPropertySource(properties = {"campusgate.demo.progress=true", "campusgate.reliability.own-database=true",
        "spring.datasource.hikari.connection-timeout=1500"})
@interface ReliabilityTest {
}
