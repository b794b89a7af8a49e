// Checks WCAG contrast of the stylesheet's colour pairs in both themes: text needs 4.5:1 (AA),
// the focus ring 3:1. Colours come from the variables in styles/app.css (the `:root` block and the
// dark one), highlights are composited as the article draws them: label colours at alpha .32, one to
// three layers over the paper, and for two or more layers the --mark-veil over them; each label's
// underline (non-text, 3:1) on the paper. Usage: node scripts/contrast.js   (exits 1 if a pair fails)
const fs = require('fs');

const css = fs.readFileSync('styles/app.css', 'utf8');
// The palette of src/model/labels.rs (defaults first, then the colours new labels get) and the grey
// of a label missing from the set.
const LABELS = { claim: '#d55e00', quote: '#0072b2', actor: '#009e73', new4: '#b8407f', new5: '#997700', new6: '#777777', unknown: '#999999' };
const HIGHLIGHT_ALPHA = 0.28; // src/app/pattern.rs

function vars(block) {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}
const light = vars(css.match(/:root\s*{([^}]*)}/)[1]);
const dark = { ...light, ...vars(css.match(/prefers-color-scheme: dark\)\s*{\s*:root\s*{([^}]*)}/)[1]) };

/** [r, g, b, a] with r, g, b in 0..255. */
function parse(c) {
  let m = c.match(/^#([0-9a-f]{6})$/i);
  if (m) return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16)).concat(1);
  if (c === 'transparent') return [0, 0, 0, 0];
  m = c.match(/^rgba?\(([^)]+)\)$/);
  if (m) { const p = m[1].split(',').map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; }
  throw new Error(`cannot parse colour ${c}`);
}
const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
const mix = (a, b, share) => [0, 1, 2].map((i) => a[i] * share + b[i] * (1 - share)).concat(1); // color-mix in srgb
function luminance([r, g, b]) {
  const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function ratio(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

function pairs(v) {
  const c = (name) => parse(v[name]);
  const paper = c('paper');
  const canvas = c('canvas');
  const list = [
    ['text on paper', c('ink'), paper],
    ['text on canvas', c('ink'), canvas],
    ['muted on paper', c('muted'), paper],
    ['muted on canvas', c('muted'), canvas],
    ['text on toolbar', c('ink'), over(c('toolbar-bg'), canvas)],
    ['button on accent', c('on-accent'), c('accent')],
    ['danger on paper', c('danger'), paper],
    ['text on info notice', c('ink'), c('info-bg')],
    ['text on warning notice', c('ink'), c('warning-bg')],
    ['text on error notice', c('ink'), c('error-bg')],
    ['text on current entry', c('ink'), c('current-bg')],
    ['muted on current entry', c('muted'), c('current-bg')],
    ['text on active option', c('ink'), c('active-bg')],
    ['muted on said-by chip', c('muted'), c('said-by-bg')],
    ['text on flash', c('ink'), over(c('flash'), paper)],
    ['focus ring on paper', c('focus'), paper, 3],
    ['focus ring on canvas', c('focus'), canvas, 3],
  ];
  const names = Object.keys(LABELS);
  for (const name of names) {
    const label = parse(LABELS[name]);
    list.push([`text on ${name} chip`, c('ink'), mix(label, c('tint-base'), 0.35)]);
    list.push([`text on pressed ${name} button`, c('ink'), mix(label, c('tint-base'), 0.30)]);
    if (name !== 'unknown') list.push([`${name} underline on paper`, label, paper, 3]);
  }
  // Highlights: every one, two and three layer stack of the three labels (darkest and lightest matter).
  const layer = (name) => { const [r, g, b] = parse(LABELS[name]); return [r, g, b, HIGHLIGHT_ALPHA]; };
  const stacks = [];
  for (const a of names) { stacks.push([a]); for (const b of names) { stacks.push([a, b]); for (const d of names) stacks.push([a, b, d]); } }
  for (const stack of stacks) {
    const layers = stack.reduce((under, name) => over(layer(name), under), paper);
    const bg = stack.length > 1 ? over(c('mark-veil'), layers) : layers;
    list.push([`text on highlight ${stack.join('+')}`, c('ink'), bg]);
  }
  return list.map(([name, fg, bg, min = 4.5]) => ({ name, ratio: ratio(fg, bg), min }));
}

let failed = 0;
for (const [theme, v] of [['light', light], ['dark', dark]]) {
  const results = pairs(v);
  const shown = results.filter((r) => !r.name.startsWith('text on highlight'));
  const highlights = results.filter((r) => r.name.startsWith('text on highlight'));
  const worst = highlights.reduce((a, b) => (a.ratio < b.ratio ? a : b));
  console.log(`\n${theme}`);
  for (const r of [...shown, { ...worst, name: `${worst.name} (lowest of ${highlights.length} stacks)` }]) {
    const ok = r.ratio >= r.min;
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${r.ratio.toFixed(2).padStart(6)}:1 (≥ ${r.min})  ${r.name}`);
  }
  failed += results.filter((r) => r.ratio < r.min).length;
}
console.log(failed ? `\n${failed} pairs below WCAG AA` : '\nall pairs meet WCAG AA');
process.exit(failed ? 1 : 0);
