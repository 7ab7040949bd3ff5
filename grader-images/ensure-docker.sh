#!/usr/bin/env bash
# Installs and starts a Docker engine when none answers on /var/run/docker.sock, and registers
# gVisor (Debian's runsc) with it as the runtime "runsc" (for Docker:Runtime=runsc).
# Safe to run repeatedly. Needs root and Debian's package archive.
set -euo pipefail

SOCK=${DOCKER_SOCK:-/var/run/docker.sock}
DAEMON_JSON=${DOCKER_DAEMON_JSON:-/etc/docker/daemon.json}
RUNSC=/usr/bin/runsc
# --network=none: containers have no network anyway, and runsc's own netstack refuses to start here
#   ("cannot run with network enabled in root network namespace").
# --oci-seccomp: apply the container's seccomp profile inside the sandbox too (off by default in gVisor,
#   which would leave ptrace between a student's program and the harness allowed).
RUNSC_ARGS='["--network=none", "--oci-seccomp"]'

ping_engine() { curl -sf --max-time 2 --unix-socket "$SOCK" http://localhost/_ping >/dev/null 2>&1; }

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -x "$RUNSC" ] || missing+=(runsc)
if [ ${#missing[@]} -gt 0 ]; then
  echo "docker engine: installing ${missing[*]} from Debian's archive"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Adds runtimes.runsc to daemon.json, keeping every other setting; prints "changed" when it wrote the file.
register_runsc() {
  mkdir -p "$(dirname "$DAEMON_JSON")"
  python3 - "$DAEMON_JSON" "$RUNSC" "$RUNSC_ARGS" <<'PY'
import json, os, sys
path, runsc, args = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
config = {}
if os.path.exists(path) and os.path.getsize(path) > 0:
    try:
        with open(path) as f:
            config = json.load(f)
    except ValueError as e:
        sys.exit(f"docker engine: {path} is not valid JSON ({e}); fix it by hand, then run this again")
    if not isinstance(config, dict):
        sys.exit(f"docker engine: {path} must hold a JSON object")
wanted = {"path": runsc, "runtimeArgs": args}
runtimes = config.setdefault("runtimes", {})
if runtimes.get("runsc") == wanted:
    sys.exit(0)
runtimes["runsc"] = wanted
tmp = path + ".gitgrader-tmp"
with open(tmp, "w") as f:
    json.dump(config, f, indent=2)
    f.write("\n")
os.replace(tmp, path)
print("changed")
PY
}

changed=$(register_runsc)

engine_has_runsc() { curl -sf --max-time 5 --unix-socket "$SOCK" http://localhost/info | python3 -c 'import json, sys; sys.exit(0 if "runsc" in (json.load(sys.stdin).get("Runtimes") or {}) else 1)'; }

if ping_engine; then
  if [ -n "$changed" ] || ! engine_has_runsc; then
    # Runtimes are among the settings dockerd reloads on SIGHUP: running containers are left alone.
    pid=$(cat /var/run/docker.pid 2>/dev/null || pidof dockerd || true)
    if [ -z "$pid" ]; then
      echo "docker engine: $DAEMON_JSON registers runsc, but no local dockerd to reload answers on $SOCK; reload that engine yourself" >&2
      exit 1
    fi
    echo "docker engine: registered runtime runsc in $DAEMON_JSON; reloading dockerd (pid $pid)"
    kill -HUP "$pid"
    for _ in $(seq 1 10); do engine_has_runsc && break; sleep 1; done
    engine_has_runsc || { echo "docker engine: dockerd did not pick up runsc from $DAEMON_JSON; see /var/log/dockerd.log" >&2; exit 1; }
  fi
  echo "docker engine: already answering on $SOCK (runtimes: runc, runsc)"
  exit 0
fi

echo "docker engine: starting dockerd (no bridge, no iptables; containers get no network; runtime runsc registered)"
nohup dockerd --iptables=false --bridge=none >/var/log/dockerd.log 2>&1 &

for _ in $(seq 1 60); do
  if ping_engine; then echo "docker engine: up"; exit 0; fi
  sleep 1
done
echo "docker engine: dockerd did not answer within 60 s; see /var/log/dockerd.log" >&2
tail -n 30 /var/log/dockerd.log >&2 || true
exit 1
