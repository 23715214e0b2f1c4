package io.ridemesh.order.ride.persistence;

import io.ridemesh.order.support.LocalMariaDb;
import javax.sql.DataSource;

/** {@link JdbcRidesContract} on a real MariaDB (InnoDB row locks, GREATEST, the unique key, read committed). */
class JdbcRidesMariaDbIT extends JdbcRidesContract {

    private static DataSource dataSource;

    @Override
    DataSource dataSource() {
        synchronized (JdbcRidesMariaDbIT.class) {
            if (dataSource == null) {
                dataSource = LocalMariaDb.get().migratedDatabase("rides_cas_it");
            }
            return dataSource;
        }
    }
}
