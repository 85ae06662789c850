// Cueline's own elements alone: the base policy, no default Trusted Types policy.
import './record.js';
await import('../../src/elements/cue-transcript/define.js');
await import('../../src/elements/cue-chapters/define.js');
await import('../../src/elements/cue-search-strip/define.js');
export {};
