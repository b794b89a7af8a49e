// Annota's team sync client: transports and persists the team library's Yjs documents, nothing
// more (docs/team-protocol.md). Each document is kept in IndexedDB (y-indexeddb) and loaded from it
// before the network is asked, so work done offline survives reloads and goes out on reconnect.
// All documents share one WebSocket to the Hocuspocus server. The Rust core interprets entries.
//
// Bundled by scripts/team.js (esbuild) into team/team.js, which the app imports only when a team
// library opens (src/bridge/team.rs).
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';

/** The origin of this client's own transactions: anything else is `fromRemote`. */
const LOCAL = Symbol('annota-local');
/** The key in y-indexeddb's own store under which a document's unconfirmed writes are counted. */
const PENDING_KEY = 'annota-pending';
const noop = () => {};

/**
 * Opens a team library. Returns at once; each document first loads from IndexedDB, then syncs.
 * @param {object} options
 * @param {string} options.server `ws://…` or `wss://…`
 * @param {string} options.token the member's token (sent to the server, never stored here)
 * @param {string} options.member the member id: local copies are kept per member and server
 * @param {string[]} [options.docs] documents to open now
 * @param {(doc: string, added: [string, string][], removed: string[], fromRemote: boolean) => void} [options.onEntries]
 * @param {(doc: string, text: string, hash: string) => void} [options.onText]
 * @param {(status: {state: string, pending: number, reason: string|null, readOnly: boolean}) => void} [options.onStatus]
 * @param {(doc: string, peers: {clientId: number, user: any, selected: any}[]) => void} [options.onPresence]
 * @param {any} [options.WebSocketPolyfill] a WebSocket class where there is no global one (Node)
 * @param {string} [options.storagePrefix] prefix of the IndexedDB database names
 */
