#!/bin/sh
# Renders report.html (or any exported page) to a PNG with headless Chromium, as a reader
# would see it on screen. Needs Debian's chromium and fonts-noto-cjk (installed when missing).
#   scripts/render-report.sh out/2023/report.html docs/report-taierzhuang.png [HEIGHT]
set -eu
page=$1
png=$2
height=${3:-2400}
if ! command -v chromium >/dev/null 2>&1 || ! fc-list | grep -q "Noto Sans CJK"; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
fi
abs=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
out=$(cd "$(dirname "$png")" && pwd)/$(basename "$png")
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=800,"$height" --screenshot="$out" "file://$abs" 2>/dev/null
echo "wrote $png"
