#!/usr/bin/env bash
# The reliability suite in one command (README.md, "Reliability"): crash under load, database
# outage and two collectors behind nginx (tests/reliability, SQLite and PostgreSQL), schemathesis
# against the OpenAPI document, and coverage-guided fuzzing; then the figures of all of them.
#
#   deploy/reliability/run.sh [FUZZ_SECONDS]     (default 60 per fuzz target)
#
# Needs PostgreSQL (FLITS_TEST_POSTGRES_URL, default the local server's database `test`, and its
# server programs), nginx and Python 3; installs schemathesis and cargo-fuzz when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
FUZZ_SECONDS="${1:-60}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${TMPDIR:-/tmp}/flits-ci-target}"
export FLITS_TEST_POSTGRES_URL="${FLITS_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
# Every part must run: a missing tool fails the suite instead of skipping a test.
export FLITS_TEST_REQUIRE_ALL=1
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

echo "==> crash, outage, balancer (tests/reliability)"
cargo test --test reliability -- --nocapture 2>&1 | tee "$out"
echo "==> schemathesis"
deploy/reliability/schemathesis.sh 25 2>&1 | tee -a "$out"
echo "==> fuzzing"
deploy/reliability/fuzz.sh "$FUZZ_SECONDS" 2>&1 | tee -a "$out"

echo
echo "==> figures"
grep -E '^(crash|outage|balancer|two collectors)' "$out" || true
grep -E 'generated, [0-9]+ passed|No issues found' "$out" || true
grep -E '^==> fuzzing |^stat::number_of_executed_units|^==> no target crashed' "$out" || true
