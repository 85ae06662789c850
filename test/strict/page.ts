// Registered before the elements load, so the test sees every violation and error.
const seen = window as unknown as { violations: string[]; errors: string[] };
seen.violations = [];
seen.errors = [];
document.addEventListener('securitypolicyviolation', (e) => seen.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
window.addEventListener('error', (e) => seen.errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => seen.errors.push(String(e.reason)));
await import('../../src/elements/cue-transcript/define.js');
await import('../../src/elements/cue-chapters/define.js');
await import('../../src/elements/cue-search-strip/define.js');
export {};
