import type { EditorSession, JournalRecord, PackedHistory, SavedMediaRef } from '../core/editor/index.js';

/**
 * The timing editor's local store: one IndexedDB database, one object store.
 * Per editor (`storage-key`):
 * - `<key>`: the session snapshot (`SavedEditor`), rewritten now and then;
 * - `[<key>, seq]`: the journal, one small `JournalRecord` per write, the
 *   changes made since the snapshot (array keys sort after every string key,
 *   so they never collide with the others);
 * - `<key>:head`: the revision (`Head`), bumped by every write in the same
 *   transaction, so a tab that did not see the latest write cannot overwrite it;
 * - `<key>:media`: a local recording, so a reload can play it again without
 *   it ever leaving the machine;
 * - `<key>:damaged`, `<key>:damaged-journal`: records that could not be read, kept aside.
 */

const DB = 'cueline-editor';
const STORE = 'sessions';

/** Where the recording came from. A local file is stored beside the session. */
export type MediaRef = SavedMediaRef;

/** The revision of what is stored under a key, and the tab that wrote it. */
export interface Head {
  /** Bumped by every write. */
  rev: number;
  /** Id of the editor instance that wrote last (or took the session over). */
  owner: string;
  /** The journal place the snapshot holds changes up to. */
  seq: number;
}

/** A write refused because another tab wrote since this one last read (`Head.rev` moved on). */
export class StaleRevisionError extends Error {
  override name = 'StaleRevisionError';
  constructor(readonly head: Head | null) {
    super('Newer changes to this session were saved by another tab.');
  }
}

/** What the editor saves after every change. */
export interface SavedEditor {
  session: EditorSession;
  /** Epoch milliseconds. */
  savedAt: number;
  /** There are changes since the last export (or since the transcript was opened). */
  unexported: boolean;
  /** Name of the transcript file, for export file names. */
  name: string;
  media: MediaRef | null;
  /** The undo history around `session`, as deltas (absent in records saved before it was kept). Untrusted when read: see `unpackHistory`. */
  history?: PackedHistory;
  /** The last journal record folded into `session` (absent, 0, before there was a journal). */
  seq?: number;
}

/** Everything stored for a key, as read in one transaction. Untrusted. */
export interface StoredState {
  snapshot: unknown;
  /** Journal records in `seq` order. */
  journal: unknown[];
  head: Head | null;
}

const journalRange = (key: string): IDBKeyRange => IDBKeyRange.bound([key, -Infinity], [key, Infinity]);
const headKey = (key: string): string => `${key}:head`;
const isHead = (x: unknown): x is Head => typeof x === 'object' && x !== null && Number.isInteger((x as Head).rev) && typeof (x as Head).owner === 'string' && Number.isInteger((x as Head).seq);

let opening: Promise<IDBDatabase> | null = null;
/** The open database once `opening` resolved: lets a journal write start in the same task as the edit. */
let ready: IDBDatabase | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema: let it, and reopen next time.
      db.onversionchange = () => {
        db.close();
        opening = null;
        ready = null;
      };
      ready = db;
      resolve(db);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('IndexedDB is not available.'));
    };
  }).catch((e: unknown) => {
    // open() throwing (a private window, storage turned off): try afresh next time.
    opening = null;
    throw e;
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore, tx: IDBTransaction) => IDBRequest<T> | void): Promise<T | undefined> {
  const go = (db: IDBDatabase): Promise<T | undefined> =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE), tx);
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('The save was aborted.'));
    });
  // Once the database is open, the transaction starts in the caller's task (no await in between).
  return ready ? go(ready) : open().then(go);
}

/** Reads everything under `key` in one transaction. */
function readState(store: IDBObjectStore, key: string, done: (state: StoredState) => void): void {
  const snap = store.get(key);
  const journal = store.getAll(journalRange(key));
  const head = store.get(headKey(key));
  head.onsuccess = () => done({ snapshot: snap.result ?? null, journal: journal.result, head: isHead(head.result) ? head.result : null });
}

/**
 * A write that only lands if nobody compacted or took the session over since
 * revision `rev`: checks the head and writes in one transaction (IndexedDB
 * runs read-write transactions on a store one at a time, so this is a
 * compare-and-swap). Resolves with the new revision; rejects with
 * `StaleRevisionError` when the head moved on.
 */
async function guarded(key: string, rev: number, owner: string, seq: number, work: (store: IDBObjectStore) => void): Promise<number> {
  let stale: StaleRevisionError | null = null;
  let thrown: unknown = null;
  try {
    await run('readwrite', (s, tx) => {
      const req = s.get(headKey(key));
      req.onsuccess = () => {
        const head = isHead(req.result) ? req.result : null;
        if ((head?.rev ?? 0) !== rev) {
          stale = new StaleRevisionError(head);
          tx.abort();
          return;
        }
        try {
          work(s);
          s.put({ rev: rev + 1, owner, seq } satisfies Head, headKey(key));
        } catch (e) {
          // A put that throws (QuotaExceededError, DataCloneError): report that error, not the abort it causes.
          thrown = e;
          tx.abort();
        }
      };
    });
  } catch (e) {
    throw stale ?? thrown ?? e;
  }
  return rev + 1;
}

/** Snapshot, journal and head under `key`, read together (untrusted: the caller checks them). */
export async function loadState(key: string): Promise<StoredState> {
  let state: StoredState = { snapshot: null, journal: [], head: null };
  await run('readonly', (s) => readState(s, key, (x) => (state = x)));
  return state;
}

