package cn.campusgate.screening;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code screening_theme} table. */
@Repository
class JdbcThemeStore implements ThemeStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcThemeStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(String key, String text) {
        jdbc.sql("""
                INSERT INTO screening_theme (theme_key, text, registered_at) VALUES (:key, :text, :at)
                ON CONFLICT (theme_key) DO UPDATE SET text = EXCLUDED.text, registered_at = EXCLUDED.registered_at""")
                .param("key", key).param("text", text)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    @Override
    public void delete(String key) {
        jdbc.sql("DELETE FROM screening_theme WHERE theme_key = :key").param("key", key).update();
    }

    @Override
    public void forEach(BiConsumer<String, String> consumer) {
        jdbc.sql("SELECT theme_key, text FROM screening_theme ORDER BY registered_at, theme_key")
                .query(rs -> {
                    consumer.accept(rs.getString("theme_key"), rs.getString("text"));
                });
    }
}
