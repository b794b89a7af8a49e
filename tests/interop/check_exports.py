"""Checks Annota's exports with the tools and specifications they are for, independently of Annota's code.

Usage: python check_exports.py DIR
DIR holds one export of each kind, downloaded from the app: *.annota.json, *.w3c.jsonld,
*.doccano.jsonl, *.label-studio.json, *.brat.zip, *.csv, *.claimreview.jsonld. The Annota JSON
file is the reference.

- Annota JSON: valid against the shipped JSON Schema (schema/annota.v2.schema.json).
- W3C Web Annotation: every MUST-level assertion schema of the official test suite (collection,
  embedded page, each annotation), and JSON-LD expansion against the vendored context with no
  property dropped and every purpose in the oa: vocabulary; actors, links and verdicts as bodies.
- ClaimReview: schema.org context; one ClaimReview per claim with a verdict, with the fields
  Google's fact-check markup asks for, ratings within the scale.
- doccano / spaCy: every span is a `Doc.char_span` of a spaCy Doc of the text.
- Label Studio: every result's text is text[start:end]; every label is in the shipped config;
  every said_by relation joins two results, the second an Actor span.
- brat: the .txt is the exact article; every fragment of every T line slices to its text; every
  relation and equivalence line is declared and joins T lines.
- CSV: opens as UTF-8 with BOM; each row's start/end slice the text to its exact; actor, said_by
  and verdict columns match the reference.
Prints one line per check and exits non-zero if any fails.
"""
import csv
import glob
import io
import json
import os
import sys
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
# The official W3C test-suite schemas and context, vendored unmodified (see vendor/*/NOTICE.md).
VENDOR = os.path.join(HERE, "vendor")

failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""))
    if not ok:
        failures.append(name)


def one(directory, pattern):
    found = glob.glob(os.path.join(directory, pattern))
    if len(found) != 1:
        raise SystemExit(f"expected one {pattern} in {directory}, found {found}")
    return found[0]


def load_w3c_suite():
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    suite = os.path.join(VENDOR, "w3c-web-annotation-tests")
    resources = []
    by_path = {}
    for path in glob.glob(os.path.join(suite, "**", "*.json"), recursive=True):
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        resources.append((schema["id"], Resource(contents=schema, specification=DRAFT4)))
        by_path[os.path.relpath(path, suite)] = schema
    registry = Registry().with_resources(resources)

    def manifest(rel):
        with open(os.path.join(suite, rel), encoding="utf-8") as f:
            return [by_path[a] for a in json.load(f)["assertions"]]

    return registry, manifest


