#!/usr/bin/env python3
"""Independent oracle for the annual assessment of one ATS (RULES.md §2-§5, §7), from the JSON input alone.

    python3 scripts/oracle_assessment.py FILE YEAR METHOD [FILE YEAR METHOD ...]

FILE is a `potenziamento.ambito.v1` document (docs: /work/shared/spec/INTERFACE.md), YEAR a year from 2021,
METHOD `giorni` (or `days`) or `mesi` (or `months`). For each triple, prints one line of JSON with the exact
figures: fractions as "numerator/denominator" strings in lowest terms (always with the slash, "3/1" for 3),
money as integer cents. Run by RealScaleTests (Tests/PotenziamentoKitTests/RealScaleTests.swift), which
compares every figure with PotenziamentoKit's; written from the rules, not from the Swift code. Stdlib only
(fractions, json, datetime). Exits 2 on an input it does not understand (never guesses).

What it computes, following RULES.md:
- §2 eligibility, first failing reason in order: profilo, contratto, privato in appalto, Terzo settore in
  appalto, ASL without delegaFunzioni nor costoRimborsato, not employed in the territorial services;
- §3 FTE per person: sum over periods of (percentuale / 100, or oreSettimanali / oreTempoPieno with 36 by
  default) x (share of the year): `giorni` = days served / days in the year; `mesi` = for each calendar month,
  days served in it / days in it, the sum over 12; the ATS FTE is the sum; FTE per area (a person with no
  split goes to non_indicata);
- §4 population at 1 January of the year: the sum of the comuni's figures (one for every year or per year);
- §1 and §5 thresholds P/6500, P/5000, P/4000; fascia A = min(max(N - T65, 0), T50 - T65) at 40.000 euro,
  fascia B = min(max(N - T50, 0), T40 - T50) at 20.000 euro, each rounded half away from zero to the cent;
  the contribution is their sum;
- §7 DM 15/2021 art. 2 split: all functions delegated -> everything to the capofila; else ATS-level FTE
  (every counted person not employed by a comune) attributed to the comuni by residents; each comune's
  amount by the national formula for it alone (exact, not rounded: §5 "the parts are computed exactly");
  if their sum exceeds the contribution, cut pro rata (capofila nothing); else the residue split among the
  comuni and the capofila by the FTE each employs itself (the capofila's: all ATS-level staff); cents by
  largest remainder, ties to the earlier part in input order.
"""

import datetime
import json
import sys
from fractions import Fraction

AREAS = [
    "segretariato_sociale",
    "servizio_sociale_professionale",
    "famiglia_minori_anziani_autosufficienti",
    "disabilita_non_autosufficienza",
    "poverta_disagio_adulti",
]

# RULES.md §1: the legal parameters, in force from 2021 (no reform after them as of the rules).
MINIMUM_RATIO, LEP_RATIO, OBJECTIVE_RATIO = 6500, 5000, 4000
BAND_A_EUROS, BAND_B_EUROS = 40000, 20000
FIRST_YEAR = 2021

# RULES.md §2, "Vocabulary".
EXCLUDED_PROFILES = {
    "educatore", "educatrice", "educatore professionale", "educatrice professionale", "psicologo", "psicologa",
    "sociologo", "sociologa", "pedagogista", "amministrativo", "amministrativa", "istruttore amministrativo",
    "oss", "operatore socio sanitario", "operatrice socio sanitaria", "mediatore culturale", "mediatrice culturale",
    "animatore", "animatrice",
}
PERMANENT_CONTRACTS = {"tempo indeterminato", "a tempo indeterminato", "indeterminato", "ti"}
OTHER_CONTRACTS = {
    "tempo determinato", "a tempo determinato", "somministrazione", "incarico", "cococo", "co co co",
    "libera professione", "tirocinio", "servizio civile",
}
COUNTING_EMPLOYERS = {
    "comune", "ambito", "unione_di_comuni", "comunita_montana", "azienda_speciale", "asp", "organismo_strumentale",
    "comune_capofila", "consorzio", "societa_della_salute", "azienda_speciale_consortile",
}


class OracleError(Exception):
    pass


def normalized(text):
    """Lower case, accents folded, dots dropped, _ - / ' and blanks read as one space, trimmed."""
    folds = {"à": "a", "á": "a", "è": "e", "é": "e", "ì": "i", "í": "i", "ò": "o", "ó": "o", "ù": "u", "ú": "u"}
    out = []
    for ch in text.lower():
        ch = folds.get(ch, ch)
        if ch == ".":
            continue
        out.append(" " if ch in "_-/'’\t\u00a0 " else ch)
    return " ".join("".join(out).split())


def is_social_worker(profile):
    norm = normalized(profile)
    if "assistente sociale" in norm:
        return True
    if norm == "altro" or norm.startswith("altro ") or norm.startswith("altro:") or norm in EXCLUDED_PROFILES:
        return False
    if any(norm.startswith(known + " ") for known in EXCLUDED_PROFILES):
        return False
    raise OracleError("profilo non riconosciuto dall'oracolo: %r" % profile)


