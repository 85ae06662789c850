// <cue-player> from src/, after the recorder and the page's default Trusted Types policy.
import './record.js';
import './trusted-types.js';
await import('../../src/index.js');
export {};
