package cn.campusgate.reliability;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.campusgate.audit.AuditTrail;
import cn.campusgate.audit.AuditVerification;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and restore round trip: every table of the running application's database is written out with PostgreSQL's
 * COPY (the same data format pg_dump uses for table contents), a fresh database gets the schema from the Flyway
 * migrations and the rows back, sequences continue where they were, and then every table is compared row count and
 * content checksum with the original, and the restored audit trail's hash chain is verified.
 *
 * <p>Not pg_dump itself: the embedded server is PostgreSQL 17 and this machine's only pg_dump is Debian 12's 15, which
 * refuses a newer server (docs/RELIABILITY.md gives the operators' pg_dump commands for a client of the server's version).
 */
@ReliabilityTest
class BackupRoundTripIT {

    @Autowired HikariDataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void aBackupRestoresIntoAFreshDatabaseWithEveryRowAndAnIntactAuditChain() throws Exception {
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single()).isPositive();
        Path backup = Path.of("target", "backup-round-trip", UUID.randomUUID().toString());
        Files.createDirectories(backup);
        String restored = "restored_" + UUID.randomUUID().toString().substring(0, 8);

        Map<String, String> original;
        Map<String, Long> sequences = new LinkedHashMap<>();
        List<String> tables;
        try (Connection source = dataSource.getConnection()) {
            source.setAutoCommit(false);
            // One snapshot for every table, as pg_dump takes.
            try (Statement s = source.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            tables = tables(source);
            CopyManager copy = source.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                try (OutputStream out = Files.newOutputStream(backup.resolve(table + ".copy"))) {
                    copy.copyOut("COPY public." + quoted(table) + " TO STDOUT (FORMAT binary)", out);
                }
            }
            try (Statement s = source.createStatement();
                 ResultSet rs = s.executeQuery("SELECT sequencename, last_value FROM pg_sequences "
                         + "WHERE schemaname = 'public' AND last_value IS NOT NULL")) {
                while (rs.next()) {
                    sequences.put(rs.getString(1), rs.getLong(2));
                }
            }
            original = checksums(source, tables);
            source.commit();
        }
        assertThat(tables).contains("audit_entry", "approval_task", "item", "flyway_schema_history", "spring_session");

        String url = dataSource.getJdbcUrl();
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String restoredUrl = url.replace("/" + database, "/" + restored);
        try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + restored);
        }
        try {
            Flyway.configure().dataSource(restoredUrl, dataSource.getUsername(), dataSource.getPassword())
                    .locations("classpath:db/migration").load().migrate();
            try (Connection target = DriverManager.getConnection(restoredUrl, dataSource.getUsername(),
                    dataSource.getPassword())) {
                target.setAutoCommit(false);
                try (Statement s = target.createStatement()) {
                    // Rows arrive table by table, so foreign keys are checked by the comparison below, not per row;
                    // what the migrations seeded is replaced by the backup's rows.
                    s.execute("SET session_replication_role = replica");
                    s.execute("TRUNCATE " + String.join(", ", tables.stream().map(t -> "public." + quoted(t)).toList()));
                }
                CopyManager copy = target.unwrap(PGConnection.class).getCopyAPI();
                for (String table : tables) {
                    try (InputStream in = Files.newInputStream(backup.resolve(table + ".copy"))) {
                        copy.copyIn("COPY public." + quoted(table) + " FROM STDIN (FORMAT binary)", in);
                    }
                }
                try (Statement s = target.createStatement()) {
                    for (var sequence : sequences.entrySet()) {
                        s.execute("SELECT setval('public." + quoted(sequence.getKey()) + "', " + sequence.getValue() + ")");
                    }
                    s.execute("SET session_replication_role = DEFAULT");
                }
                target.commit();

                assertThat(tables(target)).containsExactlyElementsOf(tables);
                Map<String, String> copied = checksums(target, tables);
                assertThat(copied).isEqualTo(original);
                assertThat(brokenForeignKeys(target)).isEmpty();

                AuditVerification verification = auditTrailOn(target).verify();
                assertThat(verification.valid()).as(verification.toString()).isTrue();
                assertThat(original.get("audit_entry")).startsWith(verification.entries() + " rows,");
                long rows = copied.values().stream().mapToLong(sum -> Long.parseLong(sum.substring(0, sum.indexOf(' '))))
                        .sum();
                LoggerFactory.getLogger(BackupRoundTripIT.class).info(
                        "Backup round trip: {} tables, {} rows, {} bytes backed up; restored copy identical, {} audit entries verified",
                        tables.size(), rows, Files.walk(backup).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum(),
                        verification.entries());
                // The restored database takes new rows where the original left off.
                try (Statement s = target.createStatement();
                     ResultSet rs = s.executeQuery("SELECT nextval('public.approval_task_id_seq')")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(sequences.get("approval_task_id_seq") + 1);
                }
            }
        } finally {
            try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
            }
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Row count and an MD5 of every row's text, in a fixed order, per table. */
    private static Map<String, String> checksums(Connection connection, List<String> tables) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : tables) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM public."
                            + quoted(table) + " t")) {
                rs.next();
                sums.put(table, rs.getLong(1) + " rows, md5 " + rs.getString(2));
            }
        }
        return sums;
    }

    /** Rows whose foreign key points at nothing, as "constraint: count". */
    private static List<String> brokenForeignKeys(Connection connection) throws SQLException {
        List<String> broken = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text,
                       (SELECT string_agg(quote_ident(a.attname), ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(att, n)
                          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att),
                       (SELECT string_agg(quote_ident(a.attname), ',' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(att, n)
                          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.att)
                FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace""")) {
            while (rs.next()) {
                keys.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
            }
        }
        for (String[] key : keys) {
            String columns = key[3];
            String notNull = String.join(" AND ", java.util.Arrays.stream(columns.split(","))
                    .map(c -> "c." + c + " IS NOT NULL").toList());
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM " + key[1] + " c WHERE " + notNull + " AND NOT EXISTS (SELECT 1 FROM " + key[2]
                            + " p WHERE (" + prefixed("p", key[4]) + ") = (" + prefixed("c", columns) + "))")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    broken.add(key[0] + ": " + rs.getLong(1));
                }
            }
        }
        assertThat(keys).isNotEmpty();
        return broken;
    }

    private static String prefixed(String alias, String columns) {
        return String.join(", ", java.util.Arrays.stream(columns.split(",")).map(c -> alias + "." + c).toList());
    }

    /** The application's own verifier, reading the restored database. */
    private static AuditTrail auditTrailOn(Connection connection) throws ReflectiveOperationException {
        Constructor<AuditTrail> constructor = AuditTrail.class.getDeclaredConstructor(JdbcClient.class, Clock.class);
        constructor.setAccessible(true);
        return constructor.newInstance(JdbcClient.create(new SingleConnectionDataSource(connection, true)),
                Clock.systemUTC());
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
