// The store: libraries and their members, and the Yjs documents' states.
// Files in a data folder (one machine) or PostgreSQL tables (several nodes share them).
// admin.js uses the same classes, so it works without the server; a running server polls the store.
import fs from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { newId, now, ID_RE } from './token.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Merges a stored state with a new one, so a node that has not yet seen a change never erases it. */
function mergeStates(old, state) {
  if (!old || old.length === 0) return Buffer.from(state);
  return Buffer.from(Y.mergeUpdates([new Uint8Array(old), new Uint8Array(state)]));
}

function checkId(id, what) {
  if (typeof id !== 'string' || !ID_RE.test(id)) throw new Error(`invalid ${what} id`);
}

export class FileStore {
  constructor(dir) {
    this.dir = path.resolve(dir);
    this.libDir = path.join(this.dir, 'libraries');
    this.docDir = path.join(this.dir, 'docs');
    this.kind = 'files';
  }

  async init() {
    await fs.mkdir(this.libDir, { recursive: true, mode: 0o700 });
    await fs.mkdir(this.docDir, { recursive: true, mode: 0o700 });
  }

  libFile(lib) { checkId(lib, 'library'); return path.join(this.libDir, `${lib}.json`); }

  docFile(name) { return path.join(this.docDir, `${encodeURIComponent(name)}.ydoc`); }

  async writeAtomic(file, data) {
    const tmp = `${file}.${process.pid}.${newId(6)}.tmp`;
    await fs.writeFile(tmp, data, { mode: 0o600 });
    await fs.rename(tmp, file);
  }

  /** Runs fn while holding a lock on `key` (a directory made with mkdir: atomic across processes). */
  async withLock(key, fn) {
    const lock = path.join(this.dir, `${key}.lock`);
    for (let i = 0; ; i++) {
      try {
        await fs.mkdir(lock);
        break;
      } catch (e) {
        if (e.code !== 'EEXIST') throw e;
        try {
          const st = await fs.stat(lock);
          if (Date.now() - st.mtimeMs > 10_000) { await fs.rm(lock, { recursive: true, force: true }); continue; }
        } catch { continue; }
        if (i > 500) throw new Error(`store lock ${key} held too long`);
        await sleep(10);
      }
    }
    try { return await fn(); } finally { await fs.rm(lock, { recursive: true, force: true }); }
  }

  async readLib(lib) {
    try {
      return JSON.parse(await fs.readFile(this.libFile(lib), 'utf8'));
    } catch (e) {
      if (e.code === 'ENOENT') return null;
      throw e;
    }
  }

  async createLibrary(name, ownerName = 'Owner') {
    const library = newId(9);
    const owner = { member: newId(9), role: 'owner', name: String(ownerName), created: now(), revoked: null };
    const rec = { library, name: String(name), created: now(), members: [owner] };
    await this.withLock(`lib-${library}`, () => this.writeAtomic(this.libFile(library), JSON.stringify(rec, null, 1)));
    return { library, name: rec.name, created: rec.created, owner };
  }

  async getLibrary(lib) {
    if (!ID_RE.test(lib ?? '')) return null;
    const rec = await this.readLib(lib);
    return rec && { library: rec.library, name: rec.name, created: rec.created };
  }

  async addMember(lib, { role, name }) {
    return this.withLock(`lib-${lib}`, async () => {
      const rec = await this.readLib(lib);
      if (!rec) throw new Error('unknown library');
      const m = { member: newId(9), role, name: String(name ?? role), created: now(), revoked: null };
      rec.members.push(m);
      await this.writeAtomic(this.libFile(lib), JSON.stringify(rec, null, 1));
      return m;
    });
  }

  async listMembers(lib) {
    if (!ID_RE.test(lib ?? '')) return null;
    const rec = await this.readLib(lib);
    return rec ? rec.members : null;
  }

  async getMember(lib, mem) {
    const members = await this.listMembers(lib);
    return members?.find((m) => m.member === mem) ?? null;
  }

  async revokeMember(lib, mem) {
    return this.withLock(`lib-${lib}`, async () => {
      const rec = await this.readLib(lib);
      const m = rec?.members.find((x) => x.member === mem);
      if (!m) return false;
      if (!m.revoked) m.revoked = now();
      await this.writeAtomic(this.libFile(lib), JSON.stringify(rec, null, 1));
      return true;
    });
  }

  async fetchDocument(name) {
    try {
      return new Uint8Array(await fs.readFile(this.docFile(name)));
    } catch (e) {
      if (e.code === 'ENOENT') return null;
      throw e;
    }
  }

