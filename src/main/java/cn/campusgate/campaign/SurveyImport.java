package cn.campusgate.campaign;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One import of a survey file: how far it got and what it did. */
public record SurveyImport(long id, long campaignId, long reporterId, String fileName, String contentHash,
                           Status status, int totalRows, int processed, int created, int skipped, int problems,
                           @Nullable String failure, String startedBy, Instant startedAt, @Nullable Instant finishedAt) {

    public enum Status { RUNNING, DONE, FAILED }

    /** Per cent of rows processed, 0..100. */
    public int percent() {
        return totalRows == 0 ? 100 : (int) Math.min(100, processed * 100L / totalRows);
    }

    public boolean running() {
        return status == Status.RUNNING;
    }
}
