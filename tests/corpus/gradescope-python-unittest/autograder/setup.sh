#!/usr/bin/env bash
# Run once when the autograder's image is built. Python 3 is already in the image.
set -euo pipefail
python3 --version