def check_w3c(path, reference):
    import jsonschema
    from pyld import jsonld

    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    registry, manifest = load_w3c_suite()
    checker = jsonschema.Draft4Validator.FORMAT_CHECKER

    def run(manifest_rel, instance, what):
        bad = []
        for schema in manifest(manifest_rel):
            v = jsonschema.Draft4Validator(schema, registry=registry, format_checker=checker)
            errors = list(v.iter_errors(instance))
            if errors:
                bad.append(f"{schema['id']}: {errors[0].message[:160]}")
        check(f"W3C MUST assertions: {what}", not bad, "; ".join(bad))

    run("collections/collectionMusts.test", doc, "the AnnotationCollection")
    run("collections/pages/pageMusts.test", doc["first"], "the embedded AnnotationPage")
    items = doc["first"]["items"]
    for i, item in enumerate(items):
        run("annotations/annotationMusts.test", item, f"annotation {i + 1}")
    check("W3C: one annotation per span", len(items) == len(reference["annotations"]) == doc["total"])

    # JSON-LD: expand against the vendored context; every leaf value must survive.
    with open(os.path.join(VENDOR, "w3c-web-annotation-context", "anno.jsonld"), encoding="utf-8") as f:
        context = json.load(f)
    # The vendored revision predates the purpose "assessing" (it has the older "reviewing"); the
    # Recommendation, the test suite's motivation list and the published context define it as
    # oa:assessing. Added here so that it expands as it does against the published context.
    context["@context"].setdefault("assessing", "oa:assessing")

    def loader(url, options=None):
        if url.rstrip("/") in ("http://www.w3.org/ns/anno.jsonld", "https://www.w3.org/ns/anno.jsonld"):
            return {"contextUrl": None, "documentUrl": url, "document": context}
        raise RuntimeError(f"no network: {url}")

    expanded = jsonld.expand(doc, {"documentLoader": loader})

    def leaves_in(value, skip_context=True):
        if isinstance(value, dict):
            return sum(leaves_in(v) for k, v in value.items() if not (skip_context and k == "@context"))
        if isinstance(value, list):
            return sum(leaves_in(v) for v in value)
        return 1

    def leaves_out(value):
        if isinstance(value, dict) and "@value" in value:
            return 1  # a typed or language-tagged literal is still one value
        if isinstance(value, dict):
            n = 0
            for k, v in value.items():
                if k in ("@id", "@value"):
                    n += 1
                elif k == "@type":
                    n += len(v) if isinstance(v, list) else 1
                elif k not in ("@language", "@direction"):
                    n += leaves_out(v)
            return n
        if isinstance(value, list):
            return sum(leaves_out(v) for v in value)
        return 0

    before, after = leaves_in(doc), leaves_out(expanded)
    check("JSON-LD expansion keeps every property", before == after, f"{before} values in, {after} after expansion")

    def purposes_out(value):
        if isinstance(value, dict):
            found = [p["@id"] for p in value.get("http://www.w3.org/ns/oa#hasPurpose", [])]
            return found + [p for v in value.values() for p in purposes_out(v)]
        if isinstance(value, list):
            return [p for v in value for p in purposes_out(v)]
        return []

    outside = sorted({p for p in purposes_out(expanded) if not p.startswith("http://www.w3.org/ns/oa#")})
    check("JSON-LD: every purpose is a term of the oa: vocabulary", not outside, ", ".join(outside))

    text = reference["article"]["text"]
    cps = list(text)
    for item, ref in zip(items, reference["annotations"]):
        sel = {s["type"]: s for s in item["target"]["selector"]}
        pos, quote = sel["TextPositionSelector"], sel["TextQuoteSelector"]
        ok = "".join(cps[pos["start"]:pos["end"]]) == quote["exact"] == ref["exact"]
        check(f"W3C position slices to quote ({ref['id'][:8]})", ok)
        check_w3c_facts(item, ref, reference)


def check_w3c_facts(item, ref, reference):
    """The annotation's actor, who said it and its verdict are among its bodies."""
    actors = {a["id"]: a for a in reference.get("actors", [])}
    bodies = item["body"] if isinstance(item["body"], list) else [item["body"]]
    by_purpose = {}
    for b in bodies:
        by_purpose.setdefault(b.get("purpose"), []).append(b)
    kinds = {"person": "Person", "organization": "Organization"}
    for key, purpose in (("actor", "identifying"), ("said_by", "linking")):
        if key not in ref:
            continue
        actor = actors[ref[key]]
        sources = [b["source"] for b in by_purpose.get(purpose, []) if b.get("type") == "SpecificResource"]
        ok = any(s.get("name") == actor["name"] and s.get("type") == kinds.get(actor.get("kind", "person")) and ":" in s.get("id", "") for s in sources)
        check(f"W3C {key} of {ref['id'][:8]}: a body with purpose {purpose} names {actor['name']}", ok)
    verdict = ref.get("review", {}).get("verdict")
    if verdict:
        ok = any(b.get("value", "").startswith(verdict) for b in by_purpose.get("assessing", []))
        check(f"W3C verdict of {ref['id'][:8]} is an assessing body", ok)


