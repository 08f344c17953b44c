#!/usr/bin/env bash
# The collector benchmark (README "Benchmarks"): one command, one run, every figure that the
# performance targets compare, measured side by side on this machine so that ratios mean something
# (absolute figures move 10–20% between runs here).
#
#   baseline  the minimal actix-web server of ../shared/bench/baseline (MODE=memory): static GET
#             of a poll page, and POST of a response parsed, validated and kept in memory
#   sqlite    flits serve --only collector on SQLite: JSON submits stored; the same with storing
#             off (collector.bench_discard_responses); GET /p/demo; the resident flow (GET the
#             page, POST its form with its token and cookie, 303), a new respondent each time
#   postgres  the same binary on PostgreSQL: JSON submits stored; the resident flow
#   pgbench   PostgreSQL alone: one single-row INSERT per transaction, 64 clients
#
# Every run is wrk -t2 -c64 with FLITS_RATE_LIMITS=off (one machine is one address). After each
# storing run the rows in the database must equal the 201/303 replies the server sent (from its
# /metrics). Peak RSS is the collector's VmHWM. It prints a markdown table with the targets of
# issue 15 and writes the same as JSON to deploy/bench/results/DATE-COMMIT.json.
#
# Usage: deploy/bench/run.sh [SECONDS]         (default 15 s per run; about 12 runs)
# Needs: wrk, sqlite3, curl, psql, pgbench (apt-get install -y wrk sqlite3 curl postgresql);
# a PostgreSQL on 127.0.0.1:5432 that the current user may create databases on (it starts the
# local cluster when none answers; BENCH_POSTGRES_URL=postgres://user@host:port/db picks another).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

DURATION="${1:-15}"
CONNECTIONS=64
THREADS=2
for tool in wrk sqlite3 curl psql pgbench python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk sqlite3 curl postgresql)" >&2; exit 2; }
done
BASELINE_SRC="${BASELINE_SRC:-$ROOT/../shared/bench/baseline}"
[ -f "$BASELINE_SRC/Cargo.toml" ] || { echo "the baseline server is not at $BASELINE_SRC (set BASELINE_SRC)" >&2; exit 2; }

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
# The binary measured is the one the container image ships (deploy/Dockerfile): the `dist`
# profile, with whole-program optimisation, which serves about a quarter more requests per CPU
# second than `release`. BENCH_PROFILE=release measures the quicker build instead.
PROFILE="${BENCH_PROFILE:-dist}"
echo "== building flits ($PROFILE)" >&2
cargo build --profile "$PROFILE" --quiet --bin flits
BIN="$CARGO_TARGET_DIR/$PROFILE/flits"
# The baseline builds beside it, from a copy (shared/ may be read-only), with its own lock file.
BASELINE_DIR="${TMPDIR:-/tmp}/flits-bench-baseline"
mkdir -p "$BASELINE_DIR"
cp -r "$BASELINE_SRC/Cargo.toml" "$BASELINE_SRC/Cargo.lock" "$BASELINE_SRC/src" "$BASELINE_SRC/scripts" "$BASELINE_DIR/"
[ -d "$BASELINE_SRC/static" ] && cp -r "$BASELINE_SRC/static" "$BASELINE_DIR/"
echo "== building the baseline server (release)" >&2
(cd "$BASELINE_DIR" && CARGO_TARGET_DIR="$BASELINE_DIR/target" cargo build --release --quiet)
BASELINE_BIN="$BASELINE_DIR/target/release/baseline"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/flits-bench.XXXXXX")
PID=""
PG_DB=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  if [ -n "$PG_DB" ]; then psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
export FLITS_BIND="127.0.0.1:$PORT"
export FLITS_RATE_LIMITS=off
export FLITS_SIGNING_KEY="bench-only-signing-key-bench-only-signing-key"
export RUST_LOG=warn