def is_permanent(contract):
    norm = normalized(contract)
    if norm in PERMANENT_CONTRACTS:
        return True
    if norm == "altro" or norm.startswith("altro ") or norm.startswith("altro:") or norm in OTHER_CONTRACTS:
        return False
    if any(norm.startswith(known + " ") for known in OTHER_CONTRACTS):  # "incarico libero professionale"
        return False
    raise OracleError("contratto non riconosciuto dall'oracolo: %r" % contract)


def exclusion_reason(person):
    """RULES.md §2: the first failing condition, or None when the person counts."""
    if not is_social_worker(person["profilo"]):
        return "profilo_non_assistente_sociale"
    if not is_permanent(person["contratto"]):
        return "contratto_non_a_tempo_indeterminato"
    employer = person["ente"]
    kind = employer["tipo"]
    if kind == "privato_appalto":
        return "ente_privato_in_appalto"
    if kind == "terzo_settore_appalto":
        return "ente_terzo_settore_in_appalto"
    if kind == "asl":
        if not (employer.get("delegaFunzioni", False) or employer.get("costoRimborsato", False)):
            return "asl_senza_delega"
    elif kind not in COUNTING_EMPLOYERS:
        raise OracleError("tipo di ente non riconosciuto dall'oracolo: %r" % kind)
    if not person.get("impiegatoNeiServiziTerritoriali", True):
        return "non_impiegato_nei_servizi_territoriali"
    return None


def days_in_month(year, month):
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return (following - datetime.date(year, month, 1)).days


def share_of_year(start, end, year, method):
    """The share of `year` from `start` to `end` (inclusive, both inside the year)."""
    if method == "giorni":
        days_in_year = (datetime.date(year + 1, 1, 1) - datetime.date(year, 1, 1)).days
        return Fraction((end - start).days + 1, days_in_year)
    total = Fraction(0)
    for month in range(start.month, end.month + 1):
        length = days_in_month(year, month)
        first = start.day if month == start.month else 1
        last = end.day if month == end.month else length
        total += Fraction(last - first + 1, length)
    return total / 12


def share_of_full_time(period):
    if "percentuale" in period:
        return Fraction(period["percentuale"]) / 100
    return Fraction(period["oreSettimanali"]) / Fraction(period.get("oreTempoPieno", 36))


def person_fte(person, year, method):
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    total = Fraction(0)
    for period in person.get("periodi", []):
        start = datetime.date.fromisoformat(period["dal"])
        end = datetime.date.fromisoformat(period["al"]) if period.get("al") is not None else last
        start, end = max(start, first), min(end, last)
        if start > end:
            continue
        total += share_of_full_time(period) * share_of_year(start, end, year, method)
    return total


def residents(comune, year):
    value = comune["popolazione"]
    if isinstance(value, dict):
        if str(year) not in value:
            raise OracleError("manca la popolazione di %s nel %d" % (comune["codiceIstat"], year))
        value = value[str(year)]
    if not isinstance(value, int) or value <= 0:
        raise OracleError("popolazione non valida per %s: %r" % (comune["codiceIstat"], value))
    return value


def round_half_away_to_cents(euros):
    """Euro (a Fraction) rounded to the cent, half away from zero; integer cents."""
    scaled = euros * 100
    sign = -1 if scaled < 0 else 1
    magnitude = abs(scaled)
    whole, rest = divmod(magnitude.numerator, magnitude.denominator)
    if 2 * rest >= magnitude.denominator:
        whole += 1
    return sign * whole


def national_formula(population, fte):
    """RULES.md §1: thresholds and the exact fasce for `population` residents and `fte`."""
    t65 = Fraction(population, MINIMUM_RATIO)
    t50 = Fraction(population, LEP_RATIO)
    t40 = Fraction(population, OBJECTIVE_RATIO)
    band_a = min(max(fte - t65, Fraction(0)), t50 - t65)
    band_b = min(max(fte - t50, Fraction(0)), t40 - t50)
    return t65, t50, t40, band_a, band_b


