#!/usr/bin/env bash
# Takes a screenshot of an HTML file (for example an HTML audit report) with Debian's
# headless Chromium, to check how a report looks without opening a browser.
#
#   scripts/html-screenshot.sh report.html /tmp/report.png [WIDTH,HEIGHT]
#
# Builds nothing. Installs the Debian package `chromium` with apt-get when no chromium is
# on the PATH (as root, or through sudo). The window defaults to 1400,2000 pixels; the
# screenshot shows the top of the page at that size.
set -euo pipefail

usage() {
    echo "usage: $0 FILE.html OUT.png [WIDTH,HEIGHT]" >&2
    exit 2
}

[ $# -ge 2 ] && [ $# -le 3 ] || usage
html=$1
out=$2
size=${3:-1400,2000}
[ -f "$html" ] || { echo "$0: no such file: $html" >&2; exit 2; }
case $size in
    *[!0-9,]* | ,* | *, | *,*,* | [!0-9]*) echo "$0: size must be WIDTH,HEIGHT, e.g. 1400,2000" >&2; exit 2 ;;
esac
case $size in *,*) ;; *) echo "$0: size must be WIDTH,HEIGHT, e.g. 1400,2000" >&2; exit 2 ;; esac

find_chromium() {
    command -v chromium || command -v chromium-browser || true
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        echo "$0: chromium is not installed and installing it needs root" >&2
        exit 1
    fi
}

chrome=$(find_chromium)
if [ -z "$chrome" ]; then
    echo "$0: installing chromium with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! as_root apt-get install -y -q --no-install-recommends chromium >&2; then
        as_root apt-get update -q >&2
        as_root apt-get install -y -q --no-install-recommends chromium >&2
    fi
    chrome=$(find_chromium)
    [ -n "$chrome" ] || { echo "$0: chromium still not found after installing it" >&2; exit 1; }
fi

abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
case $out in
    /*) abs_out=$out ;;
    *) abs_out=$(pwd)/$out ;;
esac
mkdir -p "$(dirname "$abs_out")"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# file:// URL: percent-encode the characters that would end or change the URL
url_path=$(printf '%s' "$abs_html" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e 's/#/%23/g' -e 's/?/%3F/g')

"$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size="$size" --hide-scrollbars \
    --screenshot="$abs_out" "file://$url_path" >&2

[ -s "$abs_out" ] || { echo "$0: chromium wrote no screenshot" >&2; exit 1; }
echo "$abs_out"
