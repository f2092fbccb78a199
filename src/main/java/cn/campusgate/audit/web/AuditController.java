package cn.campusgate.audit.web;

import cn.campusgate.audit.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's view of the audit trail, with an on-demand check of the whole chain. */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("entries", trail.latest(q.strip(), 200));
        model.addAttribute("total", trail.count());
        return "audit/audit";
    }

    @PostMapping("/verify")
    String verify(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("verification", trail.verify());
        return list(q, model);
    }
}
