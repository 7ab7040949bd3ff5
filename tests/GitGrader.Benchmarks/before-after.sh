#!/usr/bin/env bash
# Side by side in one run: an older commit against the working tree, each built in Release, the runs
# alternating so that drift of the machine falls on both alike.
#
#   bash tests/GitGrader.Benchmarks/before-after.sh OLD_REF [ROUNDS] [MODES]
#
# MODES (default "quick push webhooks"): quick = --quick 6 (grade vs one docker run per test),
# push = --push-latency 10, webhooks = --webhooks 215 20 (needs wrk). Each RESULT/Ratio line is printed
# labelled "before" or "after"; the full output of every run is kept under $OUT (default /tmp/gitgrader-before-after).
set -euo pipefail
old_ref=${1:?usage: before-after.sh OLD_REF [ROUNDS] [MODES]}
rounds=${2:-3}
modes=${3:-quick push webhooks}
here=$(cd "$(dirname "$0")/../.." && pwd)
out=${OUT:-/tmp/gitgrader-before-after}
old_tree="$out/before-$(git -C "$here" rev-parse --short "$old_ref")"
mkdir -p "$out"

if [ ! -d "$old_tree" ]; then
  git -C "$here" worktree add --detach "$old_tree" "$old_ref" >/dev/null
fi
if [ -d "$here/tests/npm/node_modules" ] && [ ! -d "$old_tree/tests/npm/node_modules" ]; then
  npm ci --prefix "$old_tree/tests/npm" --no-audit --no-fund >/dev/null
fi

for tree in "$old_tree" "$here"; do
  echo "building $(git -C "$tree" rev-parse --short HEAD) in $tree (Release)"
  dotnet build -c Release "$tree/src/GitGrader" --nologo -v q >/dev/null
  dotnet build -c Release "$tree/tests/GitGrader.Benchmarks" --nologo -v q >/dev/null
done

args_of() {
  case $1 in
    quick) echo "--quick 6" ;;
    push) echo "--push-latency 10" ;;
    webhooks) echo "--webhooks 215 20" ;;
    *) echo "unknown mode '$1' (quick, push, webhooks)" >&2; exit 2 ;;
  esac
}

run() { # label tree mode round
  local log="$out/$1-$3-$4.log"
  (cd "$2" && dotnet "tests/GitGrader.Benchmarks/bin/Release/net10.0/GitGrader.Benchmarks.dll" $(args_of "$3")) >"$log" 2>&1 || echo "  ($1 $3 round $4 failed: see $log)"
  grep -E '^(RESULT|Ratio|GitGrader  |DockerRunPerTest)' "$log" | sed "s/^/  $1 $3 #$4: /" || true
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  for mode in $modes; do
    if [ $((round % 2)) -eq 1 ]; then
      run before "$old_tree" "$mode" "$round"; run after "$here" "$mode" "$round"
    else
      run after "$here" "$mode" "$round"; run before "$old_tree" "$mode" "$round"
    fi
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
