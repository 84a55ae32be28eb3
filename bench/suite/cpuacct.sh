#!/usr/bin/env bash
# CPU of a command and of every process it starts, orphans included (Chromium's renderers, which no ancestor
# reaps, so /usr/bin/time does not see them), from a cgroup-v1 cpuacct group of its own; needs root.
#   bench/suite/cpuacct.sh NAME .venv/bin/python -m pytest -n 0 tests/site/test_browser.py
# prints: NAME: rusage (what /usr/bin/time reports) and cpuacct, user+sys seconds, and the wall.
set -euo pipefail
name=$1; shift
group=/sys/fs/cgroup/cpuacct/suite-$name
[ -d "$group" ] && rmdir "$group"
mkdir "$group"
times=$(mktemp)
status=0
( echo "$BASHPID" > "$group/cgroup.procs"; exec /usr/bin/time -f "%U %S %e" -o "$times" "$@" ) || status=$?
read -r user sys wall < <(tail -1 "$times")
awk -v n="$name" -v u="$user" -v s="$sys" -v w="$wall" '{printf "%s: rusage %.1f s, cpuacct %.1f s, wall %.1f s\n", n, u + s, $1 / 1e9, w}' "$group/cpuacct.usage"
rm -f "$times"
rmdir "$group"
exit "$status"