wait_for() { # URL
  for _ in $(seq 1 150); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return
    kill -0 "$PID" 2>/dev/null || { echo "the server stopped; its log:" >&2; cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "the server did not start; its log:" >&2; cat "$WORK/server.log" >&2; exit 1
}
start() { # start [VAR=value...]: the collector on the current FLITS_DATABASE_URL
  env "$@" "$BIN" serve --only collector --no-migrate >"$WORK/server.log" 2>&1 &
  PID=$!
  wait_for "$BASE/readyz"
}
peak_rss_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$PID/status"; }
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }
field() { grep "^BENCH $1=" "$2" | cut -d= -f2; }
latency_p99() { # wrk --latency output without a script's done(): "99%   12.34ms"
  awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v/=1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v*=1000}; printf "%.2f", v}' "$1"
}
requests_per_s() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
metric() { # the value of one /metrics line, 0 when absent
  curl -fsS "$BASE/metrics" | grep -F "$1" | awk '{s+=$2} END {print s+0}'
}
wrk_run() { # name script url
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$2" "$3" >"$WORK/$1.txt"
}
PEAK_RSS=0
note_rss() { local r; r=$(peak_rss_mb); [ "$r" -gt "$PEAK_RSS" ] && PEAK_RSS=$r; return 0; }
ROW_CHECKS=()
row_check() { # label stored replies
  if [ "$2" = "$3" ]; then ROW_CHECKS+=("$1: $2 rows = $3 replies"); else ROW_CHECKS+=("$1: $2 rows != $3 replies (LOST OR DOUBLED)"); ROWS_OK=0; fi
}
ROWS_OK=1
SUBMIT_201='route="/api/v1/polls/{slug}/responses",status="201"'
FORM_303='method="POST",route="/p/{slug}",status="303"'

echo "== baseline: static GET and in-memory POST (MODE=memory)" >&2
PORT_B=$(free_port)
(cd "$BASELINE_DIR" && PORT=$PORT_B MODE=memory exec "$BASELINE_BIN") >"$WORK/server.log" 2>&1 &
PID=$!
wait_for "http://127.0.0.1:$PORT_B/p/1"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT_B/p/1" >"$WORK/base_get.txt"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$BASELINE_DIR/scripts/post.lua" "http://127.0.0.1:$PORT_B/r/1" >"$WORK/base_post.txt"
stop
base_get=$(requests_per_s "$WORK/base_get.txt"); base_get_p99=$(latency_p99 "$WORK/base_get.txt")
base_post=$(requests_per_s "$WORK/base_post.txt"); base_post_p99=$(latency_p99 "$WORK/base_post.txt")

echo "== flits on SQLite" >&2
export FLITS_DATABASE_URL="sqlite:$WORK/bench.db"
"$BIN" demo >"$WORK/server.log" 2>&1 &
PID=$!
wait_for "$BASE/p/demo"
stop
sqlite_rows() { sqlite3 "$WORK/bench.db" "SELECT count(*) FROM responses"; }

start
before=$(sqlite_rows)
wrk_run sqlite_json deploy/bench/submit.lua "$BASE"
sent=$(metric "$SUBMIT_201"); note_rss; stop
row_check "SQLite JSON" "$(( $(sqlite_rows) - before ))" "$sent"
sqlite_json=$(field rps "$WORK/sqlite_json.txt"); sqlite_json_p99=$(field p99_ms "$WORK/sqlite_json.txt")

start FLITS_COLLECTOR__BENCH_DISCARD_RESPONSES=true
wrk_run discard deploy/bench/submit.lua "$BASE"
note_rss; stop
discard=$(field rps "$WORK/discard.txt"); discard_p99=$(field p99_ms "$WORK/discard.txt")

start
wrk_run page deploy/bench/page.lua "$BASE/p/demo"
note_rss; stop
page=$(field rps "$WORK/page.txt"); page_p99=$(field p99_ms "$WORK/page.txt")

start
before=$(sqlite_rows)
wrk_run sqlite_flow deploy/bench/flow.lua "$BASE/p/demo"
sent=$(metric "$FORM_303"); note_rss; stop
row_check "SQLite flow" "$(( $(sqlite_rows) - before ))" "$sent"
sqlite_flow=$(field flows_per_s "$WORK/sqlite_flow.txt"); sqlite_flow_p99=$(field p99_ms "$WORK/sqlite_flow.txt")
sqlite_flow_refused=$(field refused "$WORK/sqlite_flow.txt")

