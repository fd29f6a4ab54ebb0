#!/usr/bin/env bash
# Builds the package an office installs without a Swift toolchain (docs/guida.md, «Installare»):
# a self-contained `potenziamento` (Swift standard library and Foundation linked in statically),
# the empty roster workbooks written by `modello`, the guide and the examples, in
#   .build/pacchetto/potenziamento-<version>-<os>-<arch>.zip
# Usage: scripts/pacchetto.sh            (then unzip anywhere and run ./potenziamento --version)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== building potenziamento (release, static Swift libraries)"
swift build -c release --product potenziamento --static-swift-stdlib
binary="$(swift build -c release --product potenziamento --static-swift-stdlib --show-bin-path)/potenziamento"
version="$("$binary" --version | awk '{print $NF}')"
os="$(uname -s | tr '[:upper:]' '[:lower:]')"
arch="$(uname -m)"
name="potenziamento-$version-$os-$arch"
out=.build/pacchetto
stage="$out/$name"
rm -rf "$stage" "$out/$name.zip"
mkdir -p "$stage/esempi" "$stage/documentazione"

cp "$binary" "$stage/potenziamento"
strip "$stage/potenziamento" 2>/dev/null || true
"$stage/potenziamento" modello --output "$stage/modello-ambito.xlsx"
"$stage/potenziamento" modello --output "$stage/modello-ambito.ods"
"$stage/potenziamento" modello --output "$stage/esempi/ambito-esempio.xlsx" --da Examples/ambito-esempio 2>/dev/null
cp -R Examples/ambito-esempio Examples/ambito-esempio.json Examples/ciclo-esempio.csv Examples/ciclo-esempio.json \
  Examples/piano-esempio.csv Examples/riparto-esempio.csv "$stage/esempi/"
cp docs/guida.md docs/formati.md docs/regole.md docs/domande.md docs/norme.md "$stage/documentazione/"
cat > "$stage/LEGGIMI.txt" <<TXT
PotenziamentoKit $version ($os, $arch)

Il programma "potenziamento" calcola il contributo per il potenziamento del servizio sociale
professionale (L. 178/2020, art. 1, commi 797-804) e prepara il prospetto riassuntivo per SIOSS.

1. Aprire un terminale in questa cartella e provare:
     ./potenziamento --version
     ./potenziamento prospetto esempi/ambito-esempio.xlsx --campagna 2026 --output prova.html
2. Compilare modello-ambito.xlsx (Excel) o modello-ambito.ods (LibreOffice): vedi il foglio
   "istruzioni" e documentazione/guida.md.
3. ./potenziamento valida mio-ambito.xlsx --anno 2026
   ./potenziamento prospetto mio-ambito.xlsx --campagna 2026 --output prospetto-2026.html

Aiuto: ./potenziamento --help, ./potenziamento help prospetto
Il programma contiene già le librerie Swift; usa la libreria libxml2 del sistema (presente in ogni
distribuzione Linux comune; altrimenti: apt-get install libxml2).
TXT

# The executable must not need a Swift installation: check what it loads.
if command -v ldd > /dev/null && ldd "$stage/potenziamento" | grep -qi swift; then
  echo "the executable still loads Swift libraries:" >&2
  ldd "$stage/potenziamento" | grep -i swift >&2
  exit 1
fi
"$stage/potenziamento" calcola "$stage/esempi/ambito-esempio.xlsx" --anno 2025 > /dev/null 2>&1

# A zip that keeps the executable bit (python3's zipfile module on the command line does not).
python3 - "$out" "$name" <<'PY'
import os, sys, zipfile
out, name = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(os.path.join(out, name + ".zip"), "w", zipfile.ZIP_DEFLATED) as archive:
    for folder, _, files in sorted(os.walk(os.path.join(out, name))):
        for file in sorted(files):
            path = os.path.join(folder, file)
            info = zipfile.ZipInfo(os.path.relpath(path, out), date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if os.access(path, os.X_OK) else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as handle:
                archive.writestr(info, handle.read())
PY
# The executable keeps its permission in the zip (what unzip and file managers restore).
python3 - "$out/$name.zip" "$name/potenziamento" <<'PY'
import sys, zipfile
mode = zipfile.ZipFile(sys.argv[1]).getinfo(sys.argv[2]).external_attr >> 16
sys.exit(0 if mode & 0o111 else "the executable lost its permission in the zip")
PY
echo "== $out/$name.zip ($(du -h "$out/$name.zip" | cut -f1))"
