package io.ridemesh.order.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 in MariaDB mode with the service's migrations applied, for tests without Spring. */
public final class H2Database {

    private H2Database() {}

    /** A new, migrated database named {@code name}; it lives as long as the JVM. */
    public static DataSource migrated(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(
                "jdbc:h2:mem:" + name + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/rides")
                .load()
                .migrate();
        return dataSource;
    }
}
