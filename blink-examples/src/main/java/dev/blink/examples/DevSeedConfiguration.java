package dev.blink.examples;

import dev.blink.InsertOptions;
import dev.blink.spi.SeedListener;
import dev.blink.spring.SpringSeeding;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Spring Boot recipe: seed a development database when the application starts with the
 * {@code dev} profile. An {@code ApplicationRunner} runs once the context is up, so after Flyway or
 * Liquibase have migrated the schema (Boot runs them while it creates the context).
 */
// tag::boot-dev-seed[]
@Configuration(proxyBeanMethods = false)
@Profile("dev")
public class DevSeedConfiguration {

    @Bean
    ApplicationRunner devSeed(DataSource dataSource) {
        return args -> {
            Long users = new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM users", Long.class);
            if (users == null || users == 0) { // a restart keeps what the last run (and you) left
                SpringSeeding.insert(LambdaSeed.plan(), dataSource,
                        InsertOptions.builder().listener(SeedListener.logging()).build());
            }
        };
    }
}
// end::boot-dev-seed[]