  async storeDocument(name, state) {
    const file = this.docFile(name);
    await this.withLock(`doc-${encodeURIComponent(name)}`, async () => {
      let old = null;
      try { old = await fs.readFile(file); } catch (e) { if (e.code !== 'ENOENT') throw e; }
      await this.writeAtomic(file, mergeStates(old, state));
    });
  }

  async close() {}
}

export class PgStore {
  constructor(url) {
    this.url = url;
    this.kind = 'postgres';
  }

  async init() {
    const { default: pg } = await import('pg');
    this.pool = new pg.Pool({ connectionString: this.url, max: 5 });
    this.pool.on('error', (e) => console.error('[store] postgres pool error:', e.message));
    // One statement per query; IF NOT EXISTS lets several nodes and admin.js start at once
    // (a lost race on CREATE is retried once).
    const ddl = [
      `CREATE TABLE IF NOT EXISTS annota_libraries (
         library text PRIMARY KEY, name text NOT NULL, created bigint NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS annota_members (
         library text NOT NULL REFERENCES annota_libraries(library), member text NOT NULL,
         role text NOT NULL, name text NOT NULL, created bigint NOT NULL, revoked bigint,
         PRIMARY KEY (library, member))`,
      `CREATE TABLE IF NOT EXISTS annota_documents (
         name text PRIMARY KEY, state bytea NOT NULL, updated timestamptz NOT NULL DEFAULT now())`,
    ];
    for (const q of ddl) {
      try { await this.pool.query(q); } catch (e) {
        if (e.code === '23505' || e.code === '42P07') await this.pool.query(q); else throw e;
      }
    }
  }

  async createLibrary(name, ownerName = 'Owner') {
    const library = newId(9);
    const owner = { member: newId(9), role: 'owner', name: String(ownerName), created: now(), revoked: null };
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO annota_libraries (library, name, created) VALUES ($1, $2, $3)',
        [library, String(name), now()]);
      await client.query('INSERT INTO annota_members (library, member, role, name, created) VALUES ($1,$2,$3,$4,$5)',
        [library, owner.member, owner.role, owner.name, owner.created]);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    return { library, name: String(name), created: now(), owner };
  }

  async getLibrary(lib) {
    if (!ID_RE.test(lib ?? '')) return null;
    const r = await this.pool.query('SELECT library, name, created FROM annota_libraries WHERE library = $1', [lib]);
    return r.rows[0] ? { ...r.rows[0], created: Number(r.rows[0].created) } : null;
  }

  async addMember(lib, { role, name }) {
    if (!(await this.getLibrary(lib))) throw new Error('unknown library');
    const m = { member: newId(9), role, name: String(name ?? role), created: now(), revoked: null };
    await this.pool.query('INSERT INTO annota_members (library, member, role, name, created) VALUES ($1,$2,$3,$4,$5)',
      [lib, m.member, m.role, m.name, m.created]);
    return m;
  }

  static row(r) {
    return { member: r.member, role: r.role, name: r.name, created: Number(r.created),
      revoked: r.revoked === null ? null : Number(r.revoked) };
  }

  async listMembers(lib) {
    if (!(await this.getLibrary(lib))) return null;
    const r = await this.pool.query(
      'SELECT member, role, name, created, revoked FROM annota_members WHERE library = $1 ORDER BY created, member', [lib]);
    return r.rows.map(PgStore.row);
  }

  async getMember(lib, mem) {
    const r = await this.pool.query(
      'SELECT member, role, name, created, revoked FROM annota_members WHERE library = $1 AND member = $2', [lib, mem]);
    return r.rows[0] ? PgStore.row(r.rows[0]) : null;
  }

  async revokeMember(lib, mem) {
    const r = await this.pool.query(
      'UPDATE annota_members SET revoked = COALESCE(revoked, $3) WHERE library = $1 AND member = $2', [lib, mem, now()]);
    return r.rowCount > 0;
  }

  async fetchDocument(name) {
    const r = await this.pool.query('SELECT state FROM annota_documents WHERE name = $1', [name]);
    return r.rows[0] ? new Uint8Array(r.rows[0].state) : null;
  }

  async storeDocument(name, state) {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Lock the row (or, for a new document, the name) so two nodes merge rather than overwrite.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
      const r = await client.query('SELECT state FROM annota_documents WHERE name = $1', [name]);
      const merged = mergeStates(r.rows[0]?.state ?? null, state);
      await client.query(
        `INSERT INTO annota_documents (name, state, updated) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, updated = now()`, [name, merged]);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async close() { await this.pool?.end(); }
}

export async function openStore({ data, postgres }) {
  const store = postgres ? new PgStore(postgres) : new FileStore(data);
  await store.init();
  return store;
}
