"""Checks an agreement report downloaded from Annota against reference implementations.

Usage: python check_agreement.py A.json B.json REPORT.json
A and B are the two annotators' Annota JSON files; REPORT is the agreement JSON Annota wrote for
the pair (its first pair). Cohen's kappa comes from scikit-learn, Krippendorff's alpha from the
`krippendorff` package, both over every code point of the text; exact-match F1 is counted here by
brute force. Prints one line per check and exits non-zero if any fails.
"""
import json
import math
import sys
import warnings

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

warnings.filterwarnings("ignore")
failures = []


def check(name, ours, theirs):
    same = (ours is None and (theirs is None or (isinstance(theirs, float) and math.isnan(theirs)))) or (
        ours is not None and theirs is not None and not math.isnan(theirs) and abs(ours - theirs) < 1e-9
    )
    print(("ok   " if same else "FAIL ") + f"{name}: Annota {ours}, reference {theirs}")
    if not same:
        failures.append(name)


def spans(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    return len(doc["article"]["text"]), [(a["start"], a["end"], a["label"]) for a in doc["annotations"]]


def covered(n, spans, label):
    v = np.zeros(n, dtype=int)
    for s, e, l in spans:
        if l == label:
            v[s:e] = 1
    return v


def categories(n, spans):
    sets = [set() for _ in range(n)]
    for s, e, l in spans:
        for i in range(s, e):
            sets[i].add(l)
    return ["+".join(sorted(x)) for x in sets]


def alpha(xs, ys):
    values = sorted(set(xs) | set(ys))
    if len(values) < 2:
        return None
    index = {v: i for i, v in enumerate(values)}
    data = np.array([[index[x] for x in xs], [index[y] for y in ys]], dtype=float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def kappa(xs, ys):
    if len(set(xs) | set(ys)) < 2:
        return None
    return float(cohen_kappa_score(xs, ys))


def exact_f1(a, b):
    left = list(b)
    matched = 0
    for x in a:
        if x in left:
            left.remove(x)
            matched += 1
    return None if not a and not b else 2 * matched / (len(a) + len(b))


def main():
    (n, a), (n_b, b) = spans(sys.argv[1]), spans(sys.argv[2])
    assert n == n_b, "the two files are of one article"
    with open(sys.argv[3], encoding="utf-8") as f:
        report = json.load(f)
    pair = report["pairs"][0]
    check("exact F1, all labels", pair["all"]["exact"]["f1"], exact_f1(a, b))
    check("kappa, all labels", pair["all"]["kappa"], kappa(categories(n, a), categories(n, b)))
    check("alpha, all labels", pair["all"]["alpha"], alpha(categories(n, a), categories(n, b)))
    for label, figures in pair["labels"].items():
        xs, ys = covered(n, a, label), covered(n, b, label)
        check(f"kappa, {label}", figures["kappa"], kappa(list(xs), list(ys)))
        check(f"alpha, {label}", figures["alpha"], alpha(list(xs), list(ys)))
        check(f"exact F1, {label}", figures["exact"]["f1"], exact_f1([x for x in a if x[2] == label], [x for x in b if x[2] == label]))
    print(f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
