/**
 * Imported first by each strict page: records every CSP violation (with where it came from), error and
 * unhandled rejection, so a test can check that nothing was blocked and nothing of ours failed.
 */
export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
export interface Seen {
  violations: Violation[];
  errors: string[];
}
const seen = window as unknown as Seen;
seen.violations = [];
seen.errors = [];
document.addEventListener('securitypolicyviolation', (e) =>
  seen.violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` }),
);
window.addEventListener('error', (e) => seen.errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => seen.errors.push(String(e.reason)));
