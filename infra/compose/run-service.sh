#!/usr/bin/env bash
# Starts one ridemesh service in its container (docker-compose.yml), as ./platform starts it as a process
# (infra ServiceLauncher): java [JVM options] [$RIDEMESH_SERVICE_JVM_OPTS] -jar JAR.
#
# Usage: run-service.sh JAR [JVM option...]
set -euo pipefail

jar=${1:?usage: run-service.sh JAR [JVM option...]}
shift
if [[ ! -f "$jar" ]]; then
    echo "run-service: $jar is missing; build the services first: mvn -DskipTests package" >&2
    exit 64
fi

# pricing signs quotes with the key as base64 text, order-service verifies them with it as hex: the same bytes in
# the encoding each expects, derived here as ./platform derives them (unless PRICING_QUOTE_SIGNING_KEY is set)
if [[ -z "${PRICING_QUOTE_SIGNING_KEY:-}" && -n "${RIDEMESH_QUOTE_SECRET:-}" ]]; then
    if [[ ! "$RIDEMESH_QUOTE_SECRET" =~ ^([0-9a-fA-F]{2})+$ ]]; then
        echo "run-service: RIDEMESH_QUOTE_SECRET must be hex digits (e.g. openssl rand -hex 32)" >&2
        exit 64
    fi
    PRICING_QUOTE_SIGNING_KEY="$(printf '%b' "$(sed 's/../\\x&/g' <<< "$RIDEMESH_QUOTE_SECRET")" | base64 -w0)"
    export PRICING_QUOTE_SIGNING_KEY
fi

# A region's containers killed and started again (the failover drill) may come back on other IP addresses: the
# other region's services re-resolve their names after 5 s instead of the JDK's default 30 s.
# RIDEMESH_SERVICE_JVM_OPTS is a space-separated list of extra JVM options, as for ./platform.
# shellcheck disable=SC2086
exec java "$@" -Dsun.net.inetaddr.ttl=5 ${RIDEMESH_SERVICE_JVM_OPTS:-} -jar "$jar"
