"""Checks an agreement report downloaded from Annota against reference implementations.

Usage: python check_agreement.py A.json B.json REPORT.json
A and B are the two annotators' Annota JSON files; REPORT is the agreement JSON Annota wrote for
the pair (its first pair). The reference figures are those of tests/agreement/reference.py
(scikit-learn's cohen_kappa_score, the `krippendorff` package, brute-force pairing for F1), over
every code point of the text. Prints one line per check and exits non-zero if any fails.
"""
import json
import math
import os
import sys
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "agreement"))
from reference import figures, pair  # noqa: E402

warnings.simplefilter("ignore")
failures = []


def check(name, ours, theirs):
    same = (ours is None and theirs is None) or (ours is not None and theirs is not None and math.isclose(ours, theirs, abs_tol=1e-9))
    print(("ok   " if same else "FAIL ") + f"{name}: Annota {ours}, reference {theirs}")
    if not same:
        failures.append(name)


def spans(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    return len(doc["article"]["text"]), [(a["start"], a["end"], a["label"]) for a in doc["annotations"]]


def main():
    (n, a), (n_b, b) = spans(sys.argv[1]), spans(sys.argv[2])
    assert n == n_b, "the two files are of one article"
    with open(sys.argv[3], encoding="utf-8") as f:
        report = json.load(f)
    ours = report["pairs"][0]
    pairs, only_a, only_b = pair(a, b)
    for name, label, mine in [("all labels", None, ours["all"])] + [(label, label, f) for label, f in ours["labels"].items()]:
        theirs = figures(a, b, n, pairs, only_a, only_b, label)
        check(f"exact F1, {name}", mine["exact"]["f1"], theirs["exact"]["f1"])
        check(f"overlap F1, {name}", mine["overlap"]["f1"], theirs["overlap"]["f1"])
        check(f"kappa, {name}", mine["kappa"], theirs["kappa"])
        check(f"alpha, {name}", mine["alpha"], theirs["alpha"])
    print(f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
