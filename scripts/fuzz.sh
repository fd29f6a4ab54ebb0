#!/usr/bin/env bash
# Fuzzes the readers and parsers of PotenziamentoKit with libFuzzer (swiftc -sanitize=fuzzer,address).
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Builds one binary from the library's sources and Fuzz/FuzzTargets.swift, seeds each target's
# corpus from Examples/, runs each target for a bounded time and prints how many inputs it tried.
# Exits non-zero if a target crashes or breaks an invariant; the input is saved in .build-fuzz/crashes/.
# FUZZ_SEED (default 1) fixes libFuzzer's random seed, so a run can be repeated; a crash input is
# replayed with: POTENZIAMENTO_FUZZ_TARGET=<target> .build-fuzz/potenziamento-fuzz <crash file>
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json-roster csv-roster numbers dates national-table cycle bigint)
work=.build-fuzz
mkdir -p "$work/crashes"

echo "== building the fuzzer"
find Sources/PotenziamentoKit -name '*.swift' -print0 | sort -z | xargs -0 \
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name PotenziamentoKit \
    Fuzz/FuzzTargets.swift -o "$work/potenziamento-fuzz" 2>&1 | grep -v "ld.gold: warning: Cannot export local symbol" || true
[ -x "$work/potenziamento-fuzz" ] || { echo "fuzzer build failed" >&2; exit 1; }

seed() {  # seed TARGET: a corpus from the bundled examples
  local corpus="$work/corpus/$1"
  mkdir -p "$corpus"
  case "$1" in
    json-roster) cp Examples/ambito-esempio.json "$corpus/esempio.json"; cp Tests/PotenziamentoKitTests/Golden/calcola-2025.json "$corpus/output.json" ;;
    csv-roster)
      for dir in Examples/ambito-esempio Tests/PotenziamentoKitTests/Fixtures/virgola-bom-crlf; do
        { cat "$dir/ambito.csv"; printf '|||'; cat "$dir/comuni.csv"; printf '|||'; head -12 "$dir/personale.csv"; } > "$corpus/$(basename "$dir").txt"
      done ;;
    numbers) for n in "22,5" "22.5" "1.234,56" "100.000" "-3" "0,0001" "83,33 %"; do printf '%s' "$n" > "$corpus/$(echo "$n" | md5sum | cut -c1-8)"; done ;;
    dates) for d in 2025-07-01 01/07/2025 2024-02-29 2025-02-30; do printf '%s' "$d" > "$corpus/$(echo "$d" | md5sum | cut -c1-8)"; done ;;
    national-table) cp Examples/riparto-esempio.csv "$corpus/" ;;
    cycle) cp Examples/ciclo-esempio.json "$corpus/" ;;
    bigint)  # two integers separated by one other byte: Int64, UInt64, Int128 and 2^128 edges, 10^18, zero, minus zero
      for pair in "9223372036854775807 -9223372036854775808" "-9223372036854775808/-1" "18446744073709551616,-18446744073709551615" \
        "170141183460469231731687303715884105727 -170141183460469231731687303715884105728" "340282366920938463463374607431768211456 18446744073709551617" \
        "1000000000000000000 -10000000000000000000" "0 -0" "-000123 0000000000000000000000000000007" \
        "123456789012345678901234567890123456789012345678901234567890 98765432109876543210987654321"; do
        printf '%s' "$pair" > "$corpus/$(echo "$pair" | md5sum | cut -c1-8)"
      done ;;
  esac
}

status=0
for target in "${targets[@]}"; do
  seed "$target"
  echo "== fuzzing $target for ${seconds}s"
  log="$work/$target.log"
  if POTENZIAMENTO_FUZZ_TARGET="$target" "$work/potenziamento-fuzz" "$work/corpus/$target" \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -seed="${FUZZ_SEED:-1}" \
       -artifact_prefix="$work/crashes/$target-" -print_final_stats=1 > "$log" 2>&1; then
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "   $target: ${runs:-?} executions, nothing found"
  else
    echo "   $target: FOUND A PROBLEM (see $log and $work/crashes/)" >&2
    grep -E "invariant violated|Fatal error|ERROR: AddressSanitizer|SUMMARY" "$log" | head -5 >&2 || true
    status=1
  fi
done
exit $status