export function open(options) {
  const { server, token } = options;
  if (typeof server !== 'string' || !/^wss?:\/\//.test(server)) throw new Error(`not a ws:// or wss:// server: ${server}`);
  const member = typeof options.member === 'object' && options.member ? options.member.member : options.member;
  // Every callback runs in a microtask, never inside a call into this module (the Rust side may
  // hold a borrow across `write`), and never after `close`.
  const later = (f) => (f ? (...args) => queueMicrotask(() => { if (!closed) f(...args); }) : noop);
  const on = {
    entries: later(options.onEntries),
    text: later(options.onText),
    status: later(options.onStatus),
    presence: later(options.onPresence),
  };
  const prefix = `${options.storagePrefix || 'annota-team'}:${member || '-'}@${server}:`;
  const socket = new HocuspocusProviderWebsocket({
    url: server,
    WebSocketPolyfill: options.WebSocketPolyfill,
    // Retry forever, but at most every 10 s, so a server back up is seen soon.
    maxDelay: 10000,
  });
  /** @type {Map<string, Doc>} */
  const docs = new Map();
  let socketState = 'connecting';
  let failedSinceConnected = false;
  let closed = false;
  let lastStatus = '';

  function status() {
    if (closed) return;
    let refused = null;
    let pending = 0;
    let allSynced = true;
    let readOnly = false;
    for (const d of docs.values()) {
      pending += d.pending;
      if (d.refused !== null && refused === null) refused = d.refused;
      if (!d.provider || !d.provider.isSynced || d.provider.unsyncedChanges > 0 || d.pending > 0) allSynced = false;
      if (d.readOnly) readOnly = true;
    }
    let state;
    if (refused !== null) state = 'refused';
    else if (socketState === 'connected') state = allSynced ? 'synced' : 'pending';
    else state = failedSinceConnected ? 'offline' : 'connecting';
    const value = { state, pending, reason: refused, readOnly };
    const key = JSON.stringify(value);
    if (key === lastStatus) return;
    lastStatus = key;
    on.status(value);
  }

  socket.on('status', ({ status: s }) => {
    socketState = s;
    if (s === 'connected') failedSinceConnected = false;
    if (s === 'disconnected') failedSinceConnected = true;
    status();
  });
  socket.on('close', () => {
    failedSinceConnected = true;
    status();
  });

  class Doc {
    constructor(name) {
      this.name = name;
      this.ydoc = new Y.Doc();
      this.entries = this.ydoc.getMap('entries');
      this.textMap = this.ydoc.getMap('text');
      this.pending = 0;
      this.refused = null;
      this.readOnly = false;
      this.provider = null;
      this.textSent = null;
      this.entries.observe((event, tx) => {
        const added = [];
        const removed = [];
        event.changes.keys.forEach((change, key) => {
          if (change.action === 'delete') removed.push(key);
          else added.push([key, this.entries.get(key)]);
        });
        if (added.length || removed.length) on.entries(name, added, removed, tx.origin !== LOCAL);
      });
      this.textMap.observe(() => this.emitText());
      this.persistence = new IndexeddbPersistence(prefix + name, this.ydoc);
      // Without IndexedDB (blocked, some private modes) the document still syncs, kept in memory only.
      const local = new Promise((resolve) => {
        this.persistence.whenSynced.then(resolve);
        this.persistence._db.catch(resolve);
      });
      this.loaded = Promise.all([
        local,
        this.persistence.get(PENDING_KEY).then((n) => { this.pending += Number(n) || 0; }, noop),
      ]).then(() => this.connect());
    }

    emitText() {
      const text = this.textMap.get('text');
      const hash = this.textMap.get('hash');
      if (typeof text !== 'string' || typeof hash !== 'string') return;
      const seen = `${hash}\u0000${text.length}`;
      if (this.textSent === seen) return;
      this.textSent = seen;
      on.text(this.name, text, hash);
    }

    connect() {
      if (this.destroyed) return;
      const provider = new HocuspocusProvider({ name: this.name, document: this.ydoc, token, websocketProvider: socket });
      this.provider = provider;
      const check = () => {
        // Everything this client wrote is on the server once the handshake is done and every
        // update sent since has been acknowledged: the unconfirmed count starts again from zero.
        if (provider.isSynced && provider.unsyncedChanges === 0 && socketState === 'connected' && this.pending > 0 && !this.readOnly) {
          this.setPending(0);
        }
        status();
      };
      provider.on('synced', check);
      provider.on('unsyncedChanges', check);
      provider.on('authenticated', ({ scope }) => {
        this.refused = null;
        this.readOnly = scope === 'readonly';
        check();
      });
      provider.on('authenticationFailed', ({ reason }) => {
        // The local copy stays as it is: nothing is discarded on a refusal.
        this.refused = reason || 'refused';
        status();
      });
      provider.on('awarenessChange', () => this.emitPresence());
      // The server closed this document but not the socket (it does so for every document when it
      // shuts down, and may on a revocation): ask again after a moment, which re-authenticates.
      provider.on('close', () => {
        status();
        if (socket.status !== 'connected' || this.destroyed || this.retry) return;
        this.retry = setTimeout(() => {
          this.retry = null;
          if (this.destroyed || socket.status !== 'connected') return;
          provider.detach();
          provider.attach();
        }, 1000);
      });
      provider.attach();
      status();
    }

    emitPresence() {
      const awareness = this.provider && this.provider.awareness;
      if (!awareness) return;
      const peers = [];
      awareness.getStates().forEach((state, clientId) => {
        if (clientId === this.ydoc.clientID || !state || !state.user) return;
        peers.push({ clientId, user: state.user, selected: state.selected === undefined ? null : state.selected });
      });
      on.presence(this.name, peers);
    }

    setPending(n) {
      this.pending = n;
      this.persistence.set(PENDING_KEY, n).catch(noop);
    }

    destroy() {
      this.destroyed = true;
      clearTimeout(this.retry);
      if (this.provider) this.provider.destroy();
      const done = this.persistence.destroy();
      this.ydoc.destroy();
      return done;
    }
  }

  function docOf(name) {
    const d = docs.get(name);
    if (!d) throw new Error(`team document not open: ${name}`);
    return d;
  }

  const handle = {
    /** Opens a document (loads it from IndexedDB, then syncs); opening an open one does nothing. */
    openDoc(name) {
      if (closed) throw new Error('team library closed');
      if (!docs.has(name)) docs.set(name, new Doc(name));
      status();
      return docs.get(name).loaded;
    },
    /** Stops syncing a document; its local copy stays in IndexedDB. */
    closeDoc(name) {
      const d = docs.get(name);
      if (!d) return Promise.resolve();
      docs.delete(name);
      status();
      return d.destroy();
    },
    /** Resolves once the document has been loaded from IndexedDB (and the sync started). */
    whenLoaded(name) {
      return docOf(name).loaded;
    },
    /** One transaction: `puts` ([key, json] pairs; a key already present is left as it is, keys
     * are written once) and `deletes` (keys). Counts as one pending change until confirmed. */
    write(name, puts, deletes) {
      const d = docOf(name);
      let changed = false;
      d.ydoc.transact(() => {
        for (const [key, json] of puts || []) {
          if (typeof key !== 'string' || typeof json !== 'string') throw new TypeError('entries are [string, string] pairs');
          if (!d.entries.has(key)) { d.entries.set(key, json); changed = true; }
        }
        for (const key of deletes || []) {
          if (d.entries.has(key)) { d.entries.delete(key); changed = true; }
        }
      }, LOCAL);
      if (changed) d.setPending(d.pending + 1);
      status();
      return changed;
    },
    /** Writes an article's text and hash, only if the document has no text yet. */
    putText(name, text, hash) {
      const d = docOf(name);
      if (d.textMap.has('text')) return false;
      d.ydoc.transact(() => {
        d.textMap.set('text', text);
        d.textMap.set('hash', hash);
      }, LOCAL);
      d.setPending(d.pending + 1);
      status();
      return true;
    },
    /** The document's entries as [key, json] pairs (what onEntries has reported so far). */
    entries(name) {
      return Array.from(docOf(name).entries.entries());
    },
    /** This client's presence on a document: `{user: {member, name, color}, selected}`. */
    setPresence(name, presence) {
      const d = docOf(name);
      const state = { user: presence.user, selected: presence.selected === undefined ? null : presence.selected };
      if (d.provider && d.provider.awareness) d.provider.awareness.setLocalState(state);
      else d.loaded.then(() => d.provider && d.provider.awareness && d.provider.awareness.setLocalState(state));
    },
    /** Writes not yet confirmed by the server, over every open document (kept across reloads). */
    pendingCount() {
      let n = 0;
      for (const d of docs.values()) n += d.pending;
      return n;
    },
    /** Closes every document and the connection; local copies stay. */
    close() {
      if (closed) return Promise.resolve();
      const all = Array.from(docs.values()).map((d) => d.destroy());
      docs.clear();
      closed = true;
      socket.destroy();
      // A retry timer started before the close would otherwise open a new socket afterwards.
      socket.connect = () => Promise.resolve();
      socket.shouldConnect = false;
      return Promise.all(all).then(noop);
    },
  };
  for (const name of options.docs || []) handle.openDoc(name);
  status();
  return handle;
}

/** Deletes the local copy of a document (for leaving a library). */
export function forget({ server, member, storagePrefix }, name) {
  const prefix = `${storagePrefix || 'annota-team'}:${member || '-'}@${server}:`;
  return new IndexeddbPersistence(prefix + name, new Y.Doc()).clearData();
}

/**
 * Calls the sync server's HTTP API (docs/team-protocol.md): resolves to the parsed JSON answer,
 * rejects with the server's reason (its `error` field) or the HTTP status.
 */
export async function api(base, method, path, token, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined && body !== null) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(base + path, { method, headers, body: body ?? undefined, credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (e) {
    throw new Error(`the sync server at ${base} cannot be reached`);
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: reported below */ }
  if (!response.ok) throw new Error((json && (json.error || json.reason)) || `HTTP ${response.status}`);
  if (json === null) throw new Error('the sync server answered with no JSON');
  return JSON.stringify(json);
}

/**
 * `open` for the Rust bridge (src/bridge/team.rs, through web/team/load.js): `options` is the JSON
 * of open()'s plain options, and every callback reaches `report` as one JSON string,
 * `[kind, ...arguments]` with kind `entries`, `text`, `status` or `presence`. One callback of one
 * type keeps the app's own glue code small.
 */
export function openJson(options, report) {
  const send = (kind) => (...args) => report(JSON.stringify([kind, ...args]));
  return open({
    ...JSON.parse(options),
    onEntries: send('entries'),
    onText: send('text'),
    onStatus: send('status'),
    onPresence: send('presence'),
  });
}
