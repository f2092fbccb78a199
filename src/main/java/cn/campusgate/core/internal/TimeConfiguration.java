package cn.campusgate.core.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application, in the district's time zone, so tests can fix time. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(CHINA);
    }
}
