package cn.campusgate.item;

/** The two ways into schools. */
public enum ItemRoute {
    /** 年度计划: approved together with the year's whitelist. */
    ANNUAL,
    /** 一事一审: a temporary item, applied at least two weeks ahead. */
    TEMPORARY
}
