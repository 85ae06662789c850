// The Trusted Types frame pages' script (external, so the pages' CSP allows it): it records violations and
// errors, gives media-chrome the one thing it needs under Trusted Types, then loads the editor with the
// recording and transcript named in the query string.
type Seen = Window & { violations: string[]; errors: string[]; workerErrors: unknown[] };
const w = window as unknown as Seen;
w.violations = [];
w.errors = [];
w.workerErrors = [];
document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
addEventListener('error', (e) => w.errors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => w.errors.push(String(e.reason)));

// media-chrome 4 writes its elements' shadow templates (its own static strings) with innerHTML /
// setHTMLUnsafe, a TrustedHTML sink: a page requiring Trusted Types gives it a `default` policy for HTML.
// It has no createScriptURL, so script URLs (the editor's Worker) must come from Cueline's own policy.
type TT = { createPolicy(name: string, rules: { createHTML(s: string): string }): unknown };
(globalThis as { trustedTypes?: TT }).trustedTypes?.createPolicy('default', { createHTML: (s) => s });

await import('../../src/editor.js');
const q = new URLSearchParams(location.search);
const el = document.createElement('cue-editor');
el.noAutosave = true;
el.transcript = q.get('transcript') ?? '';
el.src = q.get('src') ?? '';
el.addEventListener('cue-worker-error', (e) => w.workerErrors.push(e.detail));
document.querySelector('main')!.append(el);
export {};
