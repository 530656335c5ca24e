# shellcheck shell=bash
# The browser the console tests drive (docs/testing.md): Debian's Chromium and its driver, from the
# distribution's packages, nothing downloaded by the tests. Source it, then call one of:
#   scoreline_browser_check    says whether both are installed (exit 1 and what to install if not)
#   scoreline_browser_install  installs them when missing (as root; says what it runs)
SCORELINE_BROWSER_PACKAGES="chromium chromium-driver"

scoreline_browser_check() {
    if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
        echo "browser: $(/usr/bin/chromium --version 2>/dev/null | head -n 1); $(/usr/bin/chromedriver --version 2>/dev/null | head -n 1)"
        return 0
    fi
    echo "browser: /usr/bin/chromium or /usr/bin/chromedriver is missing; the console browser tests need the" \
        "Debian packages $SCORELINE_BROWSER_PACKAGES: apt-get update && apt-get install -y $SCORELINE_BROWSER_PACKAGES" >&2
    return 1
}

scoreline_browser_install() {
    if scoreline_browser_check 2>/dev/null; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "browser: not root, cannot install $SCORELINE_BROWSER_PACKAGES" >&2
        return 1
    fi
    echo "browser: installing $SCORELINE_BROWSER_PACKAGES: apt-get update && apt-get install -y $SCORELINE_BROWSER_PACKAGES"
    # shellcheck disable=SC2086
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $SCORELINE_BROWSER_PACKAGES
    scoreline_browser_check
}
