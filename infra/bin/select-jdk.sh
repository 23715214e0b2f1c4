# Sourced by ./platform, ./mvnw and .ci/run: exports JAVA_HOME (and PATH) of a JDK 25 or newer.
# Order: $JAVA_HOME if it is >= 25, the `java` on PATH if it is >= 25, then the JDKs under /usr/lib/jvm
# (Temurin 25 is at /usr/lib/jvm/temurin-25-jdk-amd64 on the machines this project is built on).
# Fails with a message naming what it found when there is none.

ridemesh_java_feature() { # prints the feature release (17, 25, ...) of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -1 || echo 0
}

ridemesh_select_jdk() {
  local required=25 candidate feature
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/java-2[5-9]* /usr/lib/jvm/*-2[5-9]-*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    feature="$(ridemesh_java_feature "$candidate/bin/java")"
    if [ "${feature:-0}" -ge "$required" ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "ridemesh needs a JDK $required or newer; found none (JAVA_HOME=${JAVA_HOME:-unset}, java on PATH:" \
    "$(command -v java || echo none)). Install Temurin $required or set JAVA_HOME." >&2
  return 1
}

ridemesh_select_jdk
