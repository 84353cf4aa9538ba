#!/usr/bin/env bash
# Installs what crmsync needs, then builds and runs the whole test suite: unit
# tests, the integration tests against real SQLite, PostgreSQL and MariaDB
# servers (started on loopback by ctest itself) and the end-to-end daemon
# tests, under ASan+UBSan (which finds everything the plain debug build
# would, and more). Last, the release build (daemon, connectors, benchmarks)
# must compile too: optimisation brings warnings of its own.
# CRMSYNC_TEST_PRESETS="dev" runs the listed presets' tests instead and
# skips the release build (the quick loop while developing).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
presets=${CRMSYNC_TEST_PRESETS:-"asan-ubsan"}
for preset in $presets; do
  echo "== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  echo "== $preset: test"
  ctest --preset "$preset"
done
if [ -z "${CRMSYNC_TEST_PRESETS:-}" ]; then
  echo "== release: configure and build"
  cmake --preset release >/dev/null
  cmake --build --preset release
fi
