package cn.campusgate.supervision;

import java.time.Instant;

/** An evidence file as described in the database; its content is sealed on disk, outside the web root. */
public record Evidence(long id, long complaintId, String fileName, String contentType, long sizeBytes,
                       Instant uploadedAt) {
}
