#!/usr/bin/env bash
# Fuzzes the readers and parsers of PotenziamentoKit with libFuzzer (swiftc -sanitize=fuzzer,address).
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Builds Sources/PotenziamentoFormats as its own module (one object), then two binaries against
# it: PotenziamentoKit's sources with Fuzz/FuzzTargets.swift, and Fuzz/FormatsFuzzTargets.swift
# (targets deflate, workbook, workbook-xml); both modules share -package-name potenziamentokit, so
# `package` declarations are visible across them. Seeds each target's corpus from Examples/ and
# the test fixtures, runs each target for a bounded time and prints how many inputs it tried.
# Exits non-zero if a target crashes or breaks an invariant; the input is saved in .build-fuzz/crashes/.
# FUZZ_SEED (default 1) fixes libFuzzer's random seed, so a run can be repeated; a crash input is
# replayed with: POTENZIAMENTO_FUZZ_TARGET=<target> .build-fuzz/potenziamento-fuzz <crash file>
# (.build-fuzz/potenziamento-formats-fuzz for deflate, workbook and workbook-xml).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json-roster csv-roster workbook-roster numbers dates national-table cycle bigint roster-model deflate workbook workbook-xml)
work=.build-fuzz
mkdir -p "$work/crashes"
# The Swift runtime's own crash backtracer gets in the way of the sanitizers' reports (and can
# hang on them): leave crash reports to libFuzzer and AddressSanitizer.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}

echo "== building the fuzzers"
# Two modules, as in Package.swift: PotenziamentoFormats (every .swift file under its folder, so
# files added there are picked up), then PotenziamentoKit with Fuzz/FuzzTargets.swift, which imports
# it. Both with the same -package-name, so `package` declarations are visible across them.
build="$work/build"
rm -rf "$build"
mkdir -p "$build"
package_name=potenziamentokit
flags=(-sanitize=fuzzer,address -parse-as-library -O -package-name "$package_name")
compile() {  # compile WHAT SWIFTC-ARGUMENTS...: the compiler's messages without the linker's noise
  local what=$1 log="$build/compile.log"
  shift
  if ! swiftc "$@" > "$log" 2>&1; then
    grep -v "ld.gold: warning: Cannot export local symbol" "$log" >&2 || true
    echo "fuzzer build failed ($what)" >&2
    exit 1
  fi
  grep -v "ld.gold: warning: Cannot export local symbol" "$log" || true
}
mapfile -d '' formats < <(find Sources/PotenziamentoFormats -name '*.swift' -print0 | sort -z)
mapfile -d '' kit < <(find Sources/PotenziamentoKit -name '*.swift' -print0 | sort -z)
compile PotenziamentoFormats "${flags[@]}" -wmo -module-name PotenziamentoFormats \
  -emit-module -emit-module-path "$build/PotenziamentoFormats.swiftmodule" -emit-object -o "$build/PotenziamentoFormats.o" "${formats[@]}"
compile "PotenziamentoKit + Fuzz/FuzzTargets.swift" "${flags[@]}" -module-name PotenziamentoKit -I "$build" \
  "${kit[@]}" Fuzz/FuzzTargets.swift "$build/PotenziamentoFormats.o" -lFoundationXML -o "$work/potenziamento-fuzz.new"
mv "$work/potenziamento-fuzz.new" "$work/potenziamento-fuzz"
compile "Fuzz/FormatsFuzzTargets.swift" "${flags[@]}" -module-name PotenziamentoFormatsFuzz -I "$build" \
  Fuzz/FormatsFuzzTargets.swift "$build/PotenziamentoFormats.o" -lFoundationXML -o "$work/potenziamento-formats-fuzz.new"
mv "$work/potenziamento-formats-fuzz.new" "$work/potenziamento-formats-fuzz"

