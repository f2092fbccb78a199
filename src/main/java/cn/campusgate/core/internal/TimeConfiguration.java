package cn.campusgate.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One clock for the whole application, in the district's time zone, so tests can fix time. In demo mode it is the
 * demo clock's (演示时钟): the real time moved forward by what an administrator chose, or the seed's history.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * Demo mode only. {@code campusgate.demo.clock.start} (a local date-time, for tests) makes the wall clock start
     * there and run on, as if the application were started on that day.
     */
    @Bean(destroyMethod = "destroy")
    @ConditionalOnProperty(name = "campusgate.demo.enabled", havingValue = "true")
    DatabaseDemoClock demoClock(JdbcClient jdbc, ApplicationEventPublisher events,
                                PlatformTransactionManager transactions,
                                @Value("${campusgate.demo.clock.start:}") String start) {
        Clock wall = Clock.system(CHINA);
        if (!start.isBlank()) {
            wall = Clock.offset(wall, Duration.between(wall.instant(), LocalDateTime.parse(start).atZone(CHINA).toInstant()));
        }
        return new DatabaseDemoClock(jdbc, events, transactions, wall);
    }

    @Bean
    Clock clock(ObjectProvider<DatabaseDemoClock> demo) {
        DatabaseDemoClock demoClock = demo.getIfAvailable();
        return demoClock != null ? demoClock.clock() : Clock.system(CHINA);
    }
}
