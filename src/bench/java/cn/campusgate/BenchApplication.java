package cn.campusgate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** What every benchmark shares: the whole application on a fresh embedded PostgreSQL, and running a tool. */
public final class BenchApplication {

    private BenchApplication() {
    }

    /**
     * Starts CampusGate on a random port with its own temporary data directory and quiet logs. {@code settings} are
     * set as system properties first: they outrank application.yml (which reads e.g. the data directory from them).
     */
    public static ConfigurableApplicationContext start(Map<String, String> settings) throws Exception {
        return start(settings, null);
    }

    /** The same, with every connection of the application's pool counted by {@code counter} (when not null). */
    public static ConfigurableApplicationContext start(Map<String, String> settings, StatementCounter counter)
            throws Exception {
        Path data = Files.createTempDirectory("campusgate-bench");
        System.setProperty("CAMPUSGATE_DATA_DIR", data.toString());
        System.setProperty("server.port", "0");
        System.setProperty("logging.level.root", "WARN");
        settings.forEach(System::setProperty);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CampusGateApplication.class)
                .properties("spring.main.banner-mode=off");
        if (counter != null) {
            builder.initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    // Hikari opens its connections from this DataSource instead of the URL; the URL stays readable.
                    if (bean instanceof HikariDataSource hikari && hikari.getDataSource() == null) {
                        PGSimpleDataSource driver = new PGSimpleDataSource();
                        driver.setURL(hikari.getJdbcUrl());
                        driver.setUser(hikari.getUsername());
                        driver.setPassword(hikari.getPassword());
                        hikari.setDataSource(counter.wrap(driver));
                    }
                    return bean;
                }
            }));
        }
        return builder.run();
    }

    /** Runs a command (pgbench, wrk) to its end and returns what it printed; fails when it fails. */
    public static String exec(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> out.append(line).append('\n'));
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out.toString();
    }
}
