#!/bin/bash
# Reads a log on stdin; prints how many ERROR lines it has and the most frequent error message.
log=$(cat)
echo "errors: $(printf '%s\n' "$log" | grep -c ' ERROR ')"
printf '%s\n' "$log" | grep ' ERROR ' | cut -d' ' -f3- | sort | uniq -c | sort -rn | head -n 1 \
  | awk '{ count = $1; $1 = ""; sub(/^ /, ""); print "most frequent: " $0 " (" count ")" }'
