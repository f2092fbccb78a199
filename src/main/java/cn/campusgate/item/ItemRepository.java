package cn.campusgate.item;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stores items and their submitted versions; the content travels as JSON. */
@Repository
class ItemRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Item save(Item item) {
        String content = json.writeValueAsString(item.content());
        if (item.isNew()) {
            long id = jdbc.sql("""
                    INSERT INTO item (department_id, status, title, theme, content, submitted_versions, return_reason,
                                      created_by, created_at, updated_at, version)
                    VALUES (:department, :status, :title, :theme, CAST(:content AS jsonb), :versions, :reason,
                            :createdBy, :createdAt, :updatedAt, 0)
                    RETURNING id""")
                    .param("department", item.departmentId()).param("status", item.status().name())
                    .param("title", item.title()).param("theme", item.content().theme()).param("content", content)
                    .param("versions", item.submittedVersions()).param("reason", item.returnReason())
                    .param("createdBy", item.createdBy()).param("createdAt", Timestamp.from(item.createdAt()))
                    .param("updatedAt", Timestamp.from(item.updatedAt()))
                    .query(Long.class).single();
            item.assignId(id);
            return item;
        }
        int updated = jdbc.sql("""
                UPDATE item SET status = :status, title = :title, theme = :theme, content = CAST(:content AS jsonb),
                       submitted_versions = :versions, return_reason = :reason, updated_at = :updatedAt,
                       version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", item.status().name()).param("title", item.title())
                .param("theme", item.content().theme()).param("content", content)
                .param("versions", item.submittedVersions()).param("reason", item.returnReason())
                .param("updatedAt", Timestamp.from(item.updatedAt())).param("id", item.id())
                .param("version", item.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("item " + item.id() + " changed meanwhile");
        }
        item.bumpVersion();
        return item;
    }

    void saveVersion(long itemId, int number, ItemContent content, String submittedBy, Instant at) {
        jdbc.sql("""
                INSERT INTO item_version (item_id, number, content, submitted_by, submitted_at)
                VALUES (:item, :number, CAST(:content AS jsonb), :by, :at)""")
                .param("item", itemId).param("number", number).param("content", json.writeValueAsString(content))
                .param("by", submittedBy).param("at", Timestamp.from(at))
                .update();
    }

    Optional<Item> findById(long id) {
        return jdbc.sql("SELECT * FROM item WHERE id = :id").param("id", id).query(this::map).optional();
    }

    List<Item> findByDepartments(Collection<Long> departmentIds) {
        if (departmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM item WHERE department_id IN (:ids) ORDER BY updated_at DESC")
                .param("ids", departmentIds).query(this::map).list();
    }

    List<Item> findByStatus(ItemStatus status) {
        return jdbc.sql("SELECT * FROM item WHERE status = :status ORDER BY id").param("status", status.name())
                .query(this::map).list();
    }

    List<Items.Version> versions(long itemId) {
        return jdbc.sql("SELECT * FROM item_version WHERE item_id = :id ORDER BY number")
                .param("id", itemId)
                .query((rs, n) -> new Items.Version(rs.getInt("number"),
                        json.readValue(rs.getString("content"), ItemContent.class), rs.getString("submitted_by"),
                        rs.getTimestamp("submitted_at").toInstant()))
                .list();
    }

    private Item map(ResultSet rs, int row) throws SQLException {
        return new Item(rs.getLong("id"), rs.getInt("version"), rs.getLong("department_id"),
                ItemStatus.valueOf(rs.getString("status")), json.readValue(rs.getString("content"), ItemContent.class),
                rs.getInt("submitted_versions"), rs.getString("return_reason"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