echo "== PostgreSQL" >&2
PG_ADMIN_URL="${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if ! psql -q "$PG_ADMIN_URL" -c "SELECT 1" >/dev/null 2>&1; then
  if command -v pg_ctlcluster >/dev/null; then
    echo "   starting the local PostgreSQL cluster" >&2
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do psql -q "$PG_ADMIN_URL" -c "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done
  fi
fi
psql -q "$PG_ADMIN_URL" -c "SELECT 1" >/dev/null || { echo "no PostgreSQL at $PG_ADMIN_URL" >&2; exit 2; }
PG_DB="flits_bench_$$"
psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $PG_DB" >/dev/null
PG_URL="${PG_ADMIN_URL%/*}/$PG_DB"
pg_rows() { psql -qtA "$PG_URL" -c "SELECT count(*) FROM responses"; }

export FLITS_DATABASE_URL="$PG_URL"
"$BIN" demo >"$WORK/server.log" 2>&1 &
PID=$!
wait_for "$BASE/p/demo"
stop

start
before=$(pg_rows)
wrk_run pg_json deploy/bench/submit.lua "$BASE"
sent=$(metric "$SUBMIT_201"); note_rss; stop
row_check "PostgreSQL JSON" "$(( $(pg_rows) - before ))" "$sent"
pg_json=$(field rps "$WORK/pg_json.txt"); pg_json_p99=$(field p99_ms "$WORK/pg_json.txt")

start
before=$(pg_rows)
wrk_run pg_flow deploy/bench/flow.lua "$BASE/p/demo"
sent=$(metric "$FORM_303"); note_rss; stop
row_check "PostgreSQL flow" "$(( $(pg_rows) - before ))" "$sent"
pg_flow=$(field flows_per_s "$WORK/pg_flow.txt"); pg_flow_p99=$(field p99_ms "$WORK/pg_flow.txt")

echo "== pgbench: one single-row INSERT per transaction, $CONNECTIONS clients" >&2
psql -q "$PG_URL" -c "CREATE TABLE pgbench_responses (id uuid PRIMARY KEY, poll_id uuid NOT NULL, answers text NOT NULL, submitted_on date NOT NULL)" >/dev/null
cat >"$WORK/insert.sql" <<'SQL'
INSERT INTO pgbench_responses VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', '{"tevreden":4,"meer":["bomen","bankjes"],"helpen":"ja","idee":"Meer bomen bij de school"}', current_date);
SQL
pgbench -n -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$WORK/insert.sql" "$PG_URL" >"$WORK/pgbench.txt" 2>&1
pgbench_tps=$(awk '/^tps = / {print $3; exit}' "$WORK/pgbench.txt")

COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
mkdir -p deploy/bench/results
JSON="deploy/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-$COMMIT.json"
python3 - "$JSON" <<PY
import json, sys
f = lambda s: float(s) if s not in ("", None) else 0.0
r = {
  "commit": "$COMMIT", "profile": "$PROFILE", "seconds": $DURATION, "connections": $CONNECTIONS,
  "machine": "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)",
  "baseline": {"get_rps": f("$base_get"), "get_p99_ms": f("$base_get_p99"),
               "post_memory_rps": f("$base_post"), "post_memory_p99_ms": f("$base_post_p99")},
  "sqlite": {"json_rps": f("$sqlite_json"), "json_p99_ms": f("$sqlite_json_p99"),
             "discard_rps": f("$discard"), "discard_p99_ms": f("$discard_p99"),
             "page_rps": f("$page"), "page_p99_ms": f("$page_p99"),
             "flow_per_s": f("$sqlite_flow"), "flow_p99_ms": f("$sqlite_flow_p99"),
             "flow_refused": f("$sqlite_flow_refused")},
  "postgres": {"json_rps": f("$pg_json"), "json_p99_ms": f("$pg_json_p99"),
               "flow_per_s": f("$pg_flow"), "flow_p99_ms": f("$pg_flow_p99"),
               "pgbench_tps": f("$pgbench_tps")},
  "peak_rss_mb": $PEAK_RSS,
  "rows_equal_replies": bool($ROWS_OK),
}
b, s, p = r["baseline"], r["sqlite"], r["postgres"]
limit = 1 / (1 / b["get_rps"] + 1 / b["post_memory_rps"])
ratio = lambda a, c: a / c if c else 0.0
targets = [
  ("stored / not stored, SQLite", ratio(s["json_rps"], s["discard_rps"]), ">= 0.80", ratio(s["json_rps"], s["discard_rps"]) >= 0.80),
  ("p99 stored SQLite / baseline POST p99", ratio(s["json_p99_ms"], b["post_memory_p99_ms"]), "<= 3", ratio(s["json_p99_ms"], b["post_memory_p99_ms"]) <= 3),
  ("not storing / baseline POST", ratio(s["discard_rps"], b["post_memory_rps"]), ">= 0.60", ratio(s["discard_rps"], b["post_memory_rps"]) >= 0.60),
  ("resident flow SQLite / limit %.0f" % limit, ratio(s["flow_per_s"], limit), ">= 0.45", ratio(s["flow_per_s"], limit) >= 0.45),
  ("stored PostgreSQL / pgbench", ratio(p["json_rps"], p["pgbench_tps"]), ">= 1.00", ratio(p["json_rps"], p["pgbench_tps"]) >= 1.0),
  ("p99 stored PostgreSQL / baseline POST p99", ratio(p["json_p99_ms"], b["post_memory_p99_ms"]), "<= 4", ratio(p["json_p99_ms"], b["post_memory_p99_ms"]) <= 4),
  ("peak RSS, MB", r["peak_rss_mb"], "<= 150", r["peak_rss_mb"] <= 150),
  ("rows = 201/303 replies, every run", 1.0 if r["rows_equal_replies"] else 0.0, "all", r["rows_equal_replies"]),
]
r["flow_limit_per_s"] = limit
r["targets"] = [{"what": w, "value": v, "target": t, "met": m} for (w, v, t, m) in targets]
json.dump(r, open(sys.argv[1], "w"), indent=2)

print(f"\n| what ({r['seconds']} s per run, wrk -t2 -c64, {r['machine']}, commit {r['commit']}, {r['profile']} build) | requests/s or flows/s | p99 |")
print("|---|---:|---:|")
rows = [
  ("GET /p/demo", s["page_rps"], s["page_p99_ms"]),
  ("JSON submit, stored on SQLite", s["json_rps"], s["json_p99_ms"]),
  ("the same binary with storing off (bench mode)", s["discard_rps"], s["discard_p99_ms"]),
  ("minimal actix-web server, static GET (baseline)", b["get_rps"], b["get_p99_ms"]),
  ("minimal actix-web server, parse + validate, no storage (baseline MODE=memory)", b["post_memory_rps"], b["post_memory_p99_ms"]),
  ("resident flow on SQLite (GET page, POST form, 303; new respondent each time)", s["flow_per_s"], s["flow_p99_ms"]),
  ("JSON submit, stored on PostgreSQL (same box)", p["json_rps"], p["json_p99_ms"]),
  ("resident flow on PostgreSQL", p["flow_per_s"], p["flow_p99_ms"]),
  ("pgbench, one single-row INSERT per transaction, 64 clients", p["pgbench_tps"], None),
]
for what, v, p99 in rows:
  print(f"| {what} | {v:,.0f} | {'' if p99 is None else f'{p99:.1f} ms'} |")
print("\n| target | value | wanted | |\n|---|---:|---|---|")
for t in r["targets"]:
  print(f"| {t['what']} | {t['value']:.2f} | {t['target']} | {'met' if t['met'] else 'MISSED'} |")
print(f"\nwritten to {sys.argv[1]}")
PY
printf '%s\n' "${ROW_CHECKS[@]}"
[ "$ROWS_OK" = 1 ] || { echo "rows != replies in a run" >&2; exit 1; }
