# Sourced by ./scoreline: the start-up cache (JDK 25's ahead-of-time cache, JEP 483/514), ADR 0047.
#
# Trained once per jar and JDK, in the build directory next to the jar, owner-only. The training
# runs `org list` twice on a scratch home (the first run creates the home, the second, warm, is the
# one recorded), then checks the new cache with `org list` on a second, fresh home under
# -XX:AOTMode=on: the JVM fails instead of falling back, so a cache that cannot be mapped, or that
# breaks a first start (the sealed org.tukaani.xz package the embedded database unpacks with,
# ADR 0047), is never used. A cache whose stamp (the jar's and its libraries' bytes and dates, the
# JDK) differs from the current one is retrained; the JVM itself refuses a cache whose class path
# changed. A failed training is remembered for that stamp, so commands do not pay for it again.

scoreline_aot_stamp() {
    local jar="$1"
    printf '%s|%s|%s|%s\n' \
        "$(cksum <"$jar")" \
        "$(ls -ln --time-style=+%s "$(dirname "$jar")/lib" 2>/dev/null | cksum)" \
        "$JAVA_HOME" \
        "$(cksum <"$JAVA_HOME/release" 2>/dev/null || echo none)"
}

# Ours and nobody else's: another user who could write the cache could put code in it.
scoreline_aot_private() {
    local path
    for path in "$@"; do
        [ -O "$path" ] || return 1
        [ -z "$(find "$path" -maxdepth 0 -perm /022 -print 2>/dev/null)" ] || return 1
    done
}

scoreline_aot_train() {
    local jar="$1" aot="$2" stamp="$3" stamp_file="$4" failed_file="$5" options="$6"
    local scratch java="$JAVA_HOME/bin/java"
    echo "scoreline: training the start-up cache target/scoreline.aot (once per build)..." >&2
    scratch="$(mktemp -d)" || return 1
    scoreline_aot_run() {
        local home="$1"
        shift
        env -i PATH="$PATH" HOME="$scratch" TMPDIR="${TMPDIR:-/tmp}" SCORELINE_HOME="$scratch/$home" \
            "$java" -Xlog:disable -Xlog:all=warning:stderr $options "$@" -jar "$jar" org list >>"$scratch/training.log" 2>&1
    }
    if (umask 077 \
        && scoreline_aot_run trained \
        && scoreline_aot_run trained -XX:AOTCacheOutput="$aot.$$" \
        && [ -f "$aot.$$" ] \
        && scoreline_aot_run fresh -XX:AOTMode=on -XX:AOTCache="$aot.$$"); then
        chmod 600 "$aot.$$"
        mv -f "$aot.$$" "$aot"
        (umask 077 && echo "$stamp" >"$stamp_file")
        rm -f "$failed_file"
        rm -rf "$scratch"
        return 0
    fi
    echo "scoreline: could not train the start-up cache; running without it (SCORELINE_AOT=off skips it):" >&2
    grep -v '\[warning\]\[aot' "$scratch/training.log" | tail -n 3 >&2 || true
    rm -f "$aot.$$" "$aot" "$stamp_file"
    (umask 077 && echo "$stamp" >"$failed_file")
    rm -rf "$scratch"
    return 1
}

# Prints the JVM option that uses the cache, training it first when it is missing or stale; prints
# nothing when there is no usable cache (the command then starts without one, as before). The
# training runs with the short commands' JVM options ($3, ADR 0054), those of the command it records.
scoreline_aot_option() {
    local jar="$1" dir="$2" options="${3:-}"
    local aot="$dir/scoreline.aot" stamp_file="$dir/scoreline.aot.stamp" failed_file="$dir/scoreline.aot.failed"
    local stamp
    [ -O "$dir" ] || return 0
    stamp="$(scoreline_aot_stamp "$jar")" || return 0
    if [ -f "$aot" ] && [ "$(cat "$stamp_file" 2>/dev/null)" = "$stamp" ]; then
        if scoreline_aot_private "$aot" "$stamp_file"; then
            echo "-XX:AOTCache=$aot"
        fi
        return 0
    fi
    if [ "$(cat "$failed_file" 2>/dev/null)" = "$stamp" ]; then
        return 0
    fi
    if scoreline_aot_train "$jar" "$aot" "$stamp" "$stamp_file" "$failed_file" "$options"; then
        echo "-XX:AOTCache=$aot"
    fi
    return 0
}
