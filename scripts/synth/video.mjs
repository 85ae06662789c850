// Renders the stand-in video: one slide per question, a title slide during
// the intro, a closing slide, and a running clock, over the mixed audio.
//
// Slide text reaches ffmpeg only through drawtext `textfile=` files with
// `expansion=none`, never inside the filter string: transcript text has
// curly quotes, colons and percent signs that the filter syntax would eat.

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const FONT_MONO = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';
const WIDTH = 640;
const HEIGHT = 360;
const FPS = 15;
const BACKGROUND = '0x16203a';
const MARGIN = 40;

/**
 * @typedef {{ text: string, font?: string, size: number, color?: string, x: string | number, y: number, lineSpacing?: number }} Label
 * @typedef {{ name: string, start: number, end: number, labels: Label[] }} Slide
 */

/** Greedy word wrap to at most `width` characters per line. */
export function wrap(/** @type {string} */ text, /** @type {number} */ width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Wraps into as few lines as `wrap`, but with lines as even as possible (no orphan word). */
export function balancedWrap(/** @type {string} */ text, /** @type {number} */ width) {
  const count = wrap(text, width).length;
  let narrow = width;
  while (narrow > 1 && wrap(text, narrow - 1).length === count) narrow--;
  return wrap(text, narrow);
}

// DejaVu Sans averages a little over half an em per character in prose.
const charsPerLine = (/** @type {number} */ size) => Math.floor((WIDTH - 2 * MARGIN) / (size * 0.56));

/** One centred label per line, since drawtext in ffmpeg 5 cannot centre a block. */
function centred(/** @type {string} */ text, /** @type {Omit<Label, 'text' | 'x'>} */ style) {
  const lines = balancedWrap(text, charsPerLine(style.size));
  const step = Math.round(style.size * 1.35);
  return lines.map((line, i) => ({ ...style, text: line, x: '(w-text_w)/2', y: style.y + i * step }));
}

/**
 * @param {{ title: string, guest: string, closing: string, chapters: { number: number, text: string, speaker: string, start: number, end: number }[], duration: number }} input
 * @returns {Slide[]}
 */
export function slidesFor({ title, guest, closing, chapters, duration }) {
  const count = chapters.length;
  const firstStart = /** @type {number} */ (chapters[0]?.start);
  const lastEnd = /** @type {number} */ (chapters.at(-1)?.end);
  // Footer and clock sit at the top: a player's control bar covers the bottom of the frame.
  const footer = { text: `${title} · with ${guest}`, size: 12, color: '0x8a93a8', x: MARGIN, y: 14 };
  const titleLines = centred(title, { font: FONT_BOLD, size: 28, y: 96 });
  const titleBottom = (titleLines.at(-1)?.y ?? 0) + 28;
  return [
    {
      name: 'title',
      start: 0,
      end: firstStart,
      labels: [
        ...titleLines,
        ...centred(`with ${guest}`, { size: 22, color: '0xf5a623', y: titleBottom + 24 }),
        ...centred('Synthesized stand-in recording', { size: 13, color: '0x8a93a8', y: titleBottom + 80 }),
      ],
    },
    ...chapters.map((c) => {
      const size = c.text.length > 160 ? 20 : 24;
      const from = c.speaker === 'Audience member' ? ' · from the audience' : '';
      return {
        name: `q${String(c.number).padStart(2, '0')}`,
        start: c.start,
        end: c.end,
        labels: [
          { text: `Question ${c.number} of ${count}${from}`, font: FONT_BOLD, size: 18, color: '0xf5a623', x: MARGIN, y: 48 },
          { text: wrap(c.text, charsPerLine(size)).join('\n'), size, x: MARGIN, y: 100, lineSpacing: Math.round(size * 0.4) },
          footer,
        ],
      };
    }),
    {
      name: 'closing',
      start: lastEnd,
      end: duration,
      labels: [
        ...centred(title, { font: FONT_BOLD, size: 22, y: 70 }),
        { text: wrap(closing, charsPerLine(18)).join('\n'), size: 18, x: MARGIN, y: 150, lineSpacing: 8 },
        ...centred('Synthesized stand-in recording · Thanks for listening', { size: 13, color: '0x8a93a8', y: 290 }),
      ],
    },
  ];
}

/**
 * The time of the frame that contains `t`: a slide starts on that frame, so a
 * player seeked to exactly a chapter's start shows the new question (at most
 * one frame, 67 ms, before its first word). Half a millisecond early so
 * rounding never pushes it to the next frame.
 * @param {number} t
 */
function frameStart(t) {
  return Math.max(0, Math.floor(t * FPS + 1e-9) / FPS - 0.0005).toFixed(6);
}

/**
 * Writes the slide text files and the filter graph, then encodes.
 * @param {{ slides: Slide[], audio: string, out: string, workDir: string, duration: number }} input
 */
export function renderVideo({ slides, audio, out, workDir, duration }) {
  const textDir = join(workDir, 'slides');
  rmSync(textDir, { recursive: true, force: true });
  mkdirSync(textDir, { recursive: true });
  const filters = [];
  for (const slide of slides) {
    slide.labels.forEach((label, i) => {
      const file = join(textDir, `${slide.name}-${i + 1}.txt`);
      writeFileSync(file, label.text);
      filters.push(
        [
          `drawtext=fontfile=${label.font ?? FONT}`,
          `textfile=${file}`,
          'expansion=none',
          `fontsize=${label.size}`,
          `fontcolor=${label.color ?? 'white'}`,
          `line_spacing=${label.lineSpacing ?? 0}`,
          `x=${label.x}`,
          `y=${label.y}`,
          // Half-open [start, end) so exactly one slide shows on a boundary frame.
          `enable='gte(t,${frameStart(slide.start)})*lt(t,${frameStart(slide.end)})'`,
        ].join(':'),
      );
    });
  }
  filters.push(`drawtext=fontfile=${FONT_MONO}:text='%{pts\\:hms}':fontsize=14:fontcolor=0xc8cdd8:x=w-tw-16:y=14`);
  const graph = join(workDir, 'slides.filtergraph');
  writeFileSync(graph, `[0:v]${filters.join(',\n')}[v]\n`);

  const keyframes = slides.map((s) => frameStart(s.start)).join(',');
  execFileSync(
    'ffmpeg',
    [
      '-nostdin', '-y', '-loglevel', 'error',
      '-f', 'lavfi', '-i', `color=c=${BACKGROUND}:s=${WIDTH}x${HEIGHT}:r=${FPS}:d=${duration.toFixed(6)}`,
      '-i', audio,
      '-filter_complex_script', graph,
      '-map', '[v]', '-map', '1:a',
      // Keyframes dominate the size (text is costly to intra-code): one every 10 s
      // (and at each slide change) keeps seeking instant at 15 fps; the
      // I-frames get no extra quality (ipratio=1).
      // No B-frames: at this quality a B-frame before a slide change ghosts the next slide.
      '-c:v', 'libx264', '-preset', 'veryslow', '-tune', 'stillimage', '-crf', '32', '-x264-params', 'ipratio=1.0:bframes=0',
      '-pix_fmt', 'yuv420p', '-g', String(10 * FPS), '-force_key_frames', keyframes,
      // Speech synthesis needs little: 24 kbps mono keeps the file a few MB.
      '-c:a', 'aac', '-b:a', '24k', '-ac', '1',
      '-t', duration.toFixed(6),
      '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact', '-map_metadata', '-1',
      '-movflags', '+faststart',
      out,
    ],
    { stdio: 'inherit' },
  );
}
