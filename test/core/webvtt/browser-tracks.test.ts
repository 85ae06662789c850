import { expect } from '@open-wc/testing';
import { parseWebVTT } from '../../../src/core/webvtt/index.js';
import type { WebVTTCue } from '../../../src/core/webvtt/index.js';
import { describe, it } from './bdd.js';

const isFirefox = navigator.userAgent.includes('Firefox');
const browser = isFirefox ? 'firefox' : 'chromium';

/** Loads `text` in a `<track>` of a `<video>` (Blob URL) and returns the browser's cues. */
async function browserCues(text: string): Promise<VTTCue[]> {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/vtt' }));
  const video = document.createElement('video');
  const track = document.createElement('track');
  track.kind = 'subtitles';
  track.src = url;
  track.default = true;
  video.append(track);
  document.body.append(video);
  try {
    await new Promise<void>((resolve, reject) => {
      track.addEventListener('load', () => resolve(), { once: true });
      // A file the browser rejects (bad signature) fires "error".
      track.addEventListener('error', () => resolve(), { once: true });
      setTimeout(() => reject(new Error('track did not load')), 10_000);
      track.track.mode = 'hidden';
    });
    return [...(track.track.cues ?? [])] as VTTCue[];
  } finally {
    video.remove();
    URL.revokeObjectURL(url);
  }
}

const FIELDS = ['id', 'startTime', 'endTime', 'text', 'vertical', 'snapToLines', 'line', 'lineAlign', 'position', 'positionAlign', 'size', 'align', 'region'] as const;

/**
 * The cue fields this browser's VTTCue implements (Chromium has no
 * `lineAlign`/`positionAlign`), with the region reduced to its id.
 */
function fields(cue: VTTCue | WebVTTCue): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FIELDS) {
    if (!(key in VTTCue.prototype)) continue;
    const value = (cue as unknown as Record<string, unknown>)[key];
    out[key] = key === 'region' ? ((value as { id: string } | null | undefined)?.id ?? null) : value;
  }
  return out;
}

const C = '00:00:01.000 --> 00:00:02.000';

/** [name, file, browsers that deviate from the spec here (and how)]. */
const FILES: [string, string, Partial<Record<'chromium' | 'firefox', string>>?][] = [
  ['simple cues with ids', `WEBVTT\n\nfirst\n${C}\nHello <b>world</b>\n\nsecond\n00:02.000 --> 00:03.500\ntwo\nlines`],
  ['BOM, CRLF and CR', `\uFEFFWEBVTT\r\n\r\na\r\n${C}\r\nx\r\n\r\n${C}\ry\rz`],
  ['NULL characters', `WEBVTT\n\n${C}\na\0b`],
  ['a cue right after the signature line', `WEBVTT - title\n${C}\nx`],
  // Both browsers take "Kind: captions" as the cue id; the spec's header block swallows it.
  ['header lines then a cue without a blank line', `WEBVTT - title\nKind: captions\n${C}\nx`, {
    chromium: 'takes the last header line as the cue id',
    firefox: 'takes the last header line as the cue id',
  }],
  ['bad signatures give no cues', `WEBVTTX\n\n${C}\nx`],
  ['NOTE, STYLE and REGION blocks are not cues', `WEBVTT\n\nSTYLE\n::cue { color: red }\n\nNOTE hi\nthere\n\nREGION\nid:r\n\n${C}\nx\n\nNOTE end`],
  ['a "-->" line ends the cue text', `WEBVTT\n\n${C}\na\n00:03.000 --> 00:04.000\nb`],
  ['bad timestamps skip the cue', `WEBVTT\n\n00:01.00 --> 00:02.000\nskip\n\n00:60.000 --> 01:00.000\nskip\n\n0:01.000 --> 00:02.000\nskip\n\n00:01.000 --> 00:02.000\nkeep\n\n100:00:00.000 --> 100:00:01.000\nkeep`],
  ['end before start is kept', `WEBVTT\n\n00:05.000 --> 00:01.000\nx`],
  ['id containing "-->" is a broken timing line', `WEBVTT\n\na-->b\n${C}\nx`],
  ['vertical', `WEBVTT\n\n${C} vertical:rl\na\n\n${C} vertical:lr\nb\n\n${C} vertical:x\nc`],
  ['line numbers and alignments', `WEBVTT\n\n${C} line:0\na\n\n${C} line:-1,end\nb\n\n${C} line:2.5,center\nc\n\n${C} line:x\nd`],
  ['line with a bad alignment is ignored', `WEBVTT\n\n${C} line:1,middle\ne`, { firefox: 'keeps the line number and ignores only the alignment' }],
  ['line percentages', `WEBVTT\n\n${C} line:50%\na\n\n${C} line:0%,end\nb\n\n${C} line:101%\nc`],
  ['position and alignment', `WEBVTT\n\n${C} position:10%\na\n\n${C} position:20%,line-left\nb\n\n${C} position:30%,center\nc\n\n${C} position:40%,line-right\nd\n\n${C} position:50\ne`],
  ['size', `WEBVTT\n\n${C} size:50%\na\n\n${C} size:0%\nb\n\n${C} size:101%\nc\n\n${C} size:50\nd`],
  ['align', `WEBVTT\n\n${C} align:start\na\n\n${C} align:end\nb\n\n${C} align:left\nc\n\n${C} align:right\nd\n\n${C} align:middle\ne`],
  ['several settings and junk', `WEBVTT\n\n${C}  align:end\tsize:10% foo:bar line :1 position:5%\nx`],
  ['regions', `WEBVTT\n\nREGION\nid:fred width:40% lines:2\n\nREGION\nid:bill\n\n${C} region:fred\na\n\n${C} region:bill align:start\nb\n\n${C} region:nope\nc\n\n${C} line:0 region:fred\nd`],
  ['line, size or vertical after region drops the region', `WEBVTT\n\nREGION\nid:fred\n\n${C} region:fred line:0\na\n\n${C} region:fred size:50%\nb`, { firefox: 'keeps the region' }],
];

describe('parseWebVTT matches the browser’s own WebVTT parser', () => {
  for (const [name, file, deviations] of FILES) {
    const deviation = deviations?.[browser];
    it(`GOOD: ${name}${deviation ? ` (${browser} deviates from the spec: ${deviation})` : ''}`, async () => {
      const theirs = (await browserCues(file)).map(fields);
      const ours = parseWebVTT(file).cues.map(fields);
      // A marked case: we follow the spec, and the browser still differs.
      if (deviation) expect(ours).not.to.deep.equal(theirs);
      else expect(ours).to.deep.equal(theirs);
    });
  }
});
