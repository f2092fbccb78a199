package cn.campusgate.notification.web;

import java.util.Locale;

import cn.campusgate.core.PageSlice;
import cn.campusgate.notification.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each signed-in person's own notices. */
@Controller
@RequestMapping("/notifications")
class NotificationController {

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationController(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("notices", notifications.inbox(page, PageSlice.DEFAULT_SIZE));
        return "notification/notifications";
    }

    /** Following a notice marks it read and leads to its page. */
    @PostMapping("/{id}/open")
    String open(@PathVariable long id) {
        return "redirect:" + notifications.open(id);
    }

    @PostMapping("/{id}/read")
    String markRead(@PathVariable long id, @RequestParam(defaultValue = "1") int page) {
        notifications.markRead(id);
        return "redirect:/notifications?page=" + page;
    }

    @PostMapping("/read-all")
    String markAllRead(RedirectAttributes redirect, Locale locale) {
        int count = notifications.markAllRead();
        redirect.addFlashAttribute("notice", messages.getMessage("notification.allRead", new Object[]{count}, locale));
        return "redirect:/notifications";
    }
}
