#!/usr/bin/env bash
# Installs what crmsync needs, builds the daemon and its connectors, and runs
# crmsyncd on the bundled config: SQLite under ./state, the sample partner
# files in config/sample-data. Extra arguments replace the command (default: run),
# e.g. `scripts/run-daemon.sh once` or `scripts/run-daemon.sh check`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target runtime
if [ "$#" -eq 0 ]; then set -- run; fi
exec build/dev/bin/crmsyncd --config config/crmsync.yaml "$@"
