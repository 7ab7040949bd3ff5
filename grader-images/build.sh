#!/usr/bin/env bash
# Builds GitGrader's grader images: gitgrader/<language>:latest from grader-images/<language>/Dockerfile.
#
#   grader-images/build.sh            # every language folder
#   grader-images/build.sh python     # just these
#
# When debian:bookworm-slim is not in the engine and no registry answers, the base is made
# locally with debootstrap + `docker import` (ENVIRONMENT.md), then ordinary `docker build`.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
BASE=debian:bookworm-slim
cd "$HERE"

have_image() { docker image inspect "$1" >/dev/null 2>&1; }

ensure_base() {
  if have_image "$BASE"; then return; fi
  if timeout 60 docker pull "$BASE" >/dev/null 2>&1; then echo "base: pulled $BASE"; return; fi
  echo "base: no registry reachable; building $BASE with debootstrap (about a minute)"
  command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  local mirror rootfs
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  rootfs=$(mktemp -d /tmp/gitgrader-rootfs.XXXXXX)
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/tmp/gitgrader-debootstrap.log 2>&1 \
    || { echo "debootstrap failed; see /tmp/gitgrader-debootstrap.log" >&2; tail -n 20 /tmp/gitgrader-debootstrap.log >&2; exit 1; }
  # Keep the image small, like the official slim image does.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import - "$BASE" >/dev/null
  rm -rf "$rootfs"
  echo "base: imported $BASE"
}

langs=("$@")
if [ ${#langs[@]} -eq 0 ]; then
  for d in */; do [ -f "$d/Dockerfile" ] && langs+=("${d%/}"); done
fi

ensure_base
for lang in "${langs[@]}"; do
  [ -f "$lang/Dockerfile" ] || { echo "no grader image named '$lang' (expected $HERE/$lang/Dockerfile)" >&2; exit 2; }
  start=$(date +%s)
  echo "image: building gitgrader/$lang:latest"
  docker build --network host -q -t "gitgrader/$lang:latest" "$lang" >/dev/null
  echo "image: gitgrader/$lang:latest built in $(( $(date +%s) - start )) s"
done
