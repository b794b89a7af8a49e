"""Reference figures for the agreement module, computed independently of the Rust.

Reads a JSON file of cases, each {"text_len": n, "a": [[start, end, label], ...], "b": [...]}
(code points, end exclusive), and prints a JSON list with, per case, the figures per label and
over all labels: exact and overlap matched / of_a / of_b / precision / recall / F1, Cohen's kappa,
Krippendorff's alpha and the counts of each kind of pairing. Undefined figures are null.

  * kappa: scikit-learn's cohen_kappa_score on one value per code point (covered by the label or
    not; over all labels the set of labels covering it, joined by "+", "" for none); NaN -> null.
  * alpha: the krippendorff package, nominal, on the same values mapped to ints; NaN or its
    "only one value in the domain" ValueError -> null.
  * pairing: written out here from the rules, plainly and in O(n^2): exact pairs (same label,
    start, end) one-to-one; then same-label pairs sharing at least one code point, greatest
    overlap first, ties by A's start, B's start, A's index, B's index; then the same start and end
    with another label (A in order, the first free B). F1 is 2 * matched / (|A| + |B|).

Usage: reference.py CASES.json  (needs numpy, scikit-learn and krippendorff: scripts/setup.sh test)
"""

import json
import math
import sys
import warnings

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score


def defined(x):
    x = float(x)
    return None if math.isnan(x) else x


def f1_figures(matched, of_a, of_b):
    return {
        "matched": matched,
        "of_a": of_a,
        "of_b": of_b,
        "precision": matched / of_a if of_a else None,
        "recall": matched / of_b if of_b else None,
        "f1": 2 * matched / (of_a + of_b) if of_a + of_b else None,
    }


def pair(a, b):
    """Returns (kind, i, j) for every pairing and the unpaired indices of A and of B."""
    partner_a, partner_b, pairs = [None] * len(a), [None] * len(b), []

    def link(kind, i, j):
        partner_a[i], partner_b[j] = j, i
        pairs.append((kind, i, j))

    for i, (s, e, label) in enumerate(a):
        for j, other in enumerate(b):
            if partner_b[j] is None and other == (s, e, label):
                link("exact", i, j)
                break
    candidates = []
    for i, (sa, ea, la) in enumerate(a):
        for j, (sb, eb, lb) in enumerate(b):
            common = min(ea, eb) - max(sa, sb)
            if partner_a[i] is None and partner_b[j] is None and la == lb and common >= 1:
                candidates.append((-common, sa, sb, i, j))
    for _, _, _, i, j in sorted(candidates):
        if partner_a[i] is None and partner_b[j] is None:
            link("overlap", i, j)
    for i, (sa, ea, la) in enumerate(a):
        if partner_a[i] is not None:
            continue
        for j, (sb, eb, lb) in enumerate(b):
            if partner_b[j] is None and (sa, ea) == (sb, eb) and la != lb:
                link("label", i, j)
                break
    only_a = [i for i in range(len(a)) if partner_a[i] is None]
    only_b = [j for j in range(len(b)) if partner_b[j] is None]
    return pairs, only_a, only_b


def covering(spans, text_len):
    """For each code point, the set of labels covering it."""
    sets = [set() for _ in range(text_len)]
    for s, e, label in spans:
        for p in range(s, min(e, text_len)):
            sets[p].add(label)
    return sets


def kappa_and_alpha(xs, ys):
    kappa = defined(cohen_kappa_score(xs, ys))
    codes = {v: k for k, v in enumerate(sorted(set(xs) | set(ys)))}
    data = np.array([[codes[v] for v in xs], [codes[v] for v in ys]])
    try:
        alpha = defined(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    except ValueError:
        alpha = None
    return kappa, alpha


def figures(a, b, text_len, pairs, only_a, only_b, label):
    """The figures for one label, or for all labels when `label` is None."""

    def mine(spans, k):
        return label is None or spans[k][2] == label

    exact = sum(1 for kind, i, _ in pairs if kind == "exact" and mine(a, i))
    boundary = sum(1 for kind, i, _ in pairs if kind == "overlap" and mine(a, i))
    label_pairs = sum(1 for kind, i, j in pairs if kind == "label" and (mine(a, i) or mine(b, j)))
    of_a = sum(1 for i in range(len(a)) if mine(a, i))
    of_b = sum(1 for j in range(len(b)) if mine(b, j))
    ca, cb = covering(a, text_len), covering(b, text_len)
    if label is None:
        xs = ["+".join(sorted(s)) for s in ca]
        ys = ["+".join(sorted(s)) for s in cb]
    else:
        xs = [int(label in s) for s in ca]
        ys = [int(label in s) for s in cb]
    kappa, alpha = kappa_and_alpha(xs, ys)
    return {
        "exact": f1_figures(exact, of_a, of_b),
        "overlap": f1_figures(exact + boundary, of_a, of_b),
        "kappa": kappa,
        "alpha": alpha,
        "counts": {
            "matches": exact,
            "label_disagreements": label_pairs,
            "boundary_differences": boundary,
            "only_a": sum(1 for i in only_a if mine(a, i)),
            "only_b": sum(1 for j in only_b if mine(b, j)),
        },
    }


def main(path):
    warnings.simplefilter("ignore")
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)
    out = []
    for case in cases:
        a = [tuple(s) for s in case["a"]]
        b = [tuple(s) for s in case["b"]]
        n = case["text_len"]
        pairs, only_a, only_b = pair(a, b)
        labels = sorted({s[2] for s in a} | {s[2] for s in b})
        out.append(
            {
                "labels": {l: figures(a, b, n, pairs, only_a, only_b, l) for l in labels},
                "all": figures(a, b, n, pairs, only_a, only_b, None),
            }
        )
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
