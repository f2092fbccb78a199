package cn.campusgate.notification;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A notice as its reader sees it in their list. */
public record ReceivedNotice(long id, String messageKey, List<String> args, String link, Instant createdAt,
                             @Nullable Instant readAt, @Nullable Instant mailedAt) {

    public ReceivedNotice {
        args = List.copyOf(args);
    }

    public boolean unread() {
        return readAt == null;
    }
}
