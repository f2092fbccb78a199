package cn.campusgate.notification;

/**
 * Internal: a recorded notice to mail once the transaction that recorded it commits. Kept in the event
 * publication registry until the mail is sent, so a mail lost to a failure or a crash is sent again. It
 * names the notice and the account only: the address is looked up when sending, so the registry (which
 * archives every publication) keeps no addresses, and a changed address is honoured.
 */
record NoticeMailRequested(long notificationId, long accountId) {
}
