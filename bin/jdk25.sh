# Sourced by ./scoreline, ./verify and .ci/run: puts a JDK 25 (or newer) into JAVA_HOME.
# Order: an existing JAVA_HOME if it is 25+, then any JDK under /usr/lib/jvm.

scoreline_java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

scoreline_select_jdk() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(scoreline_java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 25 ]; then
            export JAVA_HOME="$candidate"
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    done
    echo "scoreline: no JDK 25 found: install one (e.g. Temurin 25) and set JAVA_HOME to it" >&2
    return 1
}
