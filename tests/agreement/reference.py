"""Reference figures for Annota's agreement module, computed independently of it.

Usage: python reference.py CASES.json
CASES.json is a list of {"text_len", "a": [[start, end, label], ...], "b": [...], "ours": {...}}
where "ours" holds Annota's figures per label and over all labels. Cohen's kappa comes from
scikit-learn's cohen_kappa_score and Krippendorff's alpha from the `krippendorff` package, over
every code point (binary per label; over all labels the set of labels covering a code point as one
category); exact and overlap F1 are counted here by brute force. Prints one line per disagreement
and a last line "N cases, M failed"; exits non-zero if any failed.
"""
import json
import math
import sys
import warnings

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

warnings.filterwarnings("ignore")


def kappa(xs, ys):
    if len(xs) == 0 or len(set(xs) | set(ys)) < 2:
        return None
    k = float(cohen_kappa_score(xs, ys))
    return None if math.isnan(k) else k


def alpha(xs, ys):
    values = sorted(set(xs) | set(ys))
    if len(xs) < 2 or len(values) < 2:
        return None
    index = {v: i for i, v in enumerate(values)}
    data = np.array([[index[x] for x in xs], [index[y] for y in ys]], dtype=float)
    a = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    return None if math.isnan(a) else a


def overlap(x, y):
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def matching(a, b):
    """Exact pairs first, then same-label overlaps one to one, greatest overlap first, ties by earliest start."""
    used_a, used_b, exact = set(), set(), 0
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if j not in used_b and x == y:
                used_a.add(i)
                used_b.add(j)
                exact += 1
                break
    candidates = [(-overlap(x, y), x[0], y[0], i, j) for i, x in enumerate(a) for j, y in enumerate(b)
                  if i not in used_a and j not in used_b and x[2] == y[2] and overlap(x, y) > 0]
    loose = 0
    for _, _, _, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            loose += 1
    return exact, exact + loose


def ratio(n, d):
    return None if d == 0 else n / d


def f1s(a, b):
    exact, over = matching(a, b)
    figure = lambda m: {"precision": ratio(m, len(a)), "recall": ratio(m, len(b)), "f1": ratio(2 * m, len(a) + len(b))}
    return figure(exact), figure(over)


def coverage(n, spans, label):
    v = [0] * n
    for s, e, l in spans:
        if l == label:
            for i in range(s, min(e, n)):
                v[i] = 1
    return v


def categories(n, spans):
    sets = [set() for _ in range(n)]
    for s, e, l in spans:
        for i in range(s, min(e, n)):
            sets[i].add(l)
    return ["+".join(sorted(x)) for x in sets]


def same(x, y):
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) < 1e-9


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    failed = 0
    for k, case in enumerate(cases):
        n, a, b, ours = case["text_len"], [tuple(x) for x in case["a"]], [tuple(x) for x in case["b"]], case["ours"]
        labels = sorted({x[2] for x in a} | {x[2] for x in b})
        wanted = {}
        for label in labels:
            la, lb = [x for x in a if x[2] == label], [x for x in b if x[2] == label]
            exact, over = f1s(la, lb)
            xs, ys = coverage(n, a, label), coverage(n, b, label)
            wanted[label] = {"exact": exact, "overlap": over, "kappa": kappa(xs, ys), "alpha": alpha(xs, ys)}
        exact, over = f1s(a, b)
        xs, ys = categories(n, a), categories(n, b)
        wanted["(all labels)"] = {"exact": exact, "overlap": over, "kappa": kappa(xs, ys), "alpha": alpha(xs, ys)}
        if sorted(ours) != sorted(wanted):
            print(f"case {k}: labels {sorted(ours)} against {sorted(wanted)}")
            failed += 1
            continue
        bad = []
        for label, w in wanted.items():
            o = ours[label]
            for kind in ("exact", "overlap"):
                for key in ("precision", "recall", "f1"):
                    if not same(o[kind][key], w[kind][key]):
                        bad.append(f"{label} {kind} {key}: ours {o[kind][key]}, reference {w[kind][key]}")
            for key in ("kappa", "alpha"):
                if not same(o[key], w[key]):
                    bad.append(f"{label} {key}: ours {o[key]}, reference {w[key]}")
        if bad:
            failed += 1
            print(f"case {k} (text of {n}, {len(a)} and {len(b)} spans): " + "; ".join(bad))
    print(f"{len(cases)} cases, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
