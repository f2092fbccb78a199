package cn.campusgate.hostile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.campusgate.SignedIn;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application like {@code @CampusGateTest}, but in a context (and database) of its own: hostile requests
 * that are accepted change the demo district (items withdrawn, organisations renamed …), which must not leak into the
 * other integration tests. It listens on a real port (413 needs Tomcat's multipart limits, which MockMvc does not
 * apply) and has a small public rate limit ({@link PublicRateLimitIT}); tests that send many public requests give
 * each its own client address, as the budget is per address.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "campusgate.public-rate-limit.reads-per-minute=" + HostileTest.READS_PER_MINUTE,
        "campusgate.public-rate-limit.writes-per-minute=" + HostileTest.WRITES_PER_MINUTE})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SignedIn.class)
public @interface HostileTest {

    int READS_PER_MINUTE = 30;
    int WRITES_PER_MINUTE = 5;
}
