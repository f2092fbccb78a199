package cn.campusgate.calendar;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the days that depart from the Monday-to-Friday week and the years whose arrangement is complete. */
@Repository
class CalendarRepository {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    HolidayTable load() {
        Map<LocalDate, DayKind> overrides = new HashMap<>();
        jdbc.sql("SELECT day, kind FROM calendar_day").query((ResultSet rs) -> {
            overrides.put(rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind")));
        });
        Set<Integer> years = new HashSet<>(jdbc.sql("SELECT year FROM calendar_year").query(Integer.class).list());
        return new HolidayTable(overrides, years);
    }

    List<CalendarDay> daysOf(int year) {
        return jdbc.sql("SELECT * FROM calendar_day WHERE day BETWEEN :from AND :to ORDER BY day")
                .param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(year, 12, 31)))
                .query(CalendarRepository::day).list();
    }

    Optional<CalendarDay> find(LocalDate day) {
        return jdbc.sql("SELECT * FROM calendar_day WHERE day = :day").param("day", Date.valueOf(day))
                .query(CalendarRepository::day).optional();
    }

    /** @return false when the day already has an entry */
    boolean insert(CalendarDay day) {
        return jdbc.sql("INSERT INTO calendar_day (day, kind, name) VALUES (:day, :kind, :name) ON CONFLICT DO NOTHING")
                .param("day", Date.valueOf(day.day())).param("kind", day.kind().name()).param("name", day.name())
                .update() == 1;
    }

    boolean delete(LocalDate day) {
        return jdbc.sql("DELETE FROM calendar_day WHERE day = :day").param("day", Date.valueOf(day)).update() == 1;
    }

    Optional<ConfiguredYear> configured(int year) {
        return jdbc.sql("SELECT * FROM calendar_year WHERE year = :year").param("year", year)
                .query((rs, n) -> new ConfiguredYear(rs.getInt("year"), rs.getString("configured_by"),
                        rs.getTimestamp("configured_at").toInstant(), rs.getString("note")))
                .optional();
    }

    /** @return false when the year was configured already */
    boolean markConfigured(int year, String by, Instant at, @Nullable String note) {
        return jdbc.sql("""
                INSERT INTO calendar_year (year, configured_by, configured_at, note) VALUES (:year, :by, :at, :note)
                ON CONFLICT DO NOTHING""")
                .param("year", year).param("by", by).param("at", Timestamp.from(at)).param("note", note)
                .update() == 1;
    }

    /** Years that have any entry or are configured. */
    Set<Integer> knownYears() {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT extract(year FROM day)::int FROM calendar_day
                UNION SELECT year FROM calendar_year""").query(Integer.class).list());
    }

    private static CalendarDay day(ResultSet rs, int row) throws SQLException {
        return new CalendarDay(rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
                rs.getString("name"));
    }
}
