#!/usr/bin/env bash
# The print check (what a person sees): the prospetto of the bundled example printed by headless
# Chromium on A4, then read back with poppler. Without the annex the prospetto (to the signature)
# must fit on 2 pages, the warnings about the data on a page of their own after it; with the
# annex the persons follow; the pages carry the SIOSS figures, the signature block and the chart,
# and nothing overflows the page width (pdftotext finds every column). PNG images of the pages are
# left in .build/print-check/ to look at.
#   scripts/check-print.sh [POTENZIAMENTO_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-"$(swift build --show-bin-path)/potenziamento"}
out=.build/print-check
rm -rf "$out"
mkdir -p "$out"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "chromium non trovato" >&2; exit 1; }

print() {  # print NAME ARGS...: prospetto → HTML → PDF → text and PNG
  local name=$1
  shift
  "$binary" prospetto Examples/ambito-esempio --campagna 2026 --luogo "Borgo Alto" "$@" --output "$out/$name.html" 2> /dev/null
  "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "file://$PWD/$out/$name.html" 2> /dev/null
  pdftotext -layout "$out/$name.pdf" "$out/$name.txt"
  pdftoppm -r 60 -png "$out/$name.pdf" "$out/$name"
  pdfinfo "$out/$name.pdf" | awk '/^Pages:/ {print $2}'
}

status=0
pages=$(print senza-allegato --senza-allegato)
# The page of the signature: the prospetto itself; what follows is the list of warnings about the data.
signed=0
for page in $(seq 1 "$pages"); do
  if pdftotext -f "$page" -l "$page" -layout "$out/senza-allegato.pdf" - | grep -qF "Il/La Responsabile dell'Ambito"; then signed=$page; break; fi
done
echo "prospetto senza allegato: $pages pagine, firma a pagina $signed"
[ "$signed" -ge 1 ] && [ "$signed" -le 2 ] || { echo "il prospetto senza allegato deve stare in 2 pagine A4 (la firma è a pagina $signed)" >&2; status=1; }
[ "$pages" -le $((signed + 1)) ] || { echo "gli avvisi sui dati dopo la firma occupano più di una pagina ($pages pagine)" >&2; status=1; }
pdftotext -f $((signed + 1)) -l $((signed + 1)) -layout "$out/senza-allegato.pdf" - | grep -qF "Avvisi sui dati (" \
  || { echo "manca la pagina degli avvisi sui dati dopo la firma" >&2; status=1; }
for text in "Da inserire su SIOSS: FTE per ente" "Contributo sugli FTE dichiarati" "Borgo Alto, " "Il/La Responsabile dell'Ambito" "Contributo annuo" "Pagina 1 di $pages"; do
  grep -qF "$text" "$out/senza-allegato.txt" || { echo "manca nella stampa: «$text»" >&2; status=1; }
done
# The SIOSS table is the widest: its last column (previsione to declare) must be on the page.
grep -E "Totale ambito +22 +≈ 18,0336 +18,03 +22 +≈ 18,8377 +18,83" "$out/senza-allegato.txt" > /dev/null \
  || { echo "la tabella degli enti non sta nella larghezza della pagina" >&2; status=1; }

pages=$(print con-allegato)
echo "prospetto con allegato: $pages pagine"
[ "$pages" -gt 2 ] || { echo "l'allegato delle persone manca" >&2; status=1; }
grep -qF "Allegato — persone conteggiate ed escluse" "$out/con-allegato.txt" || { echo "manca l'allegato nella stampa" >&2; status=1; }
grep -qF "AS-001" "$out/con-allegato.txt" || { echo "l'allegato non elenca le persone" >&2; status=1; }
ls "$out"/*.png > /dev/null
exit $status
