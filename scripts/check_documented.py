#!/usr/bin/env python3
"""Fails when a public symbol of PotenziamentoKit has no doc comment.

Members that implement standard protocol requirements (==, <, hash(into:), hashValue, description,
init(rawValue:), rawValue) inherit their documentation and are not required to repeat it.
Usage: check_documented.py SYMBOL_GRAPH_DIR
"""
import glob
import json
import sys

INHERITED = {"==(_:_:)", "<(_:_:)", "hash(into:)", "hashValue", "description", "init(rawValue:)", "rawValue"}

missing = []
for path in sorted(glob.glob(sys.argv[1] + "/PotenziamentoKit*.symbols.json")):
    graph = json.load(open(path, encoding="utf-8"))
    for symbol in graph["symbols"]:
        if symbol.get("accessLevel") not in ("public", "open"):
            continue
        if symbol.get("docComment") or symbol["pathComponents"][-1] in INHERITED:
            continue
        missing.append(".".join(symbol["pathComponents"]))
if missing:
    print("Public symbols without documentation (%d):" % len(missing))
    for name in sorted(missing):
        print("  " + name)
    sys.exit(1)
print("All public symbols of PotenziamentoKit are documented.")
