package cn.campusgate.committee;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Each morning, panels due within a working day remind their members who have not answered (once a round). */
@Component
class PanelReminders {

    private final Panels panels;

    PanelReminders(Panels panels) {
        this.panels = panels;
    }

    @Scheduled(cron = "${campusgate.committee.reminder-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
    void remindDuePanels() {
        panels.remindDue();
    }
}
