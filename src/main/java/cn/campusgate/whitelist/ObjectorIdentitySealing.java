package cn.campusgate.whitelist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import cn.campusgate.core.IdentitySeal;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seals the objectors' names and contacts stored in plain text before V70, in the migration's own transaction, right
 * after V70 added the sealed column and before V71 drops the plain ones. Flyway runs it (a callback bean) because
 * only the application holds the identity key.
 */
@Component
class ObjectorIdentitySealing implements Callback {

    static final String AFTER_VERSION = "70";
    private static final Logger log = LoggerFactory.getLogger(ObjectorIdentitySealing.class);

    private final IdentitySeal seal;

    ObjectorIdentitySealing(IdentitySeal seal) {
        this.seal = seal;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_EACH_MIGRATE && context.getMigrationInfo() != null
                && context.getMigrationInfo().getVersion() != null
                && AFTER_VERSION.equals(context.getMigrationInfo().getVersion().getVersion());
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            log.info("Sealed the identities of {} objectors", sealAll(context.getConnection()));
        } catch (SQLException e) {
            throw new IllegalStateException("objectors' identities could not be sealed", e);
        }
    }

    int sealAll(Connection connection) throws SQLException {
        int sealed = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, contact FROM whitelist_objection WHERE (name IS NOT NULL OR contact IS NOT NULL)"
                        + " AND sealed_identity IS NULL");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE whitelist_objection SET sealed_identity = ? WHERE id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                update.setBytes(1, seal.seal(blankToNull(rows.getString(2)), blankToNull(rows.getString(3))));
                update.setLong(2, rows.getLong(1));
                update.addBatch();
                sealed++;
            }
            if (sealed > 0) {
                update.executeBatch();
            }
        }
        return sealed;
    }

    private static @org.jspecify.annotations.Nullable String blankToNull(@org.jspecify.annotations.Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public String getCallbackName() {
        return "seal-objector-identities";
    }
}
