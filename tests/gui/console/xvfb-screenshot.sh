#!/usr/bin/env bash
# Real-window screenshot: the console on an X server (Xvfb), captured from the X root window
# with ImageMagick's import, as an analyst's screen would show it.
# Usage: xvfb-screenshot.sh MTR_CONSOLE OUTPUT.png
set -euo pipefail
console=$1 out=$2
if [ -z "${MTR_XVFB_DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1600x1000x24" env MTR_XVFB_DISPLAY=inherit "$0" "$@"
fi
[ "$MTR_XVFB_DISPLAY" = inherit ] || export DISPLAY=$MTR_XVFB_DISPLAY
tmp=$(mktemp -d /tmp/mtr-xshot.XXXXXX)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data QT_QPA_PLATFORM=xcb
env -u DBUS_SESSION_BUS_ADDRESS "$console" &
pid=$!
for _ in $(seq 100); do
    xwininfo -root -tree 2>/dev/null | grep -q '"MTR Review Console' && break
    sleep 0.1
done
xwininfo -root -tree | grep -q '"MTR Review Console' || { echo "console window never appeared"; exit 1; }
sleep 1 # let the first paint finish
geometry=$(xwininfo -root -tree | grep '"MTR Review Console": ("mtr-console' | head -1 | grep -oE '[0-9]+x[0-9]+\+[0-9]+\+[0-9]+' | head -1)
import -window root -crop "${geometry%%+*}+0+0" +repage "$out"
size=$(identify -format '%w %h' "$out")
colours=$(convert "$out" -format '%k' info:)
echo "screenshot $out size=$size colours=$colours"
read -r w h <<<"$size"
[ "$w" -ge 1280 ] && [ "$h" -ge 800 ] && [ "$colours" -gt 16 ]
