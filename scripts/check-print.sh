#!/usr/bin/env bash
# The print check (what a person sees): the prospetto of the bundled example printed by headless
# Chromium on A4, then read back with poppler. Without the annex the prospetto (to the signature)
# must fit on 2 pages, the warnings about the data on a page of their own after it; with the
# annex the persons follow; the pages carry the SIOSS figures, the signature block and the chart,
# and nothing overflows the page width (pdftotext finds every column); a large ATS's totals (hundreds of
# FTE, millions of euro) are printed whole, and no cell's content is cut by its column (measured in
# Chromium). PNG images of the pages are
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
# Printed as a person does, with the browser's headers and footers on (its default): the page's
# own empty margin boxes leave no date or title above the prospetto (a trial saw «11/29/26,
# 6:42 AM» on every page).
"$browser" --headless --no-sandbox --disable-gpu --print-to-pdf="$out/intestazioni.pdf" "file://$PWD/$out/senza-allegato.html" 2> /dev/null
pdftotext -layout "$out/intestazioni.pdf" "$out/intestazioni.txt"
first=$(awk 'NF { sub(/^[[:space:]]+/, ""); print; exit }' "$out/intestazioni.txt")
case "$first" in
  "Prospetto riassuntivo"*) ;;
  *) echo "stampato dal browser, sopra il prospetto compare «$first»" >&2; status=1 ;;
esac
# The SIOSS table is the widest: its last column (previsione to declare) must be on the page.
grep -E "Totale ambito +22 +≈ 18,0336 +18,03 +22 +≈ 18,8377 +18,83" "$out/senza-allegato.txt" > /dev/null \
  || { echo "la tabella degli enti non sta nella larghezza della pagina" >&2; status=1; }

pages=$(print con-allegato)
echo "prospetto con allegato: $pages pagine"
[ "$pages" -gt 2 ] || { echo "l'allegato delle persone manca" >&2; status=1; }
grep -qF "Allegato — persone conteggiate ed escluse" "$out/con-allegato.txt" || { echo "manca l'allegato nella stampa" >&2; status=1; }
grep -qF "AS-001" "$out/con-allegato.txt" || { echo "l'allegato non elenca le persone" >&2; status=1; }
# A large ATS (90 comuni, 2,75 million residents, about 800 persons: totals of hundreds of FTE and
# millions of euro, found cut by an officer's trial): every total printed whole, on the page.
python3 scripts/make-large-ambito.py "$out/grande.json" 800
"$binary" prospetto "$out/grande.json" --campagna 2026 --formato json > "$out/grande-dati.json" 2> /dev/null
"$binary" prospetto "$out/grande.json" --campagna 2026 --senza-allegato --output "$out/grande.html" 2> /dev/null
"$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/grande.pdf" "file://$PWD/$out/grande.html" 2> /dev/null
pdftotext -layout "$out/grande.pdf" "$out/grande.txt"
pdftoppm -r 60 -png "$out/grande.pdf" "$out/grande"
# Every page names the prospetto and the ATS at its foot (a loose annex page is known: a trial).
grande_pages=$(pdfinfo "$out/grande.pdf" | awk '/^Pages:/ {print $2}')
footers=$(grep -c "Prospetto riassuntivo 2026 — " "$out/grande.txt" || true)
[ "$footers" -ge "$grande_pages" ] || { echo "il piè di pagina con l'ambito è su $footers pagine di $grande_pages" >&2; status=1; }
# The figures the JSON gives, as the page must show them whole: FTE with 4 decimals, declared with
# 2, the contribution in euro, Italian style.
python3 - "$out/grande-dati.json" "$out/grande.txt" <<'PYTHON' || status=1
import json, re, sys
data, text = json.load(open(sys.argv[1])), open(sys.argv[2]).read()
def italian(value, decimals):
    whole, _, fraction = ("%.*f" % (decimals, value)).partition(".")
    return "{:,}".format(int(whole)).replace(",", ".") + ("," + fraction if decimals else "")
