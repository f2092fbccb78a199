package cn.campusgate.notification.web;

import cn.campusgate.core.Actors;
import cn.campusgate.notification.Notifications;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in person's unread notices ({@code unreadNotices}), which the shell header
 * shows as a badge. The portal need not know this module.
 */
@ControllerAdvice(annotations = Controller.class)
class NotificationShellModel {

    private final Notifications notifications;

    NotificationShellModel(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotices")
    @Nullable UnreadNotices unreadNotices() {
        return Actors.current()
                .map(actor -> new UnreadNotices(() -> notifications.unreadCount(actor.accountId())))
                .orElse(null);
    }
}
