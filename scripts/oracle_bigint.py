#!/usr/bin/env python3
"""Independent oracle for BigInt (Sources/PotenziamentoKit/Numbers/BigInt.swift): Python's own integers.

    python3 scripts/oracle_bigint.py CASES_FILE

Run by BigIntTests ("the Python oracle agrees ..."). Each line of CASES_FILE is one operation computed by the
Swift BigInt, as space-separated fields. Numbers are signed hexadecimal (-0x1f), written by the test from the
limbs themselves, so they do not depend on BigInt's decimal code; decimal text appears only where decimal
conversion is what is checked.

    add A B R        R == A + B
    sub A B R        R == A - B
    mul A B R        R == A * B
    neg A R          R == -A
    div A B Q R      truncating division, like Swift's Int: Q rounded toward zero, R == A - B*Q
    fdiv A B Q R     floored division: Q == A // B, R == A % B (Python's own)
    gcd A B R        R == gcd(A, B) >= 0
    pow A E R        R == A ** E (E decimal)
    cmp A B C        C == -1, 0 or 1 as A <, ==, > B
    str A TEXT       TEXT == str(A) (BigInt.description)
    parse TEXT R     R == int(TEXT) (BigInt(decimal:))
    fits A F64 F128  F64 == 1 iff A fits Int64, F128 == 1 iff A fits Int128

Prints each mismatch (up to 20) and a summary; exits 1 on any mismatch, 2 on a malformed file. Stdlib only.
"""

import math
import sys


def num(field):
    return int(field, 16)


def truncating_divmod(a, b):
    quotient = abs(a) // abs(b)
    if (a < 0) != (b < 0):
        quotient = -quotient
    return quotient, a - b * quotient


def expected(fields):
    """Returns (computed, expected-by-Swift) for one line."""
    op = fields[0]
    if op == "add":
        return num(fields[1]) + num(fields[2]), num(fields[3])
    if op == "sub":
        return num(fields[1]) - num(fields[2]), num(fields[3])
    if op == "mul":
        return num(fields[1]) * num(fields[2]), num(fields[3])
    if op == "neg":
        return -num(fields[1]), num(fields[2])
    if op == "div":
        return truncating_divmod(num(fields[1]), num(fields[2])), (num(fields[3]), num(fields[4]))
    if op == "fdiv":
        return divmod(num(fields[1]), num(fields[2])), (num(fields[3]), num(fields[4]))
    if op == "gcd":
        return math.gcd(num(fields[1]), num(fields[2])), num(fields[3])
    if op == "pow":
        return num(fields[1]) ** int(fields[2]), num(fields[3])
    if op == "cmp":
        a, b = num(fields[1]), num(fields[2])
        return (a > b) - (a < b), int(fields[3])
    if op == "str":
        return str(num(fields[1])), fields[2]
    if op == "parse":
        return int(fields[1], 10), num(fields[2])
    if op == "fits":
        a = num(fields[1])
        return (int(-(2**63) <= a < 2**63), int(-(2**127) <= a < 2**127)), (int(fields[2]), int(fields[3]))
    raise ValueError("unknown operation " + op)


def main():
    if len(sys.argv) != 2:
        print("usage: oracle_bigint.py CASES_FILE", file=sys.stderr)
        return 2
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    checked = 0
    mismatches = 0
    with open(sys.argv[1], encoding="ascii") as cases:
        for number, line in enumerate(cases, start=1):
            fields = line.split()
            if not fields:
                continue
            try:
                computed, claimed = expected(fields)
            except (ValueError, IndexError, ZeroDivisionError) as error:
                print(f"line {number}: malformed ({error}): {line.strip()[:200]}")
                return 2
            checked += 1
            if computed != claimed:
                mismatches += 1
                if mismatches <= 20:
                    print(f"line {number}: MISMATCH {line.strip()[:300]} -> Python says {computed}")
    print(f"checked {checked} operations, {mismatches} mismatches")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
