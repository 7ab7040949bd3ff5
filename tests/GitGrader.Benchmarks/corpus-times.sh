#!/usr/bin/env bash
# Preparation and grade time of each assignment in tests/corpus (and of the templates that came from it,
# those with an expected.txt), in one run: for each case the derived
# image (gitgrader-prepared/<slug> or gitgrader-autograder/<slug>) is removed, then the starter is graded
# twice (the first grade builds the image: its extra wall time is the preparation) and the solution once.
# Prints, per case: the preparation (first wall less second), the grade's own duration (the report's
# duration_ms: sandbox start to report) and wall time of each warm grade, and both scores.
#
#   bash tests/GitGrader.Benchmarks/corpus-times.sh [CASE ...]
#
# Needs the engine and the grader images (bash grader-images/ensure-docker.sh && bash grader-images/build.sh)
# and, for cases that prepare npm packages, the npm registry. Maven and PyPI are not reachable here, so the
# script starts the tests' stand-ins for them (tests/mirrors, as the RegistryMirrors fixture does, on the same
# port, so the prepared images' hash matches the tests') and configures them as a course would
# (Dependencies:MavenMirror, Dependencies:PipIndexUrl). Do not run it beside the tests: it removes the derived
# images they use.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$here/tests/corpus
dll="$here/src/GitGrader/bin/Release/net10.0/gitgrader.dll"
dotnet build -c Release "$here/src/GitGrader" --nologo -v q >/dev/null

mirror_port=18931
docker build -q --network host -t gitgrader-test/mirrors "$here/tests/mirrors" >/dev/null 2>&1 ||
  { echo "corpus-times: could not build tests/mirrors (docker build --network host -t gitgrader-test/mirrors tests/mirrors says why)" >&2; exit 1; }
mirror=$(docker run -d --rm --network host --label gitgrader.test=mirrors gitgrader-test/mirrors \
  python3 -m http.server "$mirror_port" --bind 127.0.0.1 --directory /srv/www)
trap 'docker rm -f "$mirror" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$mirror_port/pypi/simple/" 2>/dev/null && break
  sleep 0.1
done
export GITGRADER_Dependencies__MavenMirror="http://127.0.0.1:$mirror_port/maven"
export GITGRADER_Dependencies__PipIndexUrl="http://127.0.0.1:$mirror_port/pypi/simple"

folder_of() { # case name -> its folder
  if [ -d "$corpus/$1" ]; then echo "$corpus/$1"; else echo "$here/assignment-templates/$1"; fi
}

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for folder in "$corpus"/*/ "$here"/assignment-templates/*/; do
    [ -f "$folder/expected.txt" ] && cases+=("$(basename "$folder")")
  done
fi

grade() { # case submission -> "duration_ms wall_ms score/max"
  local folder start end json
  folder=$(folder_of "$1")
  start=$(date +%s%N)
  json=$(dotnet "$dll" grade "$folder" "$folder/$2" --json 2>/dev/null || true)
  end=$(date +%s%N)
  python3 -c '
import json, sys
try:
    r = json.loads(sys.argv[1])
    print(r["duration_ms"], sys.argv[2], "%g/%g" % (r["score"], r["max_score"]))
except Exception:
    print("-", sys.argv[2], "failed")' "$json" $(( (end - start) / 1000000 ))
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %10s | %10s %10s %8s | %10s %10s %8s\n' case prepare_ms starter_ms wall_ms score solution_ms wall_ms score
for name in "${cases[@]}"; do
  for repository in gitgrader-prepared/"$name" gitgrader-autograder/"$name"; do
    docker images --format '{{.Repository}}:{{.Tag}}' "$repository" | xargs -r docker rmi -f >/dev/null 2>&1 || true
  done
  read -r _ cold_wall _ < <(grade "$name" starter)
  read -r starter_ms starter_wall starter_score < <(grade "$name" starter)
  read -r solution_ms solution_wall solution_score < <(grade "$name" solution)
  printf '%-28s %10s | %10s %10s %8s | %10s %10s %8s\n' "$name" $(( cold_wall - starter_wall )) \
    "$starter_ms" "$starter_wall" "$starter_score" "$solution_ms" "$solution_wall" "$solution_score"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
