package cn.campusgate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on its own fresh embedded PostgreSQL with the demo district, driven through
 * MockMvc. Contexts are cached, so all tests with this annotation share one database: tests create
 * their own data with unique names rather than assume an empty table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({SignedIn.class, ExpertOpinions.class, ApprovedItems.class, ListsInForce.class})
public @interface CampusGateTest {
}
