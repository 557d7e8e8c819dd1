package dev.blink.testkit;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Testcontainers PostgreSQL, in a class of its own so that the testkit loads Testcontainers only
 * when asked to: the dependency is optional, and a project without it never touches this class.
 */
record ContainerServer(String url, String user, String password) {

    static ContainerServer start(String image) {
        @SuppressWarnings("resource") // stopped by Testcontainers' own shutdown hook (Ryuk) when the JVM exits
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(image)
                .asCompatibleSubstituteFor("postgres"));
        container.start();
        return new ContainerServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}