def check_spacy(path, reference):
    import spacy

    with open(path, encoding="utf-8") as f:
        lines = [json.loads(l) for l in f if l.strip()]
    check("doccano: one line per article", len(lines) == 1)
    nlp = spacy.blank("xx")
    doc = nlp(lines[0]["text"])
    for (start, end, label), ref in zip(lines[0]["label"], reference["annotations"]):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        ok = span is not None and doc.text[start:end] == ref["exact"] and label == ref["label"]
        check(f"spaCy char_span {start}:{end} {label}", ok)


def check_label_studio(path, config_path, reference):
    with open(path, encoding="utf-8") as f:
        tasks = json.load(f)
    labels = {l.get("value") for l in ET.parse(config_path).getroot().iter("Label")}
    text = tasks[0]["data"]["text"]
    check("Label Studio: the task's text is the article", text == reference["article"]["text"])
    results = tasks[0]["annotations"][0]["result"]
    relations = [r for r in results if r.get("type") == "relation"]
    spans = {r["id"]: r for r in results if r.get("type") != "relation"}
    declared = {r.get("value") for r in ET.parse(config_path).getroot().iter("Relation")}
    for r in relations:
        # A quote or claim points at a mention (an actor span) of who said it.
        actor = [l["name"] for l in reference["labels"] if l["id"] == "actor"]
        ok = r["from_id"] in spans and spans.get(r["to_id"], {}).get("value", {}).get("labels") == actor
        ok = ok and all(l in declared for l in r["labels"])
        check(f"Label Studio relation {r['from_id'][:8]} -> {r['to_id'][:8]}: both ends exist, label in config", ok)
    for r in spans.values():
        v = r["value"]
        ok = text[v["start"]:v["end"]] == v["text"] and r["from_name"] == "label" and r["to_name"] == "text"
        ok = ok and all(l in labels for l in v["labels"])
        check(f"Label Studio result {r['id'][:8]} on the right text, label in config", ok)


def check_brat(path, reference):
    z = zipfile.ZipFile(path)
    names = z.namelist()
    txt = [n for n in names if n.endswith(".txt")][0]
    ann = [n for n in names if n.endswith(".ann")][0]
    text = z.read(txt).decode("utf-8")
    check("brat: .txt is the exact article", text == reference["article"]["text"])
    conf = z.read("annotation.conf").decode("utf-8")
    entities = conf.split("[entities]")[1].split("[")[0].split()
    lines = z.read(ann).decode("utf-8").splitlines()
    t_lines = [l for l in lines if l.startswith("T")]
    check("brat: one T line per annotation", len(t_lines) == len(reference["annotations"]))
    t_ids = {l.split("\t")[0] for l in t_lines}
    relations = conf.split("[relations]")[1].split("[")[0]
    declared = {l.split()[0] for l in relations.splitlines() if l.strip() and not l.startswith("#")}
    for line in lines:
        if line.startswith("R"):
            rid, middle = line.split("\t")
            kind, *args = middle.split(" ")
            ok = kind in declared and [a.split(":")[0] for a in args] == ["Arg1", "Arg2"] and all(a.split(":")[1] in t_ids for a in args)
            check(f"brat {rid}: a declared relation between two T lines", ok)
        elif line.startswith("*"):
            kind, *members = line.split("\t")[1].split(" ")
            check(f"brat equivalence {kind}: declared, between T lines", kind in declared and len(members) > 1 and set(members) <= t_ids)
    for line in t_lines:
        tid, middle, quoted = line.split("\t")
        kind, offsets = middle.split(" ", 1)
        frags = [text[int(a):int(b)] for a, b in (f.split(" ") for f in offsets.split(";"))]
        check(f"brat {tid}: fragments slice to its text, type declared", " ".join(frags) == quoted and kind in entities)