def largest_remainder(total_cents, exact_euros):
    """Cents adding up to `total_cents`: floors, then one cent each by largest remainder (ties: input order)."""
    scaled = [share * 100 for share in exact_euros]
    cents = [share.numerator // share.denominator for share in scaled]
    remainders = [share - floor for share, floor in zip(scaled, cents)]
    leftover = total_cents - sum(cents)
    if leftover < 0 or leftover > len(cents):
        raise OracleError("le quote esatte non sommano al totale (avanzo di %d centesimi)" % leftover)
    order = sorted(range(len(cents)), key=lambda index: (-remainders[index], index))
    for index in order[:leftover]:
        cents[index] += 1
    return cents


def text(fraction):
    fraction = Fraction(fraction)
    return "%d/%d" % (fraction.numerator, fraction.denominator)


def assess(document, year, method):
    if document.get("formato") != "potenziamento.ambito.v1":
        raise OracleError("formato non riconosciuto: %r" % document.get("formato"))
    if year < FIRST_YEAR:
        raise OracleError("anno %d: i parametri valgono dal %d" % (year, FIRST_YEAR))
    comuni = document["comuni"]
    population_of = [residents(comune, year) for comune in comuni]
    population = sum(population_of)

    counted, excluded = [], []
    per_area = {area: Fraction(0) for area in AREAS}
    unspecified = Fraction(0)
    own = {comune["codiceIstat"]: Fraction(0) for comune in comuni}
    lead = Fraction(0)
    for person in document["personale"]:
        reason = exclusion_reason(person)
        if reason is not None:
            excluded.append({"id": person["id"].strip(), "motivo": reason})
            continue
        fte = person_fte(person, year, method)
        counted.append({"id": person["id"].strip(), "fte": text(fte)})
        areas = person.get("aree") or {}
        shares = {area: Fraction(value) for area, value in areas.items()}
        if shares and any(shares.values()):
            if sum(shares.values()) != 100:
                raise OracleError("le aree di %s non sommano a 100" % person["id"])
            for area, value in shares.items():
                per_area[area] += fte * value / 100
        else:
            unspecified += fte
        employer = person["ente"]
        if employer["tipo"] == "comune":
            own[employer["codiceIstat"]] += fte
        else:
            lead += fte

    total_fte = sum((Fraction(item["fte"]) for item in counted), Fraction(0))
    t65, t50, t40, band_a, band_b = national_formula(population, total_fte)
    band_a_cents = round_half_away_to_cents(band_a * BAND_A_EUROS)
    band_b_cents = round_half_away_to_cents(band_b * BAND_B_EUROS)
    contribution_cents = band_a_cents + band_b_cents
    contribution = Fraction(contribution_cents, 100)

    # RULES.md §7 (DM 15/2021 art. 2).
    own_fte = [own[comune["codiceIstat"]] for comune in comuni]
    attributed = [lead * Fraction(count, population) for count in population_of]
    formula = []
    for count, mine, theirs in zip(population_of, own_fte, attributed):
        _, _, _, alone_a, alone_b = national_formula(count, mine + theirs)
        formula.append(alone_a * BAND_A_EUROS + alone_b * BAND_B_EUROS)
    formula_total = sum(formula, Fraction(0))
    if document["ambito"].get("funzioniDelegateAlCapofila", False):
        rule = "tutto_al_capofila"
        exact = [Fraction(0)] * len(comuni) + [contribution]
    elif formula_total > contribution:
        rule = "riduzione_proporzionale"
        exact = [contribution * amount / formula_total for amount in formula] + [Fraction(0)]
    else:
        rule = "residuo_per_fte_propri"
        residue = contribution - formula_total
        own_total = sum(own_fte, Fraction(0)) + lead
        if own_total == 0:
            exact = list(formula) + [residue]
        else:
            exact = [amount + residue * mine / own_total for amount, mine in zip(formula, own_fte)]
            exact.append(residue * lead / own_total)
    if sum(exact, Fraction(0)) != contribution:
        raise OracleError("le quote esatte del riparto non sommano al contributo")
    cents = largest_remainder(contribution_cents, exact)
    recipients = ["comune:" + comune["codiceIstat"] for comune in comuni] + ["capofila"]
    shares = [
        {"ente": recipient, "esatto": text(value), "centesimi": amount}
        for recipient, value, amount in zip(recipients, exact, cents)
    ]
    for index, amount in enumerate(formula):
        shares[index]["formula"] = text(amount)
        shares[index]["fteAttribuiti"] = text(attributed[index])
        shares[index]["ftePropri"] = text(own_fte[index])
    shares[-1]["ftePropri"] = text(lead)

    return {
        "ambito": document["ambito"]["codice"],
        "anno": year,
        "metodo": method,
        "popolazione": population,
        "fte": text(total_fte),
        "soglie": {"minima": text(t65), "lep": text(t50), "obiettivo": text(t40)},
        "fasce": {
            "a": {"fte": text(band_a), "centesimi": band_a_cents},
            "b": {"fte": text(band_b), "centesimi": band_b_cents},
        },
        "contributo": contribution_cents,
        "perArea": dict([(area, text(per_area[area])) for area in AREAS] + [("non_indicata", text(unspecified))]),
        "riparto": {"regola": rule, "quote": shares},
        "conteggiati": counted,
        "esclusi": excluded,
    }


def main(arguments):
    if not arguments or len(arguments) % 3 != 0:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    documents = {}
    try:
        for index in range(0, len(arguments), 3):
            path, year, method = arguments[index], int(arguments[index + 1]), arguments[index + 2]
            method = {"days": "giorni", "months": "mesi"}.get(method, method)
            if method not in ("giorni", "mesi"):
                raise OracleError("metodo sconosciuto: %r" % method)
            if path not in documents:
                with open(path, encoding="utf-8") as handle:
                    # Numbers exact: 65.5769 is 655769/10000, never a binary float.
                    documents[path] = json.load(handle, parse_float=Fraction)
            result = assess(documents[path], year, method)
            result["file"] = path
            print(json.dumps(result, ensure_ascii=False, separators=(",", ":")))
    except (OracleError, KeyError, ValueError, TypeError) as error:
        print("oracle_assessment: %s: %s" % (type(error).__name__, error), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
