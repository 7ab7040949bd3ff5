#!/usr/bin/env bash
# Cost per grade under each OCI runtime, side by side in one run: `gitgrader grade --json` of one
# assignment and submission, the runtimes alternating round by round so drift of the machine falls on
# all alike. Prints each grade's own duration (the report's duration_ms: sandbox start to report) and
# the wall time of the whole command, then the medians and their ratio to the first runtime.
#
#   bash tests/GitGrader.Benchmarks/runtime-cost.sh [ROUNDS] [ASSIGNMENT] [SUBMISSION]
#
# RUNTIMES (default "runc runsc"; "runc" means the engine's default) names the runtimes; BEFORE_DLL,
# if set, is the gitgrader.dll of another build, graded too (under the default runtime) as "before".
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-5}
assignment=${2:-$here/assignment-templates/python-stats}
submission=${3:-$assignment/solution}
runtimes=${RUNTIMES:-runc runsc}
dll="$here/src/GitGrader/bin/Release/net10.0/gitgrader.dll"
dotnet build -c Release "$here/src/GitGrader" --nologo -v q >/dev/null

labels=()
for runtime in $runtimes; do labels+=("$runtime"); done
[ -n "${BEFORE_DLL:-}" ] && labels+=(before)

grade() { # label -> "grade_ms wall_ms score"
  local label=$1 binary=$dll runtime=""
  case $label in
    before) binary=$BEFORE_DLL ;;
    runc) ;;
    *) runtime=$label ;;
  esac
  local start end json
  start=$(date +%s%N)
  json=$(GITGRADER_Docker__Runtime=$runtime dotnet "$binary" grade "$assignment" "$submission" --json 2>/dev/null || true)
  end=$(date +%s%N)
  python3 -c 'import json, sys; r = json.loads(sys.argv[1]); print(r["duration_ms"], sys.argv[2], r["score"])' "$json" $(( (end - start) / 1000000 ))
}

declare -A grades walls
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  order=("${labels[@]}")
  [ $((round % 2)) -eq 0 ] && order=($(printf '%s\n' "${labels[@]}" | tac))
  for label in "${order[@]}"; do
    read -r ms wall score < <(grade "$label")
    echo "  $label #$round: grade ${ms} ms, command ${wall} ms, score $score"
    grades[$label]+="$ms "; walls[$label]+="$wall "
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
first=${labels[0]}
base=$(echo "${grades[$first]}" | median)
for label in "${labels[@]}"; do
  g=$(echo "${grades[$label]}" | median); w=$(echo "${walls[$label]}" | median)
  echo "RESULT $label: median grade ${g} ms, median command ${w} ms, ratio to $first $(python3 -c "print(f'{$g / $base:.2f}')")"
done
