#!/usr/bin/env node
// Builds the synthesized stand-in recording of the seed interview and its
// exact timings: captions, chapters, a JSON manifest and a slide video.
//
//   npm run synth               everything
//   npm run synth -- --no-video timings and audio only (fast)
//   npm run synth -- hard       the hard session for the alignment bench (needs festival)
//   npm run synth -- asr        simulated recognizer output for it (timing transfer; no festival)
//
// See scripts/README.md for voices, pauses and the cue id convention.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captionsVtt, chaptersOf, chaptersVtt, manifest } from './synth/outputs.mjs';
import { parseInterview, SPEAKERS } from './synth/parse.mjs';
import { layout, PAUSES, planCues } from './synth/timeline.mjs';
import { engineVersion, mapLimited, SAMPLE_RATE, synthesize, VOICES } from './synth/tts.mjs';
import { buildHard } from './synth/hard.mjs';
import { buildAsr } from './synth/asr.mjs';
import { renderVideo, slidesFor } from './synth/video.mjs';
import { writeWav } from './synth/wav.mjs';

const NAME = 'try-rust-with-francesco-ciulla';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const paths = {
  source: join(root, 'timings/source', `${NAME}.txt`),
  captions: join(root, 'timings', `${NAME}.vtt`),
  chapters: join(root, 'timings', `${NAME}.chapters.vtt`),
  manifest: join(root, 'timings', `${NAME}.json`),
  video: join(root, 'demo/media', `${NAME}.mp4`),
  work: join(root, '.cache/synth'),
};
const rel = (/** @type {string} */ p) => relative(root, p);

async function main() {
  if (process.argv.includes('hard')) return buildHard({ root, work: paths.work });
  if (process.argv.includes('asr')) return buildAsr({ root });
  const withVideo = !process.argv.includes('--no-video');
  const interview = parseInterview(readFileSync(paths.source, 'utf8'));
  const plan = planCues(interview);
  const engine = engineVersion();

  const audio = await mapLimited(plan, 4, (cue) =>
    synthesize(cue.text, cue.speaker, { cacheDir: join(paths.work, 'tts'), version: engine }),
  );
  const { placed, mix } = layout(plan, audio, SAMPLE_RATE);
  const duration = mix.length / SAMPLE_RATE;
  const mixPath = join(paths.work, `${NAME}.wav`);
  mkdirSync(paths.work, { recursive: true });
  writeWav(mixPath, mix, SAMPLE_RATE);

  const chapters = chaptersOf(interview, placed);
  const [, title = interview.title, guest = SPEAKERS.guest] = /^(.*) with (.+)$/.exec(interview.title) ?? [];
  const meta = { title: interview.title, source: rel(paths.source) };
  writeFileSync(paths.captions, captionsVtt(placed, SAMPLE_RATE, meta));
  writeFileSync(paths.chapters, chaptersVtt(chapters, SAMPLE_RATE, meta));
  const data = manifest({
    interview,
    cues: placed,
    chapters,
    rate: SAMPLE_RATE,
    totalSamples: mix.length,
    source: rel(paths.source),
    media: rel(paths.video),
    voices: VOICES,
    pauses: PAUSES,
    engine,
  });
  writeFileSync(paths.manifest, `${JSON.stringify(data, null, 2)}\n`);

  if (withVideo) {
    const closing = interview.sections.at(-1)?.paragraphs[0]?.text ?? '';
    const slides = slidesFor({
      title,
      guest,
      closing,
      duration,
      chapters: chapters.map((c) => ({ ...c, start: c.startSample / SAMPLE_RATE, end: c.endSample / SAMPLE_RATE })),
    });
    mkdirSync(dirname(paths.video), { recursive: true });
    renderVideo({ slides, audio: mixPath, out: paths.video, workDir: paths.work, duration });
  }

  const minutes = `${Math.floor(duration / 60)}:${String(Math.round(duration % 60)).padStart(2, '0')}`;
  const sentences = new Set(placed.map((c) => `${c.section}-p${c.paragraph}-${c.sentence}`)).size;
  console.log(
    [
      `duration  ${duration.toFixed(3)} s (${minutes})`,
      `cues      ${placed.length} (${sentences} sentences, ${data.paragraphs.length} paragraphs)`,
      `chapters  ${chapters.length}`,
      `wrote     ${[paths.captions, paths.chapters, paths.manifest].map(rel).join(', ')}`,
      withVideo ? `video     ${rel(paths.video)}` : 'video     skipped (--no-video)',
      `mix       ${rel(mixPath)}`,
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
