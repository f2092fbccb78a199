package cn.campusgate.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.campusgate.CampusGateTest;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link CampusGateTest} on a database of its own with the demo moved along the chain (panels, reviews,
 * opinions, plans, cases, measures), shared by the security tests only: the matrix sends writes as every role,
 * which must not disturb the records other tests count on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CampusGateTest
@TestPropertySource(properties = {"campusgate.demo.progress=true", "campusgate.test-context=security"})
@interface SecurityTest {
}
