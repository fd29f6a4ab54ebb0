#!/usr/bin/env python3
"""The simple reference of the benchmark: what a straightforward script does with a folder of
ATS rosters (potenziamento.ambito.v1 JSON files). It parses each file, decides who counts
(docs/regole.md §2), sums the FTE exactly by days (Fraction), computes the contribution with
its two bands rounded to the cent, and prints only the national totals: no checks of the input,
no report. The benchmark compares its totals with the command's, and its time with the
command's.

    python3 Benchmarks/reference.py FOLDER [YEAR]
"""

import json
import os
import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction

COUNTING_CONTRACTS = {"tempo indeterminato", "ti", "a tempo indeterminato", "indeterminato"}
APPALTO = {"privato_appalto", "terzo_settore_appalto"}


def normalized(text):
    text = text.lower().replace(".", "")
    for character in "_-/'":
        text = text.replace(character, " ")
    return " ".join(text.split())


def counts(person):
    if "assistente sociale" not in normalized(person["profilo"]):
        return False
    if normalized(person["contratto"]) not in COUNTING_CONTRACTS:
        return False
    employer = person["ente"]
    if employer["tipo"] in APPALTO:
        return False
    if employer["tipo"] == "asl" and not (employer.get("delegaFunzioni") or employer.get("costoRimborsato")):
        return False
    return person.get("impiegatoNeiServiziTerritoriali", True) is not False


def fte(periods, year):
    first, last = date(year, 1, 1), date(year, 12, 31)
    days_in_year = (last - first).days + 1
    total = Fraction(0)
    for period in periods:
        start = max(date.fromisoformat(period["dal"]), first)
        end = min(date.fromisoformat(period["al"]) if period.get("al") else last, last)
        if start > end:
            continue
        if "percentuale" in period:
            share = Fraction(period["percentuale"]) / 100
        else:
            share = Fraction(period["oreSettimanali"]) / Fraction(period.get("oreTempoPieno", 36))
        total += share * Fraction((end - start).days + 1, days_in_year)
    return total


def residents(comune, year):
    value = comune["popolazione"]
    return value[str(year)] if isinstance(value, dict) else value


def cents(euros):
    # Half away from zero (the amounts are never negative).
    return int(euros * 100 + Fraction(1, 2))


def contribution(population, counted):
    minimum, lep, objective = Fraction(population, 6500), Fraction(population, 5000), Fraction(population, 4000)
    band_a = min(max(counted - minimum, 0), lep - minimum)
    band_b = min(max(counted - lep, 0), objective - lep)
    return cents(band_a * 40000) + cents(band_b * 20000)


def main():
    folder = sys.argv[1]
    year = int(sys.argv[2]) if len(sys.argv) > 2 else 2025
    count, population_total, fte_total, total_cents = 0, 0, Fraction(0), 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            roster = json.load(file, parse_float=Decimal)
        population = sum(residents(comune, year) for comune in roster["comuni"])
        counted = sum((fte(person["periodi"], year) for person in roster["personale"] if counts(person)), Fraction(0))
        count += 1
        population_total += population
        fte_total += counted
        total_cents += contribution(population, counted)
    print(f"ambiti {count} popolazione {population_total} fte {float(fte_total):.4f} contributo {total_cents // 100}.{total_cents % 100:02d}")


if __name__ == "__main__":
    main()
