#!/usr/bin/env bash
# Collector benchmark (README "Benchmarks"): the release binary on SQLite, wrk on loopback,
# 64 connections for 15 s per run, rate limits off (one machine is one address).
#   1. JSON submits, durably stored (group commit) — and rows == 201 replies
#   2. the same JSON submits with storing switched off (collector.bench_discard_responses)
#   3. GET /p/demo
# Targets: 1 reaches >= 50% of the requests/s of 2 with p99 < 50 ms; 3 reaches >= 10,000 req/s.
# Usage: deploy/bench/run.sh [seconds]   (needs wrk and sqlite3: apt-get install -y wrk sqlite3)
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${1:-15}"
CONNECTIONS=64
THREADS=2
for tool in wrk sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y $tool)" >&2; exit 2; }
done

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --bin flits
BIN="$CARGO_TARGET_DIR/release/flits"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/flits-bench.XXXXXX")
PID=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
export FLITS_DATABASE_URL="sqlite:$WORK/bench.db"
export FLITS_BIND="127.0.0.1:$PORT"
export FLITS_RATE_LIMITS=off
export FLITS_SIGNING_KEY="bench-only-signing-key"
export RUST_LOG=warn

wait_ready() {
  for _ in $(seq 1 100); do
    curl -fsS "$BASE/readyz" >/dev/null 2>&1 && return
    sleep 0.1
  done
  echo "the server did not start; see $WORK/server.log" >&2
  cat "$WORK/server.log" >&2
  exit 1
}
start() { # start [extra env...]
  env "$@" "$BIN" serve --only collector --no-migrate >"$WORK/server.log" 2>&1 &
  PID=$!
  wait_ready
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }
field() { grep "^BENCH $1=" "$2" | cut -d= -f2; }
rows() { sqlite3 "$WORK/bench.db" "SELECT count(*) FROM responses"; }

# The demo poll, once; then only the collector serves.
"$BIN" demo >"$WORK/demo.log" 2>&1 &
PID=$!
wait_ready
stop

echo "== 1. JSON submits, stored (SQLite, group commit), ${CONNECTIONS} connections, ${DURATION}s"
start
before=$(rows)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s deploy/bench/submit.lua "$BASE" >"$WORK/stored.txt"
# The 201s the server sent. wrk stops at the deadline without reading the replies still in flight
# (at most one per connection), so it counts up to $CONNECTIONS fewer than were sent.
sent_201=$(curl -fsS "$BASE/metrics" | grep -F 'route="/api/v1/polls/{slug}/responses",status="201"' | awk '{print $2}')
stop
after=$(rows)
stored_rps=$(field rps "$WORK/stored.txt"); stored_p99=$(field p99_ms "$WORK/stored.txt")
created=$(field created "$WORK/stored.txt"); stored_other=$(field other "$WORK/stored.txt")
new_rows=$((after - before))

echo "== 2. the same submits, storing switched off (bench_discard_responses)"
start FLITS_COLLECTOR__BENCH_DISCARD_RESPONSES=true
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s deploy/bench/submit.lua "$BASE" >"$WORK/discard.txt"
stop
discard_rps=$(field rps "$WORK/discard.txt"); discard_p99=$(field p99_ms "$WORK/discard.txt")

echo "== 3. GET /p/demo"
start
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s deploy/bench/page.lua "$BASE/p/demo" >"$WORK/page.txt"
stop
page_rps=$(field rps "$WORK/page.txt"); page_p99=$(field p99_ms "$WORK/page.txt"); page_non2xx=$(field non2xx "$WORK/page.txt")

ratio=$(python3 -c "print(f'{100*$stored_rps/$discard_rps:.0f}')")
verdict() { python3 -c "print('ok' if $1 else 'MISSED')"; }
echo
echo "| run | req/s | p99 | check |"
echo "|---|---:|---:|---|"
printf "| JSON submit, stored | %.0f | %s ms | %s rows = %s 201 replies sent (%s); wrk read %s of them before its deadline; %s other replies |\n" \
  "$stored_rps" "$stored_p99" "$new_rows" "$sent_201" "$([ "$sent_201" = "$new_rows" ] && echo equal || echo DIFFERENT)" "$created" "$stored_other"
printf "| JSON submit, not stored | %.0f | %s ms | |\n" "$discard_rps" "$discard_p99"
printf "| stored / not stored | %s%% | | target >= 50%%: %s; p99 < 50 ms: %s |\n" \
  "$ratio" "$(verdict "$ratio >= 50")" "$(verdict "$stored_p99 < 50")"
printf "| GET /p/demo | %.0f | %s ms | target >= 10,000 req/s: %s; %s non-2xx |\n" \
  "$page_rps" "$page_p99" "$(verdict "$page_rps >= 10000")" "$page_non2xx"
[ "$sent_201" = "$new_rows" ] || { echo "rows != 201 replies" >&2; exit 1; }
[ $((sent_201 - created)) -le "$CONNECTIONS" ] || { echo "more 201s missing than requests in flight" >&2; exit 1; }
