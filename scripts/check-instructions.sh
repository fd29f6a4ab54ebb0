#!/usr/bin/env bash
# Instruction budgets (docs/benchmark.md, «Nineteenth pass»): a few fixed inputs run through the
# release binary under `valgrind --tool=callgrind`, each count compared with its budget in
# Benchmarks/instruction-budgets.txt (the count measured when the budget was set, plus 10 %).
# Counts, not times: the same binary on the same input executes the same instructions (within a
# few thousandths, the threads' scheduling), so a slowdown of a tenth fails here, on any host; the
# benchmark (Benchmarks/) measures times and the national table. A change that costs more on
# purpose sets its budget again, with the reason in docs/benchmark.md.
#
# Usage: scripts/check-instructions.sh BINARY   (exit 1 when a case is over its budget)
set -euo pipefail
[ $# -eq 1 ] || { echo "uso: scripts/check-instructions.sh BINARIO (il comando potenziamento compilato in release)" >&2; exit 64; }
# The binary's path from the caller's folder, before moving to the package root.
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -x "$binary" ] || { echo "manca il binario $1" >&2; exit 1; }
cd "$(dirname "$0")/.."
command -v valgrind > /dev/null || { echo "manca valgrind (apt-get install -y valgrind)" >&2; exit 1; }
out=.build/istruzioni
rm -rf "$out" && mkdir -p "$out"

# The largest ATS (1.000 persons, 90 comuni) and a batch of 200 small ATS as JSON files and as CSV folders.
python3 scripts/make-large-ambito.py "$out/grande.json" 1000
python3 - "$out" <<'PYTHON'
import json, os, sys
out = sys.argv[1]
for n in range(1, 201):
    code = "%03d%03d" % (100 + n % 900, 1)
    staff = [{"id": "AS-%d" % k, "profilo": "assistente_sociale", "contratto": "tempo_indeterminato",
              "ente": {"tipo": "comune", "codiceIstat": code}, "periodi": [{"dal": "2020-01-01" if k else "2025-07-01", "percentuale": 100}]}
             for k in range(2)]
    ambito = {"formato": "potenziamento.ambito.v1", "ambito": {"codice": "ATS-%03d" % n, "denominazione": "Ambito %d" % n},
              "comuni": [{"codiceIstat": code, "denominazione": "Comune %d" % n, "popolazione": 9000 + n}], "personale": staff}
    os.makedirs(os.path.join(out, "lotto"), exist_ok=True)
    json.dump(ambito, open(os.path.join(out, "lotto", "ATS-%03d.json" % n), "w"))
    folder = os.path.join(out, "lotto-csv", "ATS-%03d" % n)
    os.makedirs(folder, exist_ok=True)
    open(os.path.join(folder, "ambito.csv"), "w").write("codice;denominazione\nATS-%03d;Ambito %d\n" % (n, n))
    open(os.path.join(folder, "comuni.csv"), "w").write("codice_istat;denominazione;popolazione\n%s;Comune %d;%d\n" % (code, n, 9000 + n))
    open(os.path.join(folder, "personale.csv"), "w").write(
        "id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale\n"
        + "".join("AS-%d;assistente_sociale;tempo_indeterminato;comune;%s;%s;;100\n" % (k, code, "01/01/2020" if k else "01/07/2025") for k in range(2)))
PYTHON

status=0
# Every line read, the last one too without its line feed; the commands read nothing (</dev/null).
while read -r name budget arguments || [ -n "$name" ]; do
  case "$name" in "" | "#"*) continue ;; esac
  # shellcheck disable=SC2086 # the arguments are words of the budgets file
  (cd "$out" && valgrind --tool=callgrind --callgrind-out-file="$name.callgrind" "$binary" $arguments < /dev/null > "$name.out" 2> "$name.log") \
    || { echo "$name: il comando è fallito (vedi $out/$name.log)" >&2; status=1; continue; }
  count=$(grep -a 'Collected :' "$out/$name.log" | awk '{print $NF}' || true)
  [ -n "$count" ] || { echo "$name: valgrind non ha contato le istruzioni (vedi $out/$name.log)" >&2; status=1; continue; }
  [ "$budget" -gt 0 ] || { echo "$name: $count istruzioni, budget da fissare" >&2; status=1; continue; }
  percent=$((count * 100 / budget))
  printf '%-34s %14s istruzioni, %3s %% del budget %s\n' "$name" "$count" "$percent" "$budget"
  [ "$count" -le "$budget" ] || { echo "$name: $count istruzioni, oltre il budget di $budget (callgrind_annotate $out/$name.callgrind)" >&2; status=1; }
done < Benchmarks/instruction-budgets.txt
exit $status
