package cn.campusgate.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores each person's notices; the arguments travel as a JSON array. */
@Repository
class NotificationRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long accountId, Notice notice, Instant at) {
        return jdbc.sql("""
                INSERT INTO notification (account_id, message_key, args, link, created_at)
                VALUES (:account, :key, CAST(:args AS jsonb), :link, :at)
                RETURNING id""")
                .param("account", accountId).param("key", notice.messageKey())
                .param("args", json.writeValueAsString(notice.args())).param("link", notice.link())
                .param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    long countUnread(long accountId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE account_id = :account AND read_at IS NULL")
                .param("account", accountId).query(Long.class).single();
    }

    long count(long accountId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE account_id = :account")
                .param("account", accountId).query(Long.class).single();
    }

    /** Newest first. */
    List<ReceivedNotice> page(long accountId, int offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM notification WHERE account_id = :account
                ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("account", accountId).param("limit", limit).param("offset", offset)
                .query(this::map).list();
    }

    Optional<ReceivedNotice> find(long id) {
        return jdbc.sql("SELECT * FROM notification WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<ReceivedNotice> find(long id, long accountId) {
        return jdbc.sql("SELECT * FROM notification WHERE id = :id AND account_id = :account")
                .param("id", id).param("account", accountId).query(this::map).optional();
    }

    /** Keeps the first reading time; @return false when the account has no such notice */
    boolean markRead(long id, long accountId, Instant at) {
        return jdbc.sql("""
                UPDATE notification SET read_at = coalesce(read_at, :at) WHERE id = :id AND account_id = :account""")
                .param("at", Timestamp.from(at)).param("id", id).param("account", accountId).update() == 1;
    }

    int markAllRead(long accountId, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = :at WHERE account_id = :account AND read_at IS NULL")
                .param("at", Timestamp.from(at)).param("account", accountId).update();
    }

    void markMailed(long id, Instant at) {
        jdbc.sql("UPDATE notification SET mailed_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    private ReceivedNotice map(ResultSet rs, int row) throws SQLException {
        return new ReceivedNotice(rs.getLong("id"), rs.getString("message_key"),
                json.readValue(rs.getString("args"), STRINGS), rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("read_at")),
                instant(rs.getTimestamp("mailed_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
