// Makes the HLS stream the tests play (test/elements/cue-player.hls.test.ts) from the committed demo
// recording, locally with ffmpeg (no network, no re-encoding: fMP4 segments copied from the MP4), into
// .cache/hls/ (ignored by git). Skips the work when the stream is newer than the recording.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const source = resolve(root, 'demo/media/try-rust-with-francesco-ciulla.mp4');
const out = resolve(root, '.cache/hls');
const playlist = resolve(out, 'talk.m3u8');

if (existsSync(playlist) && statSync(playlist).mtimeMs > statSync(source).mtimeMs) process.exit(0);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
try {
  execFileSync(
    process.env.FFMPEG_PATH ?? 'ffmpeg',
    ['-v', 'error', '-y', '-i', source, '-c', 'copy', '-f', 'hls', '-hls_time', '10', '-hls_playlist_type', 'vod',
      '-hls_segment_type', 'fmp4', '-hls_fmp4_init_filename', 'init.mp4', '-hls_segment_filename', resolve(out, 'seg-%03d.m4s'), playlist],
    { stdio: 'inherit' },
  );
} catch (e) {
  console.error(`make-hls: ffmpeg failed (${e.message}); the HLS test will fail. Install ffmpeg (apt-get install -y ffmpeg).`);
  process.exit(0);
}
console.error(`make-hls: wrote ${playlist}`);
