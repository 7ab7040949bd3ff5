#!/usr/bin/env bash
# Gradescope runs this once, as root, in /autograder/source, when it builds the autograder's
# image. The tests need Python 3 with pytest and pytest-timeout, from the distribution's archive
# (Gradescope's Ubuntu images and GitGrader's Debian ones alike); nothing is installed when they
# are already there (GitGrader's default image, gitgrader/classroom, has them).
set -euo pipefail

if ! python3 -c 'import pytest, pytest_timeout' 2>/dev/null; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-pytest python3-pytest-timeout
  rm -rf /var/lib/apt/lists/*
fi