def check_csv(path, reference):
    with open(path, "rb") as f:
        raw = f.read()
    check("CSV starts with a UTF-8 BOM", raw.startswith(b"\xef\xbb\xbf"))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    text = reference["article"]["text"]
    check("CSV: one row per annotation", len(rows) == len(reference["annotations"]))
    for row, ref in zip(rows, reference["annotations"]):
        exact = row["exact"][1:] if row["exact"].startswith("'") and not text[int(row["start"]):].startswith("'") else row["exact"]
        ok = text[int(row["start"]):int(row["end"])] == exact == ref["exact"] and row["id"] == ref["id"] and row["label"] == ref["label"]
        # Actors by name; a leading apostrophe guards a name a spreadsheet would run as a formula.
        names = {a["id"]: a["name"] for a in reference.get("actors", [])}
        for key in ("actor", "said_by"):
            cell = row[key][1:] if row[key].startswith("'") else row[key]
            ok = ok and cell == names.get(ref.get(key), "")
        ok = ok and row["verdict"] == ref.get("review", {}).get("verdict", "")
        check(f"CSV row {row['id'][:8]}", ok)


def check_annota_schema(path):
    import jsonschema

    with open(os.path.join(ROOT, "schema", "annota.v2.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = [f"{'/'.join(map(str, e.path))}: {e.message[:160]}" for e in v.iter_errors(doc)]
    check("Annota JSON: valid against schema/annota.v2.schema.json", not errors, "; ".join(errors[:3]))


def check_claimreview(path, reference):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    check("ClaimReview: @context is https://schema.org", doc.get("@context") == "https://schema.org")
    graph = doc.get("@graph", [])
    text = reference["article"]["text"]
    reviewed = [a for a in reference["annotations"] if a["label"] == "claim" and a.get("review", {}).get("verdict")]
    check("ClaimReview: one per claim with a verdict", len(graph) == len(reviewed), f"{len(graph)} for {len(reviewed)}")
    settings = reference.get("settings", {})
    organisation = settings.get("organisation", "").strip()
    ratings = [v["rating"] for v in settings.get("verdicts", []) if "rating" in v]
    for item, ref in zip(graph, reviewed):
        rating = item.get("reviewRating", {})
        claim = item.get("itemReviewed", {})
        ok = item.get("@type") == "ClaimReview" and item.get("claimReviewed") == ref["exact"] == "".join(list(text)[ref["start"]:ref["end"]])
        ok = ok and rating.get("@type") == "Rating" and rating.get("alternateName") == ref["review"]["verdict"]
        ok = ok and claim.get("@type") == "Claim" and bool(claim.get("appearance", {}).get("headline"))
        date = item.get("datePublished", "")
        ok = ok and len(date) == 10 and date[4] == date[7] == "-"
        if organisation:
            ok = ok and item.get("author", {}).get("@type") == "Organization" and item["author"].get("name") == organisation
        if "ratingValue" in rating:
            # Numeric ratings come with both ends of the scale, which hold the value.
            best, worst, value = rating.get("bestRating"), rating.get("worstRating"), rating["ratingValue"]
            ok = ok and best == max(ratings) and worst == min(ratings) and worst <= value <= best
        check(f"ClaimReview of {ref['id'][:8]}: fields present, verdict and rating right", ok)


def main():
    directory = sys.argv[1]
    with open(one(directory, "*.annota.json"), encoding="utf-8") as f:
        reference = json.load(f)
    if not reference["annotations"]:
        raise SystemExit("the reference export has no annotations: nothing would be checked")
    check_annota_schema(one(directory, "*.annota.json"))
    check_w3c(one(directory, "*.w3c.jsonld"), reference)
    check_spacy(one(directory, "*.doccano.jsonl"), reference)
    check_label_studio(one(directory, "*.label-studio.json"), os.path.join(ROOT, "docs", "label-studio-config.xml"), reference)
    check_brat(one(directory, "*.brat.zip"), reference)
    check_csv(one(directory, "*.csv"), reference)
    check_claimreview(one(directory, "*.claimreview.jsonld"), reference)
    print(f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
