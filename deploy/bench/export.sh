#!/usr/bin/env bash
# The export benchmark (README.md, "Benchmarks"): a poll with ROWS responses (5 questions, one of
# them open text, plus 2 profile questions) exported by `flits export --format csv` (one streaming
# read, k-anonymous suppression, scrubbing, random order, fresh ids), against the database's own
# dump of the same rows in the same run: `sqlite3 -csv` on SQLite, `psql \copy … csv` on PostgreSQL (when
# BENCH_POSTGRES_URL names a server; a database `flits_bench_export` is created on it).
# Prints wall time and peak memory (max RSS, from /usr/bin/time) of each, and the ratios.
#
#   deploy/bench/export.sh [ROWS]        (default 1000000; needs sqlite3, psql, /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-1000000}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${TMPDIR:-/tmp}/flits-ci-target}"
# The binary measured is the one the container image ships (the `dist` profile, as in run.sh);
# BENCH_PROFILE=release measures the quicker build instead. BENCH_FLITS_BIN: an already built
# binary (say, a debug build to try the script on a few rows).
PROFILE="${BENCH_PROFILE:-dist}"
if [ -z "${BENCH_FLITS_BIN:-}" ]; then
  cargo build --profile "$PROFILE" --quiet --bin flits
fi
FLITS="${BENCH_FLITS_BIN:-$CARGO_TARGET_DIR/$PROFILE/flits}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cat > "$WORK/bench.yaml" <<'YAML'
slug: bench-export
title: {nl: "Export-benchmark"}
questions:
  - {id: vervoer, kind: single_choice, text: {nl: "Hoe komt u?"}, options: [{id: fiets, text: {nl: "Fiets"}}, {id: bus, text: {nl: "Bus"}}, {id: auto, text: {nl: "Auto"}}]}
  - {id: tevreden, kind: scale, min: 1, max: 5, text: {nl: "Hoe tevreden bent u?"}}
  - {id: gebruik, kind: multi_choice, text: {nl: "Wat doet u er?"}, options: [{id: zitten, text: {nl: "Zitten"}}, {id: spelen, text: {nl: "Spelen"}}, {id: markt, text: {nl: "Markt"}}]}
  - {id: bomen, kind: single_choice, text: {nl: "Meer bomen?"}, options: [{id: ja, text: {nl: "Ja"}}, {id: nee, text: {nl: "Nee"}}]}
  - {id: idee, kind: open_text, text: {nl: "Uw idee?"}}
  - {id: leeftijd, kind: single_choice, profile: true, text: {nl: "Leeftijd?"}, options: [{id: a, text: {nl: "<25"}}, {id: b, text: {nl: "25-44"}}, {id: c, text: {nl: "45-64"}}, {id: d, text: {nl: "65-79"}}, {id: e, text: {nl: "80+"}}]}
  - {id: wijk, kind: single_choice, profile: true, text: {nl: "Wijk?"}, options: [{id: noord, text: {nl: "Noord"}}, {id: zuid, text: {nl: "Zuid"}}, {id: oost, text: {nl: "Oost"}}, {id: west, text: {nl: "West"}}]}
YAML

# One measurement: VAR (where the seconds are kept), LABEL, then the command; prints seconds and
# peak memory.
measure() {
  local var="$1" label="$2"; shift 2
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > /dev/null 2> "$WORK/stderr" || {
    cat "$WORK/stderr" >&2; exit 1; }
  local secs kb
  read -r secs kb < "$WORK/time"
  printf '%-40s %8.2f s %8.1f MB peak\n' "$label" "$secs" "$(echo "$kb / 1024" | bc -l)"
  printf -v "$var" '%s' "$secs"
}

prepare() { # $1: database URL
  FLITS_DATABASE_URL="$1" "$FLITS" migrate > /dev/null
}

echo "== SQLite, $ROWS responses"
DB="$WORK/bench.db"
prepare "sqlite:$DB"
sqlite3 "$DB" "insert into regions(id, name) values ('ijmond', 'IJmond');
  insert into organisations(id, region_id, name) values ('velsen', 'ijmond', 'Velsen');"