/**
 * Reads everything under `key` and makes `owner` the writer, in one
 * transaction: the head's revision moves on, and `marker` (a record that
 * changes nothing, made from what was read) takes the next journal place,
 * so any write another tab still has on its way is refused. What "Edit here" does.
 */
export async function claim(key: string, owner: string, marker: (state: StoredState, seq: number) => JournalRecord | null): Promise<StoredState> {
  let state: StoredState = { snapshot: null, journal: [], head: null };
  await run('readwrite', (s) =>
    readState(s, key, (x) => {
      const last = x.journal.at(-1) as { seq?: unknown } | undefined;
      const seq = Math.max(x.head?.seq ?? 0, typeof last?.seq === 'number' ? last.seq : 0, (x.snapshot as { seq?: number } | null)?.seq ?? 0) + 1;
      const record = marker(x, seq);
      if (record) {
        s.put(record, [key, seq]);
        x = { ...x, journal: [...x.journal, record] };
      }
      const head: Head = { rev: (x.head?.rev ?? 0) + 1, owner, seq: x.head?.seq ?? 0 };
      s.put(head, headKey(key));
      state = { ...x, head };
    }),
  );
  return state;
}

/**
 * Appends one journal record at `[key, record.seq]`, started at once and
 * committed without waiting for this page (it survives the page dying a
 * moment later). It is an `add`: when another tab already wrote that place,
 * nothing is written. The head is read in the same transaction: when it
 * moved on from `rev` (another tab compacted or took over), the record is
 * one nobody replays, and the write is reported stale. Either way rejects
 * with `StaleRevisionError`.
 */
export async function appendJournal(key: string, record: JournalRecord, rev: number): Promise<void> {
  let head: Head | null | undefined;
  let failed: unknown = null;
  try {
    await run('readwrite', (s, tx) => {
      const req = s.get(headKey(key));
      req.onsuccess = () => (head = isHead(req.result) ? req.result : null);
      const added = s.add(record, [key, record.seq]);
      // The add failing (the place taken) aborts the transaction: keep its error (ConstraintError).
      added.onerror = () => (failed = added.error);
      tx.commit?.();
    });
  } catch (e) {
    if ((failed as DOMException | null)?.name === 'ConstraintError') throw new StaleRevisionError(null);
    throw failed ?? e;
  }
  if ((head?.rev ?? 0) !== rev) throw new StaleRevisionError(head ?? null);
}

/**
 * Writes a full snapshot (holding the journal up to `value.seq`) and drops
 * that journal (with `all`, the whole journal: records past a damaged one), if
 * the head is still at `rev`; the new revision.
 */
export function writeSnapshot(key: string, value: SavedEditor, rev: number, owner: string, all = false): Promise<number> {
  const seq = value.seq ?? 0;
  return guarded(key, rev, owner, seq, (s) => {
    s.put(value, key);
    s.delete(all ? journalRange(key) : IDBKeyRange.bound([key, -Infinity], [key, seq]));
  });
}

/** Keeps journal records that could not be replayed under `<key>:damaged-journal` (the next `writeSnapshot` with `all` drops them from the journal). */
export async function keepDamagedJournal(key: string, records: unknown[]): Promise<void> {
  await run('readwrite', (s) => {
    s.put(records, `${key}:damaged-journal`);
  });
}

/** The snapshot under `key` (without the journal after it), or null. Untrusted: check it with `savedRecordProblem` before use. */
export async function loadSaved(key: string): Promise<SavedEditor | null> {
  return ((await run('readonly', (s) => s.get(key))) as SavedEditor | undefined) ?? null;
}

/** Keeps a record that could not be read under `<key>:damaged`, so the next save does not destroy it. */
export async function keepDamaged(key: string, record: unknown): Promise<void> {
  await run('readwrite', (s) => s.put(record, `${key}:damaged`));
}

/** The journal records kept aside by `keepDamagedJournal`, or null. */
export async function loadDamagedJournal(key: string): Promise<unknown> {
  return (await run('readonly', (s) => s.get(`${key}:damaged-journal`))) ?? null;
}

/** The record kept aside by `keepDamaged`, or null. */
export async function loadDamaged(key: string): Promise<unknown> {
  return (await run('readonly', (s) => s.get(`${key}:damaged`))) ?? null;
}

/** Writes a snapshot under `key` unconditionally (no revision check, journal left alone); resolves once it is on disk. */
export async function save(key: string, value: SavedEditor): Promise<void> {
  await run('readwrite', (s) => s.put(value, key));
}

/** The local recording saved under `key`, or null. */
export async function loadMedia(key: string): Promise<Blob | null> {
  return ((await run('readonly', (s) => s.get(`${key}:media`))) as Blob | undefined) ?? null;
}

/** Keeps a local recording under `key` (null forgets it). */
export async function saveMedia(key: string, file: Blob | null): Promise<void> {
  await run('readwrite', (s) => {
    if (file) s.put(file, `${key}:media`);
    else s.delete(`${key}:media`);
  });
}

/** Forgets everything saved under `key`. */
export async function clearSaved(key: string): Promise<void> {
  await run('readwrite', (s) => {
    s.delete(key);
    s.delete(`${key}:media`);
    s.delete(journalRange(key));
    s.delete(headKey(key));
    s.delete(`${key}:damaged-journal`);
  });
}