seed() {  # seed TARGET: a corpus from the bundled examples
  local corpus="$work/corpus/$1"
  mkdir -p "$corpus"
  case "$1" in
    json-roster)
      cp Examples/ambito-esempio.json "$corpus/esempio.json"; cp Tests/PotenziamentoKitTests/Golden/calcola-2025.json "$corpus/output.json"
      # Small valid documents: mutations of them stay close to rosters that load.
      cat > "$corpus/piccolo.json" <<'JSON'
{"formato":"potenziamento.ambito.v1","ambito":{"codice":"A","denominazione":"A","funzioniDelegateAlCapofila":false},
"comuni":[{"codiceIstat":"001001","denominazione":"X","popolazione":{"2025":4100,"2026":4080}},{"codiceIstat":"001002","denominazione":"Y","popolazione":1833}],
"personale":[{"id":"a","profilo":"assistente_sociale","contratto":"tempo_indeterminato","ente":{"tipo":"comune","codiceIstat":"001001"},
"periodi":[{"dal":"2025-03-17","al":"2025-10-04","percentuale":83.3333},{"dal":"2025-10-05","oreSettimanali":30}],"aree":{"segretariato_sociale":40,"poverta_disagio_adulti":60}},
{"id":"b","profilo":"Assistente sociale","contratto":"T.I.","ente":{"tipo":"asl","delegaFunzioni":true},"periodi":[{"dal":"2019-01-01","oreSettimanali":35,"oreTempoPieno":38}]},
{"id":"c","profilo":"educatore","contratto":"tempo_determinato","ente":{"tipo":"unione_di_comuni"},"periodi":[],"impiegatoNeiServiziTerritoriali":false}]}
JSON
      cat > "$corpus/delega.json" <<'JSON'
{"formato":"potenziamento.ambito.v1","ambito":{"codice":"D","denominazione":"D","funzioniDelegateAlCapofila":true},
"comuni":[{"codiceIstat":"002001","denominazione":"Z","popolazione":5933}],
"personale":[{"id":"z","profilo":"assistente_sociale","contratto":"tempo_indeterminato","ente":{"tipo":"comune_capofila","codiceIstat":"002001"},
"periodi":[{"dal":"2024-02-29","al":null,"percentuale":58.333333333333333}]}]}
JSON
      ;;
    csv-roster|workbook-roster)
      for dir in Examples/ambito-esempio Tests/PotenziamentoKitTests/Fixtures/virgola-bom-crlf; do
        { cat "$dir/ambito.csv"; printf '|||'; cat "$dir/comuni.csv"; printf '|||'; head -12 "$dir/personale.csv"; } > "$corpus/$(basename "$dir").txt"
      done ;;
    numbers) for n in "22,5" "22.5" "1.234,56" "100.000" "-3" "0,0001" "83,33 %"; do printf '%s' "$n" > "$corpus/$(echo "$n" | md5sum | cut -c1-8)"; done ;;
    dates) for d in 2025-07-01 01/07/2025 2024-02-29 2025-02-30; do printf '%s' "$d" > "$corpus/$(echo "$d" | md5sum | cut -c1-8)"; done ;;
    national-table) cp Examples/riparto-esempio.csv "$corpus/" ;;
    cycle) cp Examples/ciclo-esempio.json "$corpus/" ;;
    roster-model)  # the bytes only drive choices: a few patterns of all-zero, all-one and mixed bytes
      head -c 64 /dev/zero > "$corpus/zeros"
      head -c 512 /dev/zero | tr '\0' '\377' > "$corpus/ones"
      printf '\001\002\003\004\005\006\007\010\011\012\013\014\015\016\017\020%.0s' {1..16} > "$corpus/ramp"
      cp Examples/ambito-esempio.json "$corpus/text.json" ;;
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

dictionary() {  # dictionary TARGET: libFuzzer tokens that keep mutations close to valid inputs
  local dict="$work/dict/$1.dict"
  mkdir -p "$work/dict"
  case "$1" in
    json-roster)
      for token in formato potenziamento.ambito.v1 ambito codice denominazione regione funzioniDelegateAlCapofila comuni codiceIstat \
        popolazione personale id profilo contratto ente tipo delegaFunzioni costoRimborsato periodi dal al percentuale oreSettimanali \
        oreTempoPieno aree impiegatoNeiServiziTerritoriali assistente_sociale tempo_indeterminato tempo_determinato educatore comune \
        asl unione_di_comuni comune_capofila privato_appalto segretariato_sociale servizio_sociale_professionale poverta_disagio_adulti \
        2025 2026 2025-03-17 2025-10-04 2024-02-29 2026-12-31; do
        printf '"\\"%s\\""\n' "$token"
      done > "$dict"
      printf '"true"\n"false"\n"null"\n"83.3333"\n"100"\n"1e3"\n"-0"\n"{}"\n"[]"\n":"\n","\n' >> "$dict" ;;
    csv-roster|workbook-roster)
      for token in id profilo contratto ente_tipo ente_codice_istat delega_funzioni costo_rimborsato impiegato_servizi_territoriali dal al \
        percentuale ore_settimanali ore_tempo_pieno area_segretariato_sociale area_poverta_disagio_adulti codice_istat denominazione \
        popolazione anno assistente_sociale tempo_indeterminato comune asl si no 01/07/2025 2025-03-17 "# ESEMPIO" "|||" "83,3333" "30"; do
        printf '"%s"\n' "$token"
      done > "$dict"
      printf '";"\n"\\x0d\\x0a"\n"\\x22"\n' >> "$dict" ;;
    workbook-xml)  # XML's own constructs: FoundationXML crashed on a processing instruction without data,
      # and on one disguised by an encoding libxml2 obeyed (UTF-7's +ADw- is "<")
      printf '"%s"\n' "<?x?>" "<?" "?>" "<!--" "-->" "<![CDATA[" "]]>" "&amp;" "&#x20AC;" "xmlns:" "<x/>" "<?xml " "encoding\\x0a=" "UTF-7" "+ADw-" "\\x00" "\\xef\\xbb\\xbf" > "$dict" ;;
    *) return 0 ;;
  esac
  echo "-dict=$dict"
}

status=0
for target in "${targets[@]}"; do
  seed "$target"
  dict_option=$(dictionary "$target")
  echo "== fuzzing $target for ${seconds}s"
  log="$work/$target.log"
  if ASAN_OPTIONS="detect_leaks=$(leaks "$target")" POTENZIAMENTO_FUZZ_TARGET="$target" "$(binary "$target")" "$work/corpus/$target" \
       -detect_leaks="$(leaks "$target")" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -seed="${FUZZ_SEED:-1}" ${dict_option:+"$dict_option"} \
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
