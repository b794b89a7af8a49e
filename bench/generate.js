// Deterministic articles and annotations for the benchmark, written as Annota JSON (loaded through
// the app's real Import) plus two static floors: plain paragraphs, and every annotation as <mark>.
//   S = 50,000 characters / 500 annotations, M = 500,000 / 5,000, L = 1,000,000 / 10,000.
// Mixed Arabic and Latin paragraphs with emoji and diacritics; about 10% of annotations overlap another.
const fs = require('fs');
const path = require('path');

const SIZES = { S: [50_000, 500], M: [500_000, 5_000], L: [1_000_000, 10_000] };

function rng(seed) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const ARABIC = 'قال وزير الخارجية الروسي إن المحادثات مع نظيره الإيراني تناولت العلاقات الثنائية والوضع في غزة وضرورة وقف إطلاق النار وإرسال المساعدات الإنسانية إلى السكان'.split(' ');
const HARAKAT = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652'];
const LATIN = 'the minister said that talks with his counterpart covered bilateral relations the situation in Gaza and the need for a ceasefire and humanitarian aid'.split(' ');
const EMOJI = ['😀', '🇮🇷', '🇷🇺', '👍🏽', '👨‍👩‍👧', '📰'];

function article(chars, random) {
  const paragraphs = [];
  let total = 0;
  while (total < chars) {
    const arabic = random() < 0.7;
    const words = [];
    const n = 25 + Math.floor(random() * 50);
    for (let i = 0; i < n; i++) {
      let w = arabic ? ARABIC[Math.floor(random() * ARABIC.length)] : LATIN[Math.floor(random() * LATIN.length)];
      if (arabic && random() < 0.15) w = w.slice(0, 1) + HARAKAT[Math.floor(random() * HARAKAT.length)] + w.slice(1);
      if (random() < 0.03) w += ' ' + EMOJI[Math.floor(random() * EMOJI.length)];
      words.push(w);
    }
    const p = words.join(' ') + (arabic ? '.' : '.');
    paragraphs.push(p);
    total += Array.from(p).length + 2;
  }
  return paragraphs.join('\n\n');
}

function generate(name, seed = 42) {
  const [chars, count] = SIZES[name];
  const random = rng(seed + chars);
  const text = article(chars, random);
  const cps = Array.from(text);
  // Word starts (code-point offsets), to make spans that begin and end on words.
  const starts = [];
  for (let i = 0; i < cps.length; i++) if ((i === 0 || cps[i - 1] === ' ' || cps[i - 1] === '\n') && cps[i] !== ' ' && cps[i] !== '\n') starts.push(i);
  const wordEnd = (i) => { let j = i; while (j < cps.length && cps[j] !== ' ' && cps[j] !== '\n') j++; return j; };
  const labels = ['claim', 'quote', 'actor'];
  const annotations = [];
  const stride = Math.floor(starts.length / count);
  for (let k = 0; k < count; k++) {
    let start, end;
    const base = starts[k * stride];
    if (k % 10 === 9 && annotations.length) {
      // Overlap the previous annotation: start inside it, end a few words after it.
      const prev = annotations[annotations.length - 1];
      start = prev.start + Math.max(1, Math.floor((prev.end - prev.start) / 2));
      const after = starts.find((s) => s >= prev.end) ?? prev.end;
      end = wordEnd(after);
      while (cps[start] === ' ') start++;
    } else {
      start = base;
      let w = starts.indexOf(base);
      end = wordEnd(starts[Math.min(w + Math.floor(random() * 3), starts.length - 1)]);
    }
    if (end <= start) end = wordEnd(start);
    if (cps.slice(start, end).some((c) => c === '\n')) end = start + cps.slice(start, end).indexOf('\n');
    if (end <= start) continue;
    const t = new Date(Date.UTC(2026, 10, 29, 7, 0, k % 60)).toISOString();
    annotations.push({ id: `bench-${k}`, label: labels[k % 3], start, end, exact: cps.slice(start, end).join(''), note: '', created: t, modified: t });
  }
  const file = {
    format: 'annota', version: 1, offset_unit: 'codepoint',
    article: { id: `bench-${name}`, title: `Benchmark ${name}`, text },
    labels: [
      { id: 'claim', name: 'Claim', color: '#f6b73c', hotkey: '1' },
      { id: 'quote', name: 'Quote', color: '#6cb6ff', hotkey: '2' },
      { id: 'actor', name: 'Actor', color: '#5fd38d', hotkey: '3' },
    ],
    annotations,
  };
  return { file, text, annotations };
}

function escape(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The floors: the same paragraphs as static HTML, without and with every annotation as a <mark>. */
function floors(text, annotations) {
  const cps = Array.from(text);
  const paragraphs = [];
  let start = 0;
  for (let i = 0; i <= cps.length; i++) {
    if (i === cps.length || cps[i] === '\n') { if (i > start) paragraphs.push([start, i]); start = i + 1; }
  }
  const head = '<!doctype html><meta charset="utf-8"><style>body{font:1.2rem/2 "Noto Naskh Arabic",serif;max-width:50rem;margin:auto}mark{background:rgba(246,183,60,.32)}</style><article>';
  const plain = head + paragraphs.map(([s, e]) => `<p dir="auto">${escape(cps.slice(s, e).join(''))}</p>`).join('\n') + '</article>';
  // Marks: cut each paragraph at every annotation edge, nest a <mark> per covering annotation.
  const sorted = [...annotations].sort((a, b) => a.start - b.start);
  let ai = 0;
  const marked = head + paragraphs.map(([s, e]) => {
    while (ai < sorted.length && sorted[ai].end <= s) ai++;
    const inside = [];
    for (let j = ai; j < sorted.length && sorted[j].start < e; j++) inside.push(sorted[j]);
    const cuts = new Set([s, e]);
    for (const a of inside) { if (a.start > s && a.start < e) cuts.add(a.start); if (a.end > s && a.end < e) cuts.add(a.end); }
    const points = [...cuts].sort((x, y) => x - y);
    let html = '';
    for (let k = 0; k + 1 < points.length; k++) {
      const [x, y] = [points[k], points[k + 1]];
      const depth = inside.filter((a) => a.start <= x && a.end >= y).length;
      html += '<mark>'.repeat(depth) + escape(cps.slice(x, y).join('')) + '</mark>'.repeat(depth);
    }
    return `<p dir="auto">${html}</p>`;
  }).join('\n') + '</article>';
  return { plain, marked };
}

function main() {
  const out = path.join(__dirname, 'out');
  fs.mkdirSync(out, { recursive: true });
  for (const name of Object.keys(SIZES)) {
    const { file, text, annotations } = generate(name);
    fs.writeFileSync(path.join(out, `${name}.annota.json`), JSON.stringify(file));
    const { plain, marked } = floors(text, annotations);
    fs.writeFileSync(path.join(out, `${name}.plain.html`), plain);
    fs.writeFileSync(path.join(out, `${name}.marks.html`), marked);
    const overlapping = annotations.filter((a, i) => i > 0 && a.start < annotations[i - 1].end).length;
    console.log(`${name}: ${Array.from(text).length} code points, ${annotations.length} annotations (${overlapping} overlap the one before)`);
  }
}

if (require.main === module) main();
module.exports = { generate, floors, SIZES };
