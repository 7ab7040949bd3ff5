#!/bin/bash
# Reads a log on stdin; prints how many ERROR lines it has and the most frequent error message.
log=$(cat)
echo "errors: $(printf '%s\n' "$log" | grep -c ' ERROR ')"
# TODO: the most frequent error message
