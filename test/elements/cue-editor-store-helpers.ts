/** Reading the editor's store back as a reload would (not a test file itself). */
import { createHistory, replayJournal, unpackHistory, type EditorSession } from '../../src/core/editor/index.js';
import { loadState, type SavedEditor } from '../../src/storage/editor-store.js';

/** The saved editor under `key` as the next load sees it: the snapshot with its journal replayed. */
export async function readBack(key: string): Promise<(SavedEditor & { journal: number }) | null> {
  const { snapshot, journal } = await loadState(key);
  if (!snapshot) return null;
  const saved = snapshot as SavedEditor;
  const h = (saved.history && unpackHistory(saved.session, saved.history)) || createHistory(saved.session);
  const r = replayJournal(h, saved.seq ?? 0, journal);
  if (r.bad) throw new Error(`journal: ${r.bad.problem}`);
  const session: EditorSession = r.history.present;
  return { ...saved, ...(r.meta ?? {}), session, journal: journal.length };
}
