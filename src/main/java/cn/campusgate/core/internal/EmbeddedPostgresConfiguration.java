package cn.campusgate.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;


import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("campusgate-embedded");
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
