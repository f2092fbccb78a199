package cn.campusgate.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
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
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.campusgate.audit.AuditTrail;
import cn.campusgate.audit.AuditVerification;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and restore round trip with PostgreSQL's own tools, as docs/RELIABILITY.md tells operators to do it:
 * {@code pg_dump --format=custom} of the running application's database, {@code pg_restore} into a new empty database,
 * then the two are compared: the same tables with the same rows (count and checksum of every row), the same sequence
 * positions, the same indexes, constraints, triggers and functions. The restored audit trail's hash chain verifies,
 * Flyway finds the restored schema complete, and the restored database takes new rows where the original left off.
 *
 * <p>The original's checksums are read in the very snapshot pg_dump writes ({@code --snapshot}), so a write by the
 * application in between cannot make the comparison pass or fail by chance. pg_dump 17 comes from
 * {@code scripts/pg-client-17.sh}: the machine's own client is 15, which refuses a 17 server.
 */
@ReliabilityTest
class BackupRoundTripIT {

    @Autowired HikariDataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void aPgDumpRestoresIntoAFreshDatabaseWithEveryRowAndAnIntactAuditChain() throws Exception {
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single()).isPositive();
        Path clientBin = Path.of(run(List.of("bash", "scripts/pg-client-17.sh"), Map.of()).strip());
        Path directory = Files.createDirectories(Path.of("target", "backup-round-trip"));
        Path dump = directory.resolve(UUID.randomUUID() + ".dump");
        String restored = "restored_" + UUID.randomUUID().toString().substring(0, 8);
        Properties url = Driver.parseURL(dataSource.getJdbcUrl(), null);
        Map<String, String> password = dataSource.getPassword() == null ? Map.of()
                : Map.of("PGPASSWORD", dataSource.getPassword());
        List<String> server = List.of("--host=" + url.getProperty("PGHOST"), "--port=" + url.getProperty("PGPORT"),
                "--username=" + dataSource.getUsername(), "--no-password");

        Snapshot original;
        try (Connection source = dataSource.getConnection()) {
            source.setAutoCommit(false);
            try (Statement s = source.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            String snapshot = single(source, "SELECT pg_export_snapshot()");
            original = Snapshot.of(source);
            List<String> dumpCommand = new ArrayList<>(List.of(clientBin.resolve("pg_dump").toString(),
                    "--format=custom", "--snapshot=" + snapshot, "--file=" + dump));
            dumpCommand.addAll(server);
            dumpCommand.add("--dbname=" + url.getProperty("PGDBNAME"));
            run(dumpCommand, password);
            source.commit();
        }
        assertThat(original.tables().keySet())
                .contains("audit_entry", "approval_task", "item", "flyway_schema_history", "spring_session");

        try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + restored + " TEMPLATE template0 ENCODING 'UTF8'");
        }
        try {
            List<String> restoreCommand = new ArrayList<>(List.of(clientBin.resolve("pg_restore").toString(),
                    "--exit-on-error", "--no-owner", "--dbname=" + restored));
            restoreCommand.addAll(server);
            restoreCommand.add(dump.toString());
            run(restoreCommand, password);

            String restoredUrl = "jdbc:postgresql://" + url.getProperty("PGHOST") + ":" + url.getProperty("PGPORT")
                    + "/" + restored;
            try (Connection target = DriverManager.getConnection(restoredUrl, dataSource.getUsername(),
                    dataSource.getPassword())) {
                Snapshot copy = Snapshot.of(target);
                assertThat(copy.tables()).isEqualTo(original.tables());
                assertThat(copy.sequences()).isEqualTo(original.sequences());
                assertThat(copy.schema()).isEqualTo(original.schema());

                AuditVerification verification = auditTrailOn(target).verify();
                assertThat(verification.valid()).as(verification.toString()).isTrue();
                assertThat(original.tables().get("audit_entry")).startsWith(verification.entries() + " rows,");

                Flyway flyway = Flyway.configure().dataSource(restoredUrl, dataSource.getUsername(),
                        dataSource.getPassword()).locations("classpath:db/migration").load();
                assertThat(flyway.info().pending()).isEmpty();
                assertThat(flyway.validateWithResult().validationSuccessful).isTrue();

                // The restored database takes new rows where the original left off.
                assertThat(Long.parseLong(single(target, "SELECT nextval('public.approval_task_id_seq')")))
                        .isEqualTo(Long.parseLong(original.sequences().get("approval_task_id_seq")) + 1);

                long rows = original.tables().values().stream()
                        .mapToLong(sum -> Long.parseLong(sum.substring(0, sum.indexOf(' ')))).sum();
                LoggerFactory.getLogger(BackupRoundTripIT.class).info(
                        "Backup round trip with {}: {} tables, {} rows, {} schema objects, dump {} bytes; restored copy "
                                + "identical, {} audit entries verified", run(List.of(clientBin.resolve("pg_dump")
                                .toString(), "--version"), Map.of()).strip(), original.tables().size(), rows,
                        original.schema().size(), Files.size(dump), verification.entries());
            }
        } finally {
            try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
            }
            Files.deleteIfExists(dump);
        }
    }

    /**
     * What a backup must carry over, read from one database: contents, sequence positions and schema objects. Definitions
     * are compared without casts, parentheses and spaces: PostgreSQL re-parses check constraints and partial indexes on
     * restore and places the casts of an {@code IN} list differently, with the same meaning.
     */
    private record Snapshot(Map<String, String> tables, Map<String, String> sequences, List<String> schema) {

        static Snapshot of(Connection connection) throws SQLException {
            Map<String, String> sequences = new LinkedHashMap<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT sequencename, coalesce(last_value::text, 'unused') FROM pg_sequences "
                            + "WHERE schemaname = 'public' ORDER BY 1")) {
                while (rs.next()) {
                    sequences.put(rs.getString(1), rs.getString(2));
                }
            }
            List<String> schema = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT regexp_replace(definition, '::[a-z ]+(\\[\\])?|[() ]', '', 'g') FROM (
                    SELECT 'index ' || indexdef AS definition FROM pg_indexes WHERE schemaname = 'public'
                    UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                    UNION ALL SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
                    UNION ALL SELECT 'function ' || pg_get_functiondef(p.oid) FROM pg_proc p
                      WHERE pronamespace = 'public'::regnamespace AND prokind IN ('f', 'p')
                    UNION ALL SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '
                           || is_nullable || ' ' || coalesce(column_default, '')
                      FROM information_schema.columns WHERE table_schema = 'public') objects
                    ORDER BY 1""")) {
                while (rs.next()) {
                    schema.add(rs.getString(1));
                }
            }
            return new Snapshot(checksums(connection, BackupRoundTripIT.tables(connection)), sequences, schema);
        }
    }

    /** Runs a command, fails the test with its output when it fails, and returns its standard output. */
    private static String run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String output = read(process.getInputStream());
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("%s finished", command.getFirst()).isTrue();
        assertThat(process.exitValue()).as("%s failed:%n%s", String.join(" ", command), errors.get()).isZero();
        return output;
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
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
