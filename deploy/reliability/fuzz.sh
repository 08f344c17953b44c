#!/usr/bin/env bash
# Coverage-guided fuzzing of what reads untrusted input (README.md, "Reliability"): the
# poll-definition reader, the submit decoders (JSON answers and form bodies), and scrubbing with the
# CSV writing of open answers. Each target runs for SECONDS (default 60) with cargo-fuzz
# (libFuzzer); a crash stops the script with the input that caused it under fuzz/artifacts/.
#
#   deploy/reliability/fuzz.sh [SECONDS]
#
# cargo-fuzz asks for nightly-only compiler flags; this machine has one (stable) toolchain, so
# RUSTC_BOOTSTRAP=1 lets it pass them. No sanitizer is used: the targets are safe Rust.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_TARGET="${1:-60}"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz"
  cargo install --locked --quiet cargo-fuzz
fi
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-${TMPDIR:-/tmp}/flits-fuzz-target}"
corpora="$(mktemp -d)"
trap 'rm -rf "$corpora"' EXIT

# Seeds: real inputs, so that the fuzzer starts from the shapes that matter.
mkdir -p "$corpora/poll_definition" "$corpora/submit_answers" "$corpora/csv_cells"
cp src/demo/*.yaml "$corpora/poll_definition/"
find crates/flits-survey -name '*.yaml' -size -16k -exec cp {} "$corpora/poll_definition/" \; 2>/dev/null || true
printf '%s' '{"tevreden": 4, "meer": ["bomen", "bankjes"], "helpen": "ja", "idee": "Meer bomen bij de school"}' \
  > "$corpora/submit_answers/json"
printf '%s' 'tevreden=4&meer=bomen&meer=bankjes&helpen=ja&idee=Meer+bomen&_submission=x&_lang=nl' \
  > "$corpora/submit_answers/form"

cd fuzz
for target in $(cargo fuzz list); do
  echo "==> fuzzing $target for ${SECONDS_PER_TARGET} s"
  cargo fuzz run --sanitizer none --release "$target" "$corpora/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -print_final_stats=1 2>&1 \
    | grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==|INFO: Running with|Done)' || true
  # grep hides libFuzzer's progress lines; the pipeline's status is cargo fuzz's.
  if [ "${PIPESTATUS[0]}" -ne 0 ]; then
    echo "fuzz target $target failed; the input is under fuzz/artifacts/$target/" >&2
    exit 1
  fi
done
echo "==> no target crashed"
