#!/usr/bin/env bash
# Fuzzes the readers and parsers of PotenziamentoKit with libFuzzer (swiftc -sanitize=fuzzer,address).
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Builds Sources/PotenziamentoFormats as its own module (a static library), then two binaries
# against it: PotenziamentoKit's sources with Fuzz/FuzzTargets.swift, and
# Fuzz/FormatsFuzzTargets.swift (targets deflate, workbook, workbook-xml); both modules share
# -package-name potenziamentokit, so `package` declarations are visible across them. Seeds each
# target's corpus from Examples/ and the test fixtures, runs each target for a bounded time and
# prints how many inputs it tried.
# Exits non-zero if a target crashes or breaks an invariant; the input is saved in .build-fuzz/crashes/.
# FUZZ_SEED (default 1) fixes libFuzzer's random seed, so a run can be repeated; a crash input is
# replayed with: POTENZIAMENTO_FUZZ_TARGET=<target> .build-fuzz/potenziamento-fuzz <crash file>
# (.build-fuzz/potenziamento-formats-fuzz for deflate, workbook and workbook-xml).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json-roster csv-roster numbers dates national-table cycle bigint deflate workbook workbook-xml)
work=.build-fuzz
mkdir -p "$work/crashes"
# The Swift runtime's own crash backtracer gets in the way of the sanitizers' reports (and can
# hang on them): leave crash reports to libFuzzer and AddressSanitizer.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}

echo "== building the fuzzers"
modules="$work/modules"
rm -rf "$modules" "$work/potenziamento-fuzz" "$work/potenziamento-formats-fuzz"
mkdir -p "$modules"
flags=(-sanitize=fuzzer,address -parse-as-library -O -package-name potenziamentokit)
find Sources/PotenziamentoFormats -name '*.swift' -print0 | sort -z | xargs -0 \
  swiftc "${flags[@]}" -module-name PotenziamentoFormats -emit-module -emit-module-path "$modules/PotenziamentoFormats.swiftmodule" \
    -emit-library -static -o "$modules/libPotenziamentoFormats.a"
[ -f "$modules/libPotenziamentoFormats.a" ] || { echo "PotenziamentoFormats build failed" >&2; exit 1; }
against=(-I "$modules" -L "$modules" -lPotenziamentoFormats -lFoundationXML)
find Sources/PotenziamentoKit -name '*.swift' -print0 | sort -z | xargs -0 \
  swiftc "${flags[@]}" -module-name PotenziamentoKit "${against[@]}" \
    Fuzz/FuzzTargets.swift -o "$work/potenziamento-fuzz" 2>&1 | grep -v "ld.gold: warning: Cannot export local symbol" || true
[ -x "$work/potenziamento-fuzz" ] || { echo "fuzzer build failed" >&2; exit 1; }
swiftc "${flags[@]}" -module-name PotenziamentoFormatsFuzz "${against[@]}" \
  Fuzz/FormatsFuzzTargets.swift -o "$work/potenziamento-formats-fuzz" 2>&1 | grep -v "ld.gold: warning: Cannot export local symbol" || true
[ -x "$work/potenziamento-formats-fuzz" ] || { echo "formats fuzzer build failed" >&2; exit 1; }

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
    deflate) cp Tests/PotenziamentoFormatsTests/Fixtures/deflate/*.deflate "$corpus/" ;;
    workbook) cp Tests/PotenziamentoFormatsTests/Fixtures/workbook/*.xlsx Tests/PotenziamentoFormatsTests/Fixtures/workbook/*.ods "$corpus/" ;;
    workbook-xml)  # each part of the fixtures, after the byte that picks where it goes
      python3 - "$corpus" Tests/PotenziamentoFormatsTests/Fixtures/workbook/*.xlsx Tests/PotenziamentoFormatsTests/Fixtures/workbook/*.ods <<'PY'
import os, sys, zipfile
corpus, files = sys.argv[1], sys.argv[2:]
parts = {"xl/worksheets/sheet1.xml": 0, "xl/sharedStrings.xml": 1, "xl/styles.xml": 2, "xl/workbook.xml": 3, "content.xml": 4}
for path in files:
    with zipfile.ZipFile(path) as archive:
        for name, selector in parts.items():
            if name in archive.namelist():
                with open(os.path.join(corpus, f"{os.path.basename(path)}-{selector}"), "wb") as handle:
                    handle.write(bytes([selector]) + archive.read(name)[:65000])
PY
      ;;
  esac
}

binary() {  # binary TARGET: the fuzzer that has it
  case "$1" in
    deflate|workbook|workbook-xml) echo "$work/potenziamento-formats-fuzz" ;;
    *) echo "$work/potenziamento-fuzz" ;;
  esac
}

leaks() {  # leaks TARGET: whether LeakSanitizer checks it
  case "$1" in
    # swift-corelibs-foundation's XMLParser leaks the error object of every libxml2 error (72
    # bytes, not our code): leak detection would report it, and libFuzzer would scan the whole
    # heap for leaks after each such input (most of the time spent).
    workbook|workbook-xml) echo 0 ;;
    *) echo 1 ;;
  esac
}

status=0
for target in "${targets[@]}"; do
  seed "$target"
  echo "== fuzzing $target for ${seconds}s"
  log="$work/$target.log"
  if ASAN_OPTIONS="detect_leaks=$(leaks "$target")" POTENZIAMENTO_FUZZ_TARGET="$target" "$(binary "$target")" "$work/corpus/$target" \
       -detect_leaks="$(leaks "$target")" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -seed="${FUZZ_SEED:-1}" \
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
