package cn.campusgate.supervision;

/** 黄牌 / 红牌 for an identified complainant whose complaints were found knowingly false. */
public enum Card {
    NONE, YELLOW, RED
}
