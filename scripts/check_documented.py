#!/usr/bin/env python3
"""Fails when a public symbol of PotenziamentoKit has no doc comment.

Members that implement standard protocol requirements (==, <, hash(into:), hashValue, description,
init(rawValue:), rawValue) inherit their documentation and are not required to repeat it.
Usage: check_documented.py SYMBOL_GRAPH_DIR
"""
import glob
import json
import sys

# Requirements of standard protocols: their documentation is the protocol's (Codable's synthesized
# init(from:)/encode(to:), LocalizedError's default members, Comparable/Equatable/Hashable,
# RawRepresentable, ExpressibleByIntegerLiteral).
INHERITED = {
    "==(_:_:)", "<(_:_:)", "<=(_:_:)", ">(_:_:)", ">=(_:_:)", "!=(_:_:)", "hash(into:)", "hashValue", "description", "init(rawValue:)", "rawValue",
    "init(from:)", "encode(to:)", "failureReason", "helpAnchor", "recoverySuggestion", "errorDescription", "allCases", "init(integerLiteral:)",
    "...(_:)", "..<(_:)", "...(_:_:)", "..<(_:_:)", "~=(_:_:)", "localizedDescription",
}

missing = []
paths = sorted(glob.glob(sys.argv[1] + "/PotenziamentoKit*.symbols.json"))
if not paths:
    print("No symbol graph of PotenziamentoKit in " + sys.argv[1])
    sys.exit(1)
for path in paths:
    graph = json.load(open(path, encoding="utf-8"))
    for symbol in graph["symbols"]:
        if symbol.get("accessLevel") not in ("public", "open"):
            continue
        name = symbol["pathComponents"][-1]
        if name in INHERITED:
            continue
        doc = "\n".join(line["text"] for line in symbol.get("docComment", {}).get("lines", []))
        if not doc:
            missing.append(".".join(symbol["pathComponents"]))
            continue
        # A throwing function says when it throws.
        declaration = "".join(fragment["spelling"] for fragment in symbol.get("declarationFragments", []))
        if " throws" in declaration and "- Throws" not in doc and symbol["kind"]["identifier"] != "swift.property":
            missing.append(".".join(symbol["pathComponents"]) + " (no '- Throws:')")
if missing:
    print("Public symbols without documentation or without '- Throws:' (%d):" % len(missing))
    for name in sorted(missing):
        print("  " + name)
    sys.exit(1)
print("All public symbols of PotenziamentoKit are documented.")
