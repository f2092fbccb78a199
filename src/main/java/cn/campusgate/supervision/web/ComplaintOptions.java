package cn.campusgate.supervision.web;

import cn.campusgate.supervision.Channel;
import cn.campusgate.supervision.ComplaintCategory;
import cn.campusgate.supervision.Complaints;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The choices of the complaint forms (public and staff). */
@Component
class ComplaintOptions {

    private final Complaints complaints;
    private final java.time.Clock clock;

    ComplaintOptions(Complaints complaints, java.time.Clock clock) {
        this.complaints = complaints;
        this.clock = clock;
    }

    void addTo(Model model) {
        Complaints.Options options = complaints.options();
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("schoolsByTown", options.schoolsByTown());
        model.addAttribute("departments", options.departments());
        model.addAttribute("towns", options.towns());
        model.addAttribute("maxFiles", options.maxFiles());
        model.addAttribute("maxMegabytes", options.maxMegabytes());
        model.addAttribute("channels", Channel.staffLogged());
        model.addAttribute("today", java.time.LocalDate.now(clock));
    }
}
