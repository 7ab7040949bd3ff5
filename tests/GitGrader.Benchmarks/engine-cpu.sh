#!/usr/bin/env bash
# The engine's CPU per grade, an older commit against the working tree, alternating rounds: the busy CPU-seconds of
# dockerd and containerd (user + system, from /proc/PID/stat) over N `gitgrader grade` runs of a template's solution,
# divided by N. The shims and runc are not counted (they exit with each container, reparented away from containerd).
# Other work on the machine that drives the engine counts too: read it beside the load printed.
#
#   bash tests/GitGrader.Benchmarks/engine-cpu.sh OLD_REF [N] [ROUNDS] [TEMPLATE]
set -euo pipefail
old_ref=${1:?usage: engine-cpu.sh OLD_REF [N] [ROUNDS] [TEMPLATE]}
n=${2:-10}
rounds=${3:-3}
template=${4:-python-wordcount}
here=$(cd "$(dirname "$0")/../.." && pwd)
out=${OUT:-/tmp/gitgrader-before-after}
old_tree="$out/before-$(git -C "$here" rev-parse --short "$old_ref")"
mkdir -p "$out"
if [ ! -d "$old_tree" ]; then
  git -C "$here" worktree add --detach "$old_tree" "$old_ref" >/dev/null
fi
for tree in "$old_tree" "$here"; do
  dotnet build -c Release "$tree/src/GitGrader" --nologo -v q >/dev/null
done

ticks() { # busy clock ticks of dockerd and containerd so far
  local total=0 pid
  for pid in $(pgrep -x dockerd) $(pgrep -x containerd); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

run() { # label tree
  local folder="$2/assignment-templates/$template" before after i
  dotnet "$2/src/GitGrader/bin/Release/net10.0/gitgrader.dll" grade "$folder" "$folder/solution" --json >/dev/null 2>&1 # warm
  before=$(ticks)
  for i in $(seq 1 "$n"); do
    dotnet "$2/src/GitGrader/bin/Release/net10.0/gitgrader.dll" grade "$folder" "$folder/solution" --json >/dev/null 2>&1
  done
  after=$(ticks)
  python3 -c 'import sys; print("  %-6s %.3f CPU-s of dockerd+containerd a grade (load %s)" % (sys.argv[1], (int(sys.argv[2]) - int(sys.argv[3])) / int(sys.argv[4]) / int(sys.argv[5]), sys.argv[6]))' \
    "$1" "$after" "$before" "$(getconf CLK_TCK)" "$n" "$(cut -d' ' -f1 /proc/loadavg)"
}

echo "$template, $n grades a run; before = $(git -C "$old_tree" rev-parse --short HEAD), after = the working tree"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then run before "$old_tree"; run after "$here"; else run after "$here"; run before "$old_tree"; fi
done
