package cn.campusgate.supervision;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For other modules (evaluation, R-5): how many complaints named a department and an activity of it in a period,
 * and how many of them verification found substantiated (查证属实). Complaints name the activity in their own words,
 * so an activity matches when either title contains the other. Counts only: nothing about complainants.
 */
@Service
public class ActivityComplaints {

    /** Complaints about one activity, and those whose case was verified as substantiated. */
    public record Counts(long complaints, long substantiated) {
    }

    private final JdbcClient jdbc;

    ActivityComplaints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Counts about(long departmentId, String title, LocalDate from, LocalDate to) {
        String wanted = normalise(title);
        if (wanted.isEmpty()) {
            return new Counts(0, 0);
        }
        return jdbc.sql("""
                SELECT count(*) AS complaints, count(*) FILTER (WHERE c.outcome = 'SUBSTANTIATED') AS substantiated
                FROM complaint k JOIN supervision_case c ON c.id = k.case_id
                WHERE k.target_id = :department AND k.happened_on BETWEEN :from AND :to AND k.item_title IS NOT NULL
                  AND length(btrim(k.item_title)) >= 2
                  AND (position(lower(regexp_replace(k.item_title, '\\s', '', 'g')) IN :title) > 0
                       OR position(:title IN lower(regexp_replace(k.item_title, '\\s', '', 'g'))) > 0)""")
                .param("department", departmentId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("title", wanted)
                .query((rs, n) -> new Counts(rs.getLong("complaints"), rs.getLong("substantiated"))).single();
    }

    static String normalise(String title) {
        return title.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
    }
}
