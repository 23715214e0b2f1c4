#!/usr/bin/env bash
# Schemas and least-privilege accounts of one region's MariaDB (docker-compose.yml), the same ones ./platform
# creates (infra Playground.provision), but at host '%' instead of '127.0.0.1': the services connect from their own
# containers. Run once by the image's entrypoint when it initialises an empty data directory
# (/docker-entrypoint-initdb.d), sourced or executed; a killed and restarted container keeps its data and grants.
#
#   account           rights
#   <service>         ALL on its own schema (order_service: rides, pricing_service: pricing,
#                     dispatch_service: dispatch, sync_sink: sync, gateway: routing)
#   sync_sink         also SELECT, INSERT, UPDATE on rides, pricing, dispatch, routing (apply writes the other
#                     regions' versions of replicated rows)
#   cdc               exactly what Debezium needs: SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR
#
# dispatch_service's SELECT on routing.unit_home and rides.rides (and order_service's on routing.unit_home) needs
# those tables, which the services' Flyway migrations create at their first start: the compose service
# grants-<region> grants it then.
#
# Passwords come from the container's environment (MARIADB_ROOT_PASSWORD, RIDEMESH_DB_<ACCOUNT>_PASSWORD), never
# from this file.

ridemesh_sql_literal() {
    local value=${1//\\/\\\\}
    value=${value//\'/\\\'}
    printf "'%s'" "$value"
}

ridemesh_init_region() {
    local sql="" schema user
    local -A schema_of=(
        [order_service]=rides
        [pricing_service]=pricing
        [dispatch_service]=dispatch
        [sync_sink]=sync
        [gateway]=routing
        [identity_service]=identity
    )
    local -A password_of=(
        [order_service]=${RIDEMESH_DB_ORDER_SERVICE_PASSWORD:?set RIDEMESH_DB_ORDER_SERVICE_PASSWORD}
        [pricing_service]=${RIDEMESH_DB_PRICING_SERVICE_PASSWORD:?set RIDEMESH_DB_PRICING_SERVICE_PASSWORD}
        [dispatch_service]=${RIDEMESH_DB_DISPATCH_SERVICE_PASSWORD:?set RIDEMESH_DB_DISPATCH_SERVICE_PASSWORD}
        [sync_sink]=${RIDEMESH_DB_SYNC_SINK_PASSWORD:?set RIDEMESH_DB_SYNC_SINK_PASSWORD}
        [gateway]=${RIDEMESH_DB_GATEWAY_PASSWORD:?set RIDEMESH_DB_GATEWAY_PASSWORD}
        [identity_service]=${RIDEMESH_DB_IDENTITY_SERVICE_PASSWORD:?set RIDEMESH_DB_IDENTITY_SERVICE_PASSWORD}
        [cdc]=${RIDEMESH_DB_CDC_PASSWORD:?set RIDEMESH_DB_CDC_PASSWORD}
    )
    for schema in rides pricing dispatch sync routing identity; do
        sql+="CREATE DATABASE IF NOT EXISTS \`$schema\`;"$'\n'
    done
    for user in order_service pricing_service dispatch_service sync_sink gateway identity_service; do
        sql+="CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY $(ridemesh_sql_literal "${password_of[$user]}");"$'\n'
        sql+="GRANT ALL ON \`${schema_of[$user]}\`.* TO '$user'@'%';"$'\n'
    done
    for schema in rides pricing dispatch routing identity; do
        sql+="GRANT SELECT, INSERT, UPDATE ON \`$schema\`.* TO 'sync_sink'@'%';"$'\n'
    done
    # apply writes its transactions in a GTID domain of their own (SET SESSION gtid_domain_id), which the region's
    # capture skips unread
    sql+="GRANT BINLOG REPLAY ON *.* TO 'sync_sink'@'%';"$'\n'
    sql+="CREATE USER IF NOT EXISTS 'cdc'@'%' IDENTIFIED BY $(ridemesh_sql_literal "${password_of[cdc]}");"$'\n'
    sql+="GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO 'cdc'@'%';"$'\n'

    if declare -F docker_process_sql > /dev/null; then
        # sourced by the entrypoint: its client talks to the temporary init server as root
        docker_process_sql <<< "$sql"
    else
        MYSQL_PWD="${MARIADB_ROOT_PASSWORD:?set MARIADB_ROOT_PASSWORD}" \
            mariadb --protocol=socket --user=root ${SOCKET:+--socket="$SOCKET"} <<< "$sql"
    fi
    echo "ridemesh: schemas and accounts of this region created"
}

ridemesh_init_region
