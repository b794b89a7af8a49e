// Document names and who may write them (docs/team-protocol.md, "Documents").
const ID = '[A-Za-z0-9_-]{1,64}';
const PATTERNS = [
  [new RegExp(`^lib/(${ID})/(index|config)$`), (m) => ({ lib: m[1], kind: m[2] })],
  [new RegExp(`^lib/(${ID})/article/(${ID})$`), (m) => ({ lib: m[1], kind: 'article', article: m[2] })],
  [new RegExp(`^lib/(${ID})/article/(${ID})/layer/(${ID})$`),
    (m) => ({ lib: m[1], kind: 'layer', article: m[2], layerMember: m[3] })],
];

/** Parses a document name: {lib, kind: index|config|article|layer, article?, layerMember?} or null. */
export function parseDocumentName(name) {
  if (typeof name !== 'string' || name.length > 300) return null;
  for (const [re, make] of PATTERNS) {
    const m = re.exec(name);
    if (m) return make(m);
  }
  return null;
}

/** May a member with `role` and id `mem` write the parsed document `doc`? */
export function mayWrite(role, mem, doc) {
  if (role === 'viewer') return false;
  switch (doc.kind) {
    case 'index':
    case 'config':
      return role === 'owner' || role === 'editor';
    case 'article':
      return role === 'owner' || role === 'editor' || role === 'annotator';
    case 'layer':
      return doc.layerMember === mem;
    default:
      return false;
  }
}
