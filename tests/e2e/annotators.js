// Two annotators of the Arabic sample, for the layers tests (Playwright's and the engines'): Rana's
// file is the annotated fixture; Omar's differs from it in one of each kind of way: a boundary
// moved, a label changed on the same span, a span dropped and one added.
const fs = require('fs');
const path = require('path');

const FIXTURE = path.join(__dirname, 'fixtures/sample-annotated.annota.json');
const cpSlice = (text, start, end) => Array.from(text).slice(start, end).join('');

function twoAnnotators() {
  const rana = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  const omar = JSON.parse(JSON.stringify(rana));
  const text = rana.article.text;
  const respan = (a, start, end) => Object.assign(a, { start, end, exact: cpSlice(text, start, end), prefix: undefined, suffix: undefined, utf16_start: undefined, utf16_end: undefined });
  const [claim, minister, hossein] = [omar.annotations[0], omar.annotations[1], omar.annotations[2]];
  respan(claim, claim.start, claim.end - 4); // a boundary difference
  minister.label = 'claim'; // a label disagreement (the same span)
  omar.annotations = omar.annotations.filter((a) => a !== hossein); // only in Rana's
  omar.annotations.push(respan({ id: 'omar-extra', label: 'quote', note: '', created: claim.created, modified: claim.modified }, 400, 430)); // only in Omar's
  return { rana, omar };
}

module.exports = { twoAnnotators };
