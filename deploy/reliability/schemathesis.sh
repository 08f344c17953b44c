#!/usr/bin/env bash
# Property-based tests of the whole JSON API from its generated OpenAPI document (README.md,
# "Reliability"): schemathesis sends generated and mutated requests to every operation, as the
# demo's admin (an API token), and fails on any 5xx reply.
#
#   deploy/reliability/schemathesis.sh [MAX_EXAMPLES]     (default 25 per operation)
#
# FLITS_BIN names an already built binary; otherwise the debug build is built and used.
set -euo pipefail
cd "$(dirname "$0")/../.."
MAX_EXAMPLES="${1:-25}"
if ! command -v schemathesis >/dev/null 2>&1; then
  echo "==> installing schemathesis"
  python3 -m pip install --quiet schemathesis
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${TMPDIR:-/tmp}/flits-ci-target}"
if [ -z "${FLITS_BIN:-}" ]; then
  cargo build --quiet --bin flits
fi
FLITS="${FLITS_BIN:-$CARGO_TARGET_DIR/debug/flits}"

WORK="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
# Only these settings; none from the caller's environment.
run_flits() {
  # exec: the background job's pid is then the server's own, for the cleanup to stop.
  exec env $(env | grep -o '^FLITS_[A-Z_]*' | sed 's/^/-u /') \
    FLITS_DATABASE_URL="sqlite:$WORK/flits.db" FLITS_BIND="127.0.0.1:$port" \
    FLITS_PUBLIC_URL="$base" FLITS_RATE_LIMITS=off RUST_LOG=warn "$FLITS" "$@"
}
run_flits demo > "$WORK/demo.out" 2> "$WORK/flits.log" &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "$base/readyz" > /dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$base/readyz" > /dev/null || { cat "$WORK/flits.log" >&2; exit 1; }
admin=$(sed -n 's/^ *Staff login: *\([^ ]*\) .*/\1/p' "$WORK/demo.out")
token=$(run_flits token create "$admin")

echo "==> schemathesis against $base ($MAX_EXAMPLES examples per operation)"
status=0
# schemathesis keeps its examples database in the working directory: the temporary one.
cd "$WORK"
schemathesis run "$base/api/v1/openapi.json" \
  --checks not_a_server_error \
  --header "Authorization: Bearer $token" \
  --max-examples "$MAX_EXAMPLES" \
  --seed 20261207 \
  --workers 1 \
  --request-timeout 20 \
  --suppress-health-check all \
  --warnings off || status=$?
if grep -q 'panicked' "$WORK/flits.log"; then
  echo "the server panicked:" >&2
  grep -A3 'panicked' "$WORK/flits.log" >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo "schemathesis found server errors (see above)" >&2
fi
exit "$status"
