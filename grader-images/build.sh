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
  # Apt sources as in the official image: deb822 debian.sources with bookworm, bookworm-updates
  # and bookworm-security (so images built on it get security fixes), no sources.list.
  mkdir -p "$rootfs"/etc/apt/sources.list.d
  cat >"$rootfs"/etc/apt/sources.list.d/debian.sources <<EOF
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  rm -f "$rootfs"/etc/apt/sources.list
  # The official image's apt and dpkg settings (debuerreotype): apt deletes downloaded .debs and
  # its caches after every install, and the slim variant never installs docs, man pages, locales.
  cat >"$rootfs"/etc/apt/apt.conf.d/docker-clean <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$rootfs"/etc/apt/apt.conf.d/docker-autoremove-suggests
  echo 'Acquire::GzipIndexes "true";' >"$rootfs"/etc/apt/apt.conf.d/docker-gzip-indexes
  echo 'Acquire::Languages "none";' >"$rootfs"/etc/apt/apt.conf.d/docker-no-languages
  echo 'force-unsafe-io' >"$rootfs"/etc/dpkg/dpkg.cfg.d/docker-apt-speedup
  cat >"$rootfs"/etc/dpkg/dpkg.cfg.d/docker <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
EOF
  find "$rootfs"/usr/share/doc -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
  find "$rootfs"/usr/share/doc -mindepth 1 -type d -empty -delete 2>/dev/null || true
  rm -rf "$rootfs"/usr/share/{groff,info,linda,lintian/overrides,locale,man}/* 2>/dev/null || true
  # Keep the image small, like the official slim image does.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import - "$BASE" >/dev/null
  rm -rf "$rootfs"
  echo "base: imported $BASE"
}

langs=("$@")
if [ ${#langs[@]} -eq 0 ]; then
  for d in */; do [ -f "$d/Dockerfile" ] && [ "${d%/}" != classroom ] && langs+=("${d%/}"); done
  # classroom copies GitGrader's helpers from the single-language images: it comes last.
  [ -f classroom/Dockerfile ] && langs+=(classroom)
fi

ensure_base
for lang in "${langs[@]}"; do
  [ -f "$lang/Dockerfile" ] || { echo "no grader image named '$lang' (expected $HERE/$lang/Dockerfile)" >&2; exit 2; }
  start=$(date +%s)
  echo "image: building gitgrader/$lang:latest"
  docker build --network host -q -t "gitgrader/$lang:latest" "$lang" >/dev/null
  echo "image: gitgrader/$lang:latest built in $(( $(date +%s) - start )) s"
done
