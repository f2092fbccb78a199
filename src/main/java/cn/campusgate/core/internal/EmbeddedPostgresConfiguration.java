package cn.campusgate.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;


import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.datasource.url} (i.e. no {@code CAMPUSGATE_DB_URL}), the application starts a
 * real PostgreSQL 17 itself and keeps its files under {@code campusgate.embedded-database.data-directory},
 * so {@code ./mvnw spring-boot:run} works on a fresh machine and a restart keeps every record.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedPostgresConfiguration.EmbeddedDatabaseProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path directory = properties.dataDirectory().toAbsolutePath();
        Files.createDirectories(directory.getParent());
        stopOrphanedServer(directory);
        log.info("Starting embedded PostgreSQL with data in {}", directory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Spring closes it after every bean that uses it; its own JVM hook would stop it too early.
                .setRegisterShutdownHook(false)
                .setPort(properties.port())
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC")
                .start();
    }

    /**
     * PostgreSQL runs as a process of its own: when this application was killed (SIGKILL, OOM killer) it keeps
     * running on the data directory, and a new one would refuse to start on it. It is asked to shut down first
     * (SIGTERM: it finishes and writes a checkpoint, since the dead application's sessions are gone).
     */
    static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (!first.matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(first))
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (server.isEmpty()) {
            return; // a stale file: PostgreSQL itself sees that its process is gone
        }
        log.warn("A PostgreSQL server (pid {}) left by an earlier run still holds {}; stopping it", first, directory);
        server.get().destroy();
        try {
            server.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (pid " + first + ") on " + directory
                    + " did not stop within 60 s; stop it and start again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres,
            @Value("${spring.datasource.hikari.connection-timeout:5000}") long connectionTimeout) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("campusgate-embedded");
        dataSource.setConnectionTimeout(connectionTimeout);
        dataSource.setValidationTimeout(Math.min(2000, connectionTimeout - 1));
        return dataSource;
    }

    /**
     * @param dataDirectory where PostgreSQL keeps its files ({@code ./data/postgres} by default)
     * @param port          0 picks a free port
     */
    @ConfigurationProperties("campusgate.embedded-database")
    record EmbeddedDatabaseProperties(Path dataDirectory, int port) {
        EmbeddedDatabaseProperties {
            if (dataDirectory == null) {
                dataDirectory = Path.of("data", "postgres");
            }
        }
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

}
