#!/usr/bin/env bash
# The shipped unit must stay hardened: systemd-analyze's exposure rating of
# systemd/crmsync.service is 2.0 or lower, and it keeps the settings the
# daemon's design relies on.
set -euo pipefail
unit="$1"
limit="2.0"

report=$(systemd-analyze security --offline=true --no-pager "$unit" 2>&1)
level=$(printf '%s\n' "$report" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
if [ -z "$level" ]; then
  printf '%s\n' "$report"
  echo "FAIL: no exposure level in systemd-analyze output"
  exit 1
fi
echo "exposure level: $level (limit $limit)"
awk -v level="$level" -v limit="$limit" 'BEGIN { exit !(level <= limit) }' || {
  printf '%s\n' "$report" | grep '✗'
  echo "FAIL: exposure level $level is above $limit"
  exit 1
}

for setting in 'Type=notify' 'WatchdogSec=' 'DynamicUser=yes' 'StateDirectory=crmsync' 'LogsDirectory=crmsync' \
               'ConfigurationDirectory=crmsync' 'ExecReload=/bin/kill -HUP $MAINPID' 'LoadCredential='; do
  grep -qF "$setting" "$unit" || { echo "FAIL: $unit lacks $setting"; exit 1; }
done
echo "PASS"
