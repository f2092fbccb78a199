/**
 * Notification: tells people that something waits for them. Every notice is kept in the person's in-app
 * list (站内通知), written in the sender's transaction; and, where mail is configured and the account has an
 * address, mailed after that transaction commits. A mail that cannot be sent stays in the event publication
 * registry and is sent again later (and after a restart); it never undoes the business action.
 *
 * <p>Public API: {@link cn.campusgate.notification.Notifications} and {@link cn.campusgate.notification.Notice}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification 通知", allowedDependencies = {"core", "organization"})
@org.jspecify.annotations.NullMarked
package cn.campusgate.notification;
