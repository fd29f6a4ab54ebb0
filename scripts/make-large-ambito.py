#!/usr/bin/env python3
"""A large ATS as potenziamento.ambito.v1 JSON, the same bytes on every run (no randomness):
90 comuni, 2,75 million residents, PERSONS persons (default 800): two in three at a comune,
one in three at an ATS-level employer; one in four part-time from 30 weekly hours; one in seven
starting inside 2025; two kinds of area split. Used by the print check (scripts/check-print.sh)
and by the instruction budgets (scripts/check-instructions.sh).

Usage: make-large-ambito.py OUT.json [PERSONS]"""
import json
import sys

out = sys.argv[1]
persons = int(sys.argv[2]) if len(sys.argv) > 2 else 800
comuni = [{"codiceIstat": "058%03d" % n, "denominazione": "Comune %d" % n, "popolazione": 2_750_000 // 90 + (10 if n == 1 else 0)} for n in range(1, 91)]
kinds = ["unione_di_comuni", "consorzio", "ambito", "asp", "comune_capofila"]
staff = []
for n in range(persons):
    ente = {"tipo": "comune", "codiceIstat": "058%03d" % (n % 90 + 1)} if n % 3 else {"tipo": kinds[n % 5]}
    share = {"oreSettimanali": 30} if n % 4 == 0 else {"percentuale": 100}
    staff.append({"id": "AS-%04d" % n, "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": ente,
                  "periodi": [dict({"dal": "2015-01-01" if n % 7 else "2025-03-%02d" % (n % 28 + 1)}, **share)],
                  "aree": {"segretariato_sociale": 40, "poverta_disagio_adulti": 60} if n % 2 else {"servizio_sociale_professionale": 100}})
json.dump({"formato": "potenziamento.ambito.v1", "ambito": {"codice": "ATS-G", "denominazione": "Ambito grande"}, "comuni": comuni, "personale": staff},
          open(out, "w"))
