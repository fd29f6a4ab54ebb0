#!/usr/bin/env bash
# Builds the DocC documentation of PotenziamentoKit with the toolchain's `docc` (no plugin) and
# fails on any DocC warning or any undocumented public symbol. Output: .build-docs/PotenziamentoKit.doccarchive
set -euo pipefail
cd "$(dirname "$0")/.."
work=.build-docs
rm -rf "$work/symbol-graphs" "$work/PotenziamentoKit.doccarchive"
mkdir -p "$work/symbol-graphs"
swift build --scratch-path "$work/build" --target PotenziamentoKit
# The symbol graph is extracted from the built module every time (an up-to-date build emits nothing).
swift-symbolgraph-extract -module-name PotenziamentoKit -I "$work/build/debug/Modules" \
  -target "$(uname -m)-unknown-linux-gnu" -minimum-access-level public -output-dir "$work/symbol-graphs"
python3 scripts/check_documented.py "$work/symbol-graphs"
docc convert Sources/PotenziamentoKit/PotenziamentoKit.docc \
  --additional-symbol-graph-dir "$work/symbol-graphs" \
  --output-path "$work/PotenziamentoKit.doccarchive" \
  --fallback-display-name PotenziamentoKit \
  --fallback-bundle-identifier it.potenziamentokit.PotenziamentoKit \
  --warnings-as-errors
echo "Documentation built: $work/PotenziamentoKit.doccarchive"
