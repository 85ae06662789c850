import { expect } from '@open-wc/testing';
import { importTranscript } from '../../src/elements/cue-editor/import.js';
import { checkSession } from '../../src/core/editor/index.js';

describe('cue-editor import', () => {
  it('GOOD: a cue that ends before it starts is imported, and the checks show it', () => {
    const r = importTranscript('WEBVTT\n\n00:01.000 --> 00:01.000\nzero\n\n00:03.000 --> 00:02.000\nnegative\n', 'x.vtt', null);
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.session.cues.map((c) => c.text)).to.deep.equal(['zero', 'negative']);
    expect(checkSession(r.session).map((p) => p.kind)).to.include.members(['zero-length', 'negative-length']);
  });

  it('BAD: a cue whose timing cannot be read rejects the file, naming line and column', () => {
    const r = importTranscript('WEBVTT\n\n00:0x.000 --> 00:02.000\nlost\n', 'x.vtt', null);
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.line, e.column])).to.deep.equal([['bad-timestamp', 3, 4]]);
  });
});
