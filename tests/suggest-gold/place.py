#!/usr/bin/env python3
"""Fills in and checks the offsets of the gold files (code points, as Annota stores them).

A file's text is "text_file" (a path from the repository's root) or "text", its lines (joined by
line feeds, so the last one is empty when the text ends with a line break).

An item written with "quote" and no "start" is placed: at the quote's first occurrence inside the
text of "in" (which must occur exactly once, or give "nth", counted from 1), or at the quote's
"nth" occurrence when there is no "in". An item with offsets is checked against its quote.
Then the file is written back with one item per line. Run: python3 tests/suggest-gold/place.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def occurrences(text, s):
    at, out = text.find(s), []
    while at >= 0:
        out.append(at)
        at = text.find(s, at + 1)
    return out


def place(text, item, where):
    quote = item['quote']
    if 'start' in item:
        if text[item['start']:item['end']] != quote:
            sys.exit(f'{where}: {item["start"]}..{item["end"]} is {text[item["start"]:item["end"]]!r}, not {quote!r}')
        return item
    nth = item.pop('nth', 1)
    within = item.pop('in', None)
    if within is not None:
        found = occurrences(text, within)
        if len(found) != 1 and nth == 1:
            sys.exit(f'{where}: "in" {within!r} occurs {len(found)} times; give "nth"')
        base = found[nth - 1]
        start = base + within.index(quote)
    else:
        found = occurrences(text, quote)
        if len(found) < nth:
            sys.exit(f'{where}: {quote!r} occurs {len(found)} times')
        start = found[nth - 1]
    rest = {k: v for k, v in item.items() if k != 'quote'}
    return {'start': start, 'end': start + len(quote), 'quote': quote, **rest}


def dump(doc):
    lines = ['{']
    keys = list(doc)
    for n, key in enumerate(keys):
        comma = ',' if n + 1 < len(keys) else ''
        value = doc[key]
        if key == 'gold':
            lines.append(f'  "gold": {{')
            kinds = list(value)
            for m, kind in enumerate(kinds):
                items = value[kind]
                inner = ',\n'.join('      ' + json.dumps(i, ensure_ascii=False) for i in items)
                end = ',' if m + 1 < len(kinds) else ''
                lines.append(f'    "{kind}": [\n{inner}\n    ]{end}' if items else f'    "{kind}": []{end}')
            lines.append('  }' + comma)
        elif key == 'text':
            inner = ',\n'.join('    ' + json.dumps(line, ensure_ascii=False) for line in value)
            lines.append(f'  "text": [\n{inner}\n  ]{comma}')
        elif isinstance(value, list) and value:
            inner = ',\n'.join('    ' + json.dumps(i, ensure_ascii=False) for i in value)
            lines.append(f'  "{key}": [\n{inner}\n  ]{comma}')
        else:
            lines.append(f'  "{key}": {json.dumps(value, ensure_ascii=False)}{comma}')
    lines.append('}')
    return '\n'.join(lines) + '\n'


def main():
    for name in sorted(os.listdir(HERE)):
        if not name.endswith('.json'):
            continue
        path = os.path.join(HERE, name)
        with open(path, encoding='utf-8') as f:
            doc = json.load(f)
        if 'text_file' in doc:
            with open(os.path.join(ROOT, doc['text_file']), encoding='utf-8', newline='') as f:
                text = f.read()
        else:
            text = '\n'.join(doc['text'])
        doc['seeds'] = [place(text, s, f'{name} seed {s["quote"]!r}') for s in doc['seeds']]
        for kind, items in doc['gold'].items():
            doc['gold'][kind] = [place(text, i, f'{name} {kind} {i["quote"]!r}') for i in items]
        with open(path, 'w', encoding='utf-8') as f:
            f.write(dump(doc))
        counts = ', '.join(f'{k} {len(v)}' for k, v in doc['gold'].items())
        print(f'{name}: {len(doc["seeds"])} seeds; {counts}')


if __name__ == '__main__':
    main()
