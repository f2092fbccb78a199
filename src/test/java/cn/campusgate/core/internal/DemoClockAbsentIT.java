package cn.campusgate.core.internal;

import java.time.Clock;

import cn.campusgate.core.DemoClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the demo (as under {@code prod}, which turns it off) there is no demo clock: no bean, no page, no API
 * route, and the application's clock is the system's. The same context as {@code FirstStartIT}.
 */
@SpringBootTest(properties = {"campusgate.demo.enabled=false",
        "campusgate.installation.district-name=璧山区", "campusgate.installation.district-code=500120",
        "campusgate.installation.administrator-password=Initial#Bishan26"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoClockAbsentIT {

    @Autowired ApplicationContext context;
    @Autowired Clock clock;
    @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noDemoClockNoRouteAndTheSystemClock() {
        assertThat(context.getBeanNamesForType(DemoClock.class)).isEmpty();
        assertThat(mappings.getHandlerMethods().keySet().stream().flatMap(info -> info.getPatternValues().stream()))
                .isNotEmpty().noneMatch(pattern -> pattern.contains("demo-clock"));
        assertThat(clock.getClass().getName()).doesNotContain("DemoClock");
        assertThat(clock.getZone()).isEqualTo(TimeConfiguration.CHINA);
    }
}
