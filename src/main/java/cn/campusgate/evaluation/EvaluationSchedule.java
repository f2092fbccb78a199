package cn.campusgate.evaluation;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning (and at start-up): plans that ended are opened for feedback, schools that have not answered get their
 * one reminder, response windows that passed move proposals on to the decision, and entries are assessed.
 */
@Component
class EvaluationSchedule {

    private static final Logger log = LoggerFactory.getLogger(EvaluationSchedule.class);

    private final Feedback feedback;
    private final Removals removals;
    private final Clock clock;

    EvaluationSchedule(Feedback feedback, Removals removals, Clock clock) {
        this.feedback = feedback;
        this.removals = removals;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        daily();
    }

    @Scheduled(cron = "${campusgate.evaluation.daily-cron:0 20 7 * * *}", zone = "Asia/Shanghai")
    void daily() {
        LocalDate today = LocalDate.now(clock);
        int opened = feedback.openDelivered(today).size();
        int reminded = feedback.remindOnce(today);
        int closed = removals.closePassedWindows();
        int proposed = removals.assessAll().size();
        if (opened + reminded + closed + proposed > 0) {
            log.info("Evaluation: {} activities opened for feedback, {} schools reminded, {} response windows closed, "
                    + "{} removal proposals made", opened, reminded, closed, proposed);
        }
    }
}