FLITS_DATABASE_URL="sqlite:$DB" "$FLITS" poll import "$WORK/bench.yaml" --org velsen > /dev/null
sqlite3 "$DB" "update polls set state = 'closed' where slug = 'bench-export'"
# Ids are stored as 16-byte blobs on SQLite.
POLL="(select id from polls where slug = 'bench-export')"
sqlite3 "$DB" "
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < $ROWS)
INSERT INTO responses (id, poll_id, submission_id, channel, lang, answers, submitted_on)
SELECT randomblob(16), $POLL, 's' || x,
       CASE x % 4 WHEN 0 THEN 'mastodon-velsen' WHEN 1 THEN 'poster' WHEN 2 THEN NULL ELSE 'krant' END,
       CASE WHEN x % 50 = 0 THEN 'en' ELSE 'nl' END,
       json_object('vervoer', CASE abs(random()) % 3 WHEN 0 THEN 'fiets' WHEN 1 THEN 'bus' ELSE 'auto' END,
                   'tevreden', 1 + abs(random()) % 5,
                   'gebruik', json_array(CASE WHEN x % 2 = 0 THEN 'zitten' ELSE 'markt' END),
                   'bomen', CASE abs(random()) % 2 WHEN 0 THEN 'ja' ELSE 'nee' END,
                   'idee', 'Meer groen bij nummer ' || (x % 997) || ', mail mij op bewoner' || x || '@example.nl of bel 06-1234' || printf('%04d', x % 10000),
                   'leeftijd', char(97 + abs(random()) % 5),
                   'wijk', CASE abs(random()) % 4 WHEN 0 THEN 'noord' WHEN 1 THEN 'zuid' WHEN 2 THEN 'oost' ELSE 'west' END),
       '2026-11-' || printf('%02d', 1 + x % 28)
FROM c;"
measure dump "sqlite3 -csv (the rows as stored)" sqlite3 -csv "$DB" "select * from responses where poll_id = $POLL"
measure flits "flits export --format csv (SQLite)" env FLITS_DATABASE_URL="sqlite:$DB" "$FLITS" export bench-export --format csv
printf 'ratio flits / sqlite3: %.2f (target at most 2)\n' "$(echo "$flits / $dump" | bc -l)"

if [ -n "${BENCH_POSTGRES_URL:-}" ]; then
  echo "== PostgreSQL, $ROWS responses"
  BASE="${BENCH_POSTGRES_URL%/*}"
  psql -q "$BENCH_POSTGRES_URL" -c "DROP DATABASE IF EXISTS flits_bench_export" -c "CREATE DATABASE flits_bench_export"
  PG="$BASE/flits_bench_export"
  prepare "$PG"
  psql -q "$PG" -c "insert into regions(id, name) values ('ijmond', 'IJmond');" \
    -c "insert into organisations(id, region_id, name) values ('velsen', 'ijmond', 'Velsen');"
  FLITS_DATABASE_URL="$PG" "$FLITS" poll import "$WORK/bench.yaml" --org velsen > /dev/null
  POLL=$(psql -qAt "$PG" -c "update polls set state = 'closed' where slug = 'bench-export'" -c "select id from polls where slug = 'bench-export'")
  psql -q "$PG" -c "
INSERT INTO responses (id, poll_id, submission_id, channel, lang, answers, submitted_on)
SELECT gen_random_uuid(), '$POLL', 's' || x,
       CASE x % 4 WHEN 0 THEN 'mastodon-velsen' WHEN 1 THEN 'poster' WHEN 2 THEN NULL ELSE 'krant' END,
       CASE WHEN x % 50 = 0 THEN 'en' ELSE 'nl' END,
       json_build_object('vervoer', (ARRAY['fiets','bus','auto'])[1 + floor(random() * 3)::int],
                         'tevreden', 1 + floor(random() * 5)::int,
                         'gebruik', json_build_array(CASE WHEN x % 2 = 0 THEN 'zitten' ELSE 'markt' END),
                         'bomen', (ARRAY['ja','nee'])[1 + floor(random() * 2)::int],
                         'idee', 'Meer groen bij nummer ' || (x % 997) || ', mail mij op bewoner' || x || '@example.nl of bel 06-1234' || lpad((x % 10000)::text, 4, '0'),
                         'leeftijd', (ARRAY['a','b','c','d','e'])[1 + floor(random() * 5)::int],
                         'wijk', (ARRAY['noord','zuid','oost','west'])[1 + floor(random() * 4)::int])::text,
       date '2026-11-01' + (x % 28)
FROM generate_series(1, $ROWS) AS x;" -c "ANALYZE responses;"
  measure dump "psql copy csv (the rows as stored)" psql -q "$PG" -c "\\copy (select * from responses where poll_id = '$POLL') to stdout csv"
  measure flits "flits export --format csv (PostgreSQL)" env FLITS_DATABASE_URL="$PG" "$FLITS" export bench-export --format csv
  printf 'ratio flits / psql: %.2f (target at most 2)\n' "$(echo "$flits / $dump" | bc -l)"
  psql -q "$BENCH_POSTGRES_URL" -c "DROP DATABASE flits_bench_export"
fi
