// The frame pages' script (an external module, so a strict Content-Security-Policy allows it):
// an editor whose storage key, transcript and chapters come from the query string.
import '../../src/editor.js';

const q = new URLSearchParams(location.search);
const el = document.createElement('cue-editor');
el.storageKey = q.get('key') ?? 'frame';
el.transcript = q.get('transcript') ?? '';
el.chapters = q.get('chapters') ?? '';
el.noAutosave = q.has('no-autosave');
el.addEventListener('cue-restore', (e) => ((window as Window & { restored?: unknown }).restored = e.detail));
document.querySelector('main')!.append(el);
