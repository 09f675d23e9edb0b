# Sourced by ./mvnw, server/bin/ncmcp and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, then the newest JDK 21+ under /usr/lib/jvm and /opt/java, then `java` on PATH.

ncmcp_java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

ncmcp_find_java() {
    local candidate major best="" best_major=0
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        major=$(ncmcp_java_major "$JAVA_HOME")
        if [ "${major:-0}" -ge 21 ]; then
            return 0
        fi
        echo "ncmcp: JAVA_HOME=$JAVA_HOME is Java ${major:-unknown}; looking for Java 21+ elsewhere" >&2
    fi
    for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
        [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(ncmcp_java_major "$candidate")
        if [ "${major:-0}" -ge 21 ] && [ "${major:-0}" -gt "$best_major" ]; then
            best="$candidate"; best_major="$major"
        fi
    done
    if [ -z "$best" ] && command -v java >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
        major=$(ncmcp_java_major "$candidate")
        if [ "${major:-0}" -ge 21 ]; then best="$candidate"; fi
    fi
    if [ -z "$best" ]; then
        echo "ncmcp: no Java 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm, /opt/java and java on PATH)." >&2
        echo "ncmcp: install a JDK 21+ (e.g. Temurin 21) and set JAVA_HOME to it." >&2
        return 1
    fi
    export JAVA_HOME="$best"
}

ncmcp_find_java || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
