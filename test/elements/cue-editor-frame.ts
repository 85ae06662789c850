// The frame pages' script (an external module, so a strict Content-Security-Policy allows it):
// an editor whose storage key, transcript and chapters come from the query string.
import '../../src/editor.js';

type FrameWindow = Window & { restored?: unknown; saveErrors?: unknown[]; readonlyEvents?: unknown[]; realOpen?: IDBFactory['open']; frameErrors?: string[] };
const w = window as FrameWindow;
w.frameErrors = [];
addEventListener('error', (e) => w.frameErrors!.push(e.message));
addEventListener('unhandledrejection', (e) => w.frameErrors!.push(String(e.reason)));
const q = new URLSearchParams(location.search);
// `?idb=unavailable`: IndexedDB refuses to open, as in a private window (the test puts `realOpen` back).
if (q.get('idb') === 'unavailable') {
  w.realOpen = IDBFactory.prototype.open;
  IDBFactory.prototype.open = () => {
    throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
  };
}
// `?locks=none`, `?bc=none`: a browser without the Web Locks API, or without BroadcastChannel.
if (q.get('locks') === 'none') Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
if (q.get('bc') === 'none') Object.defineProperty(window, 'BroadcastChannel', { value: undefined, configurable: true });
w.saveErrors = [];
w.readonlyEvents = [];
const el = document.createElement('cue-editor');
el.storageKey = q.get('key') ?? 'frame';
el.transcript = q.get('transcript') ?? '';
el.chapters = q.get('chapters') ?? '';
el.noAutosave = q.has('no-autosave');
el.addEventListener('cue-restore', (e) => (w.restored = e.detail));
el.addEventListener('cue-save-error', (e) => w.saveErrors!.push(e.detail));
el.addEventListener('cue-readonly', (e) => w.readonlyEvents!.push(e.detail));
document.querySelector('main')!.append(el);
