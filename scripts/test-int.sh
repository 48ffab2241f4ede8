#!/usr/bin/env bash
# Integration tests need an EventStoreDB server; say so plainly when there is none instead of passing silently.
set -euo pipefail
if [ -z "${EVENTSTORE_CONNECTION_STRING:-}" ]; then
  echo "test:int: SKIPPED the EventStoreDB contract suite: no server configured (EVENTSTORE_CONNECTION_STRING is not set)."
  echo "test:int: start one with 'docker compose up -d eventstoredb' and set EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false"
fi
exec node_modules/.bin/jest --selectProjects int "$@"