missing = []
rows = [line for line in text.splitlines() if "Totale ambito" in line]
for year in ("consuntivo", "previsione"):
    section = data[year]
    for shown in (italian(section["fte"]["totale"], 4), italian(section["fteDaDichiarare"], 2), italian(section["contributo"], 2)):
        if not any(re.search(r"(?<![\d.,])" + re.escape(shown) + r"(?![\d,])", row) for row in rows):
            missing.append("%s %s" % (year, shown))
if missing:
    print("nella stampa di un ambito grande una cifra del totale manca o è tagliata: " + ", ".join(missing), file=sys.stderr)
    sys.exit(1)
PYTHON
# No figure cut by its cell and no word broken across two lines (`person|e 2025`, `≈` alone): the
# page laid out at the width of A4 in Chromium, every cell's content measured against its box and
# every word's lines counted (a digit half cut still reads whole in pdftotext's text, found by a
# review: 188,83 / 188,8; «≈» and «€» are joined to their figure by a no-break space). Also one city of 1.400.000 residents as its own ATS (large figures in a
# single comune's row).
python3 - "$out/citta.json" <<'PYTHON'
import json, sys
staff = [{"id": "AS-%04d" % n, "profilo": "assistente_sociale", "contratto": "tempo_indeterminato",
          "ente": {"tipo": "comune", "codiceIstat": "015146"}, "periodi": [{"dal": "2015-01-01", "percentuale": 100}],
          "aree": {"segretariato_sociale": 50, "servizio_sociale_professionale": 30, "poverta_disagio_adulti": 20}} for n in range(400)]
json.dump({"formato": "potenziamento.ambito.v1", "ambito": {"codice": "ATS-C", "denominazione": "Città"},
           "comuni": [{"codiceIstat": "015146", "denominazione": "Milano", "popolazione": 1400000}], "personale": staff}, open(sys.argv[1], "w"))
PYTHON
"$binary" prospetto "$out/citta.json" --campagna 2026 --senza-allegato --output "$out/citta.html" 2> /dev/null
# The large ATS with 6 decimals to declare: the SIOSS columns widen (a trial: the last digit cut).
"$binary" prospetto "$out/grande.json" --campagna 2026 --senza-allegato --decimali-dichiarati 6 --output "$out/grande-6.html" 2> /dev/null
overflowing() {  # overflowing NAME: cells of NAME.html whose content is wider than their box, or a word broken across lines
  python3 - "$out/$1.html" "$out/$1-misura.html" <<'PYTHON'
import sys
script = """
var cut = 0;
document.querySelectorAll("td, th").forEach(function (cell) {
  if (cell.scrollWidth > cell.clientWidth + 1) { cut += 1; cell.setAttribute("data-cut", "larghezza"); }
  var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    var words = /[^ \\n\\t]+/g, found;
    while ((found = words.exec(node.data))) {
      var range = document.createRange();
      range.setStart(node, found.index);
      range.setEnd(node, found.index + found[0].length);
      var lines = {};
      Array.prototype.forEach.call(range.getClientRects(), function (box) { lines[Math.round(box.top)] = true; });
      if (Object.keys(lines).length > 1) { cut += 1; cell.setAttribute("data-cut", "parola: " + found[0]); }
    }
  }
});
document.body.setAttribute("data-cut-cells", String(cut));
"""
page = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", "<script>//<![CDATA[" + script + "//]]></script></body>"))
PYTHON
  "$browser" --headless --no-sandbox --disable-gpu --window-size=1200,1000 --dump-dom "file://$PWD/$out/$1-misura.html" 2> /dev/null > "$out/$1-misura.dom"
  grep -o 'data-cut-cells="[0-9]*"' "$out/$1-misura.dom" | grep -o '[0-9]*' || echo "?"
}
for name in senza-allegato grande citta grande-6; do
  cut=$(overflowing "$name")
  [ "$cut" = "0" ] || { echo "$name: $cut celle con il contenuto tagliato dalla colonna o una parola spezzata su due righe (in $out/$name-misura.dom, data-cut)" >&2; status=1; }
done
ls "$out"/*.png > /dev/null
exit $status
