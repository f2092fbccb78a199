package cn.campusgate.supervision;

/** How a complaint reached supervision. */
public enum Channel {
    /** 网上投诉: the public page or the public API. */
    ONLINE,
    /** 投诉电话, logged by staff. */
    HOTLINE,
    /** 投诉邮箱, logged by staff. */
    MAILBOX,
    /** 来信, logged by staff. */
    LETTER,
    /** 监测预警: an alert of the monitoring sentinels or data analysis. */
    MONITORING;

    /** The channels staff log by hand. */
    public static Channel[] staffLogged() {
        return new Channel[]{HOTLINE, MAILBOX, LETTER};
    }
}
