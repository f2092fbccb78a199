package cn.campusgate.core.internal;

import cn.campusgate.core.DemoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Ends the demo seed's history (see {@link cn.campusgate.core.DemoTimeline}): after the runners that tell the past
 * (district, roster, the current year's lists, plans, next year's items and their progress), real time resumes, and
 * the later runners (supervision, sentinels, evaluation, campaign) record what happened as of today.
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "campusgate.demo.enabled", havingValue = "true")
class DemoSeedResume implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeedResume.class);

    private final DemoClock demoClock;

    DemoSeedResume(DemoClock demoClock) {
        this.demoClock = demoClock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoClock.seededThisStart()) {
            demoClock.resumeRealTime();
            log.info("The demo's history is seeded; the application's date is {} again", demoClock.state().today());
        }
    }
}
