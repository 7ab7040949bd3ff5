#!/usr/bin/env bash
# Installs and starts a Docker engine when none answers on /var/run/docker.sock.
# Safe to run repeatedly. Needs root and Debian's package archive.
set -euo pipefail

SOCK=${DOCKER_SOCK:-/var/run/docker.sock}

ping_engine() { curl -sf --max-time 2 --unix-socket "$SOCK" http://localhost/_ping >/dev/null 2>&1; }

if ping_engine; then
  echo "docker engine: already answering on $SOCK"
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
  echo "docker engine: installing docker.io and debootstrap from Debian's archive"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io debootstrap curl >/dev/null
fi

echo "docker engine: starting dockerd (no bridge, no iptables; containers get no network)"
nohup dockerd --iptables=false --bridge=none >/var/log/dockerd.log 2>&1 &

for _ in $(seq 1 60); do
  if ping_engine; then echo "docker engine: up"; exit 0; fi
  sleep 1
done
echo "docker engine: dockerd did not answer within 60 s; see /var/log/dockerd.log" >&2
tail -n 30 /var/log/dockerd.log >&2 || true
exit 1
