/**
 * Opening a long transcript in `<cue-editor>`: 7,000 and 70,000 generated
 * cues (WebVTT text already in memory). Reports the time from
 * `openTranscript` to a usable editor (the session open, the list and the
 * timeline rendered and painted, a cue's text field present), the longest
 * main-thread task on the way (PerformanceObserver `longtask`), then the
 * cost of one text edit in the open session, and the time split by stage
 * (import, checks) measured in the same page. Each size runs with
 * autosave off (the editor's own work) and on (plus the IndexedDB write of
 * the session, whose structured clone is one main-thread task).
 */
import '../src/editor.js';
import { checkSession } from '../src/core/editor/index.js';
import { importTranscript } from '../src/elements/cue-editor/import.js';
import type { CueEditor } from '../src/editor.js';
import { generateSession } from './lib/generate.js';
import { summarize, table } from './lib/stats.js';

const RUNS = Number(new URLSearchParams(location.search).get('runs') ?? 3);
const painted = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

const tasks: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) tasks.push(e.duration);
}).observe({ type: 'longtask', buffered: false });

async function until<T>(check: () => T, ms = 300_000): Promise<NonNullable<T>> {
  const t0 = performance.now();
  for (;;) {
    const v = check();
    if (v) return v as NonNullable<T>;
    if (performance.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The editor is usable: the list shows cue rows with a text field, the timeline rendered. */
function usable(el: CueEditor): boolean {
  const list = el.shadowRoot?.querySelector('cue-editor-list');
  const tl = el.shadowRoot?.querySelector('cue-editor-timeline');
  return !!list?.shadowRoot?.querySelector('[data-cue] textarea') && !!tl?.shadowRoot?.querySelector('canvas');
}

async function one(cues: number, autosave: boolean): Promise<Record<string, string | number>> {
  const session = generateSession(cues);
  const open: number[] = [];
  const longest: number[] = [];
  const edit: number[] = [];
  const editLongest: number[] = [];
  let rows = 0;
  for (let r = 0; r < RUNS; r++) {
    const el = document.createElement('cue-editor') as CueEditor;
    el.setAttribute('storage-key', `bench-editor-open-${cues}-${r}-${Date.now()}`);
    el.noAutosave = !autosave;
    document.body.append(el);
    await el.updateComplete;
    await painted();
    tasks.length = 0;
    const t0 = performance.now();
    el.openTranscript(session.transcript, `bench-${cues}.vtt`, session.chapters);
    await until(() => el.session && usable(el));
    await painted();
    open.push(performance.now() - t0);
    await el.saved();
    await painted();
    await new Promise((res) => setTimeout(res, 100));
    longest.push(Math.max(0, ...tasks));
    rows = el.shadowRoot!.querySelector('cue-editor-list')!.shadowRoot!.querySelectorAll('[data-cue]').length;

    // One text edit, through the same intent a text field sends.
    tasks.length = 0;
    const before = el.session;
    const t1 = performance.now();
    el._run({ type: 'text', cue: 3, text: `Edited ${r}` });
    await until(() => el.session !== before);
    await el.updateComplete;
    await painted();
    edit.push(performance.now() - t1);
    await el.saved();
    await painted();
    await new Promise((res) => setTimeout(res, 100));
    editLongest.push(Math.max(0, ...tasks));
    el.remove();
    await painted();
  }
  // Stages, outside the element.
  const ti = performance.now();
  const imported = importTranscript(session.transcript, 'x.vtt', session.chapters, undefined);
  const tImport = performance.now() - ti;
  if (!imported.ok) throw new Error('import failed');
  const tc = performance.now();
  checkSession(imported.session, null);
  const tChecks = performance.now() - tc;
  const p = summarize(open);
  return {
    cues,
    autosave: autosave ? 'on' : 'off',
    'usable p50 ms': p.p50,
    'usable max ms': p.max,
    'longest task ms (max)': Math.max(...longest),
    'edit p50 ms': summarize(edit).p50,
    'edit longest task ms': Math.max(...editLongest),
    'import ms': tImport,
    'checks ms': tChecks,
    'list rows in DOM': rows,
  };
}

export default async function run(): Promise<string> {
  const sizes = (new URLSearchParams(location.search).get('sizes') ?? '7000,70000').split(',').map(Number);
  const rows = [];
  for (const n of sizes) for (const autosave of [false, true]) rows.push(await one(n, autosave));
  return `${RUNS} runs per size; "usable" = openTranscript to list + timeline painted; longest task from PerformanceObserver('longtask').\n\n${table(rows)}`;
}

/** For profiling by hand: one open of `cues` cues (then, with `edit`, only a text edit is profiled); resolves to the milliseconds. */
export async function profileOnce(cues: number, edit = false, mark?: () => Promise<void>): Promise<number> {
  const session = generateSession(cues);
  const el = document.createElement('cue-editor') as CueEditor;
  el.setAttribute('storage-key', `bench-editor-profile-${Date.now()}`);
  document.body.append(el);
  await el.updateComplete;
  const t0 = performance.now();
  el.openTranscript(session.transcript, `bench-${cues}.vtt`, session.chapters);
  await until(() => el.session && usable(el));
  await painted();
  let t = performance.now() - t0;
  await el.saved();
  if (edit) {
    await mark?.();
    const before = el.session;
    const t1 = performance.now();
    el._run({ type: 'text', cue: 3, text: 'Edited' });
    await until(() => el.session !== before);
    await el.updateComplete;
    await painted();
    t = performance.now() - t1;
    await el.saved();
  }
  return t;
}
