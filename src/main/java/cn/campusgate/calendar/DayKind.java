package cn.campusgate.calendar;

/** How a day departs from the Monday-to-Friday week. */
public enum DayKind {
    /** 放假: nobody works, whatever the weekday (the weekend days inside a holiday period are listed too). */
    HOLIDAY,
    /** 调休上班: a Saturday or Sunday on which people work to make up for a longer holiday. */
    ADJUSTED_WORKDAY
}
