package cn.campusgate.supervision;

import java.time.Instant;

/** One message between the complainant (with the receipt code) and the supervisors handling the case. */
public record ComplaintMessage(long id, long complaintId, Direction direction, String body, Instant at) {

    public enum Direction {
        /** 投诉人留言. */
        FROM_COMPLAINANT,
        /** 办理回复. */
        TO_COMPLAINANT
    }
}
