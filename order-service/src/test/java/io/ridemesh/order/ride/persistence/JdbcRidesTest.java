package io.ridemesh.order.ride.persistence;

import io.ridemesh.order.support.H2Database;
import javax.sql.DataSource;

/** {@link JdbcRidesContract} on H2 in MariaDB mode. */
class JdbcRidesTest extends JdbcRidesContract {

    private static final DataSource DATA_SOURCE = H2Database.migrated("jdbc-rides-test");

    @Override
    DataSource dataSource() {
        return DATA_SOURCE;
    }
}
