import type { EditorSession, PackedHistory } from '../core/editor/index.js';

/**
 * The timing editor's local store: one IndexedDB database, one object store,
 * a record per editor (`storage-key`) plus, for a local recording, the file
 * itself under `<key>:media`, so a reload can play it again without it ever
 * leaving the machine.
 */

const DB = 'cueline-editor';
const STORE = 'sessions';

/** Where the recording came from. A local file is stored beside the session. */
export type MediaRef = { kind: 'url'; url: string } | { kind: 'file'; name: string };

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
}

let opening: Promise<IDBDatabase> | null = null;

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
      };
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

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req ? req.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('The save was aborted.'));
  });
}

/** The saved editor under `key`, or null. Untrusted: check it with `savedRecordProblem` before use. */
export async function loadSaved(key: string): Promise<SavedEditor | null> {
  return ((await run('readonly', (s) => s.get(key))) as SavedEditor | undefined) ?? null;
}

/** Keeps a record that could not be read under `<key>:damaged`, so the next save does not destroy it. */
export async function keepDamaged(key: string, record: unknown): Promise<void> {
  await run('readwrite', (s) => s.put(record, `${key}:damaged`));
}

/** The record kept aside by `keepDamaged`, or null. */
export async function loadDamaged(key: string): Promise<unknown> {
  return (await run('readonly', (s) => s.get(`${key}:damaged`))) ?? null;
}

/** Saves the editor under `key`; resolves once it is on disk (the transaction completed). */
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
  });
}
