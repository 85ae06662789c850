import { expect } from '@open-wc/testing';
import '../../src/editor.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import { CLIP, ready, SEED_MEDIA, SEED_VTT, waitFor } from './cue-editor-helpers.js';

/** Counts the Workers the page creates and terminates, and the recording's fetches and decodes still under way. */
function track(): { live: () => number; busy: () => number; restore: () => void } {
  const RealWorker = window.Worker;
  const realFetch = window.fetch;
  const realDecode = BaseAudioContext.prototype.decodeAudioData;
  const live = new Set<Worker>();
  let busy = 0;
  const settle = <T,>(p: Promise<T>): Promise<T> => {
    busy++;
    return p.finally(() => busy--);
  };
  window.Worker = class extends RealWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      live.add(this);
    }
    override terminate(): void {
      live.delete(this);
      super.terminate();
    }
  };
  window.fetch = (input, init) => (String(input).includes('.mp4') ? settle(realFetch(input, init).then((r) => r.arrayBuffer().then((b) => new Response(b, r)))) : realFetch(input, init));
  BaseAudioContext.prototype.decodeAudioData = function (this: BaseAudioContext, data: ArrayBuffer) {
    return settle(realDecode.call(this, data));
  } as typeof realDecode;
  return {
    live: () => live.size,
    busy: () => busy,
    restore: () => {
      window.Worker = RealWorker;
      window.fetch = realFetch;
      BaseAudioContext.prototype.decodeAudioData = realDecode;
    },
  };
}

describe('<cue-editor> lifecycle', function () {
  this.timeout(180000);

  it('GOOD: removed while it reads the waveform, an editor stops: 20 editors added and removed leave no Worker behind', async () => {
    const t = track();
    try {
      for (let k = 0; k < 20; k++) {
        const el = document.createElement('cue-editor') as CueEditor;
        el.noAutosave = true;
        el.src = CLIP;
        document.body.append(el);
        await waitFor(() => el._audio === 'loading', `editor ${k}: reading`);
        for (let f = 0; f < k % 4; f++) await new Promise((r) => requestAnimationFrame(r));
        el.remove();
      }
      // Every read started is over (aborted, or finished and dropped).
      await waitFor(() => t.busy() === 0, 'reads settled', 60000);
      await new Promise((r) => setTimeout(r, 500));
      expect(t.live(), 'Workers alive with every editor removed').to.equal(0);
    } finally {
      t.restore();
    }
  });

  it('GOOD: back in the page after being removed mid-read, the editor reads its recording again; removed, its Worker ends', async () => {
    const t = track();
    const el = document.createElement('cue-editor') as CueEditor;
    try {
      el.noAutosave = true;
      el.transcript = SEED_VTT;
      el.src = SEED_MEDIA;
      document.body.append(el);
      await waitFor(() => el._audio === 'loading', 'reading');
      el.remove();
      await waitFor(() => t.busy() === 0, 'read settled', 60000);
      expect(el._audio, 'a read stopped by removal is not a failure').not.to.equal('failed');
      expect(t.live()).to.equal(0);
      document.body.append(el);
      await ready(el);
      expect(el._audioCtl.pyramid, 'the waveform read again').not.to.equal(null);
      expect(t.live(), 'one Worker for the connected editor').to.equal(1);
      el.remove();
      expect(t.live()).to.equal(0);
    } finally {
      el.remove();
      t.restore();
    }
  });
});
