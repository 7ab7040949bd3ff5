#!/usr/bin/env bash
# Run once, as root, when the autograder's image is built: JUnit 4 from the distribution's archive.
set -euo pipefail
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends junit4
rm -rf /var/lib/apt/lists/*
