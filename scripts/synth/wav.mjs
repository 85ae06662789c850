// Minimal 16-bit PCM mono WAV reading and writing, and silence trimming.
// Everything downstream counts in samples, so offsets are exact.

import { readFileSync, writeFileSync } from 'node:fs';

/**
 * @param {string} path
 * @returns {{ sampleRate: number, samples: Int16Array }}
 */
export function readWav(path) {
  const buf = readFileSync(path);
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${path}: not a RIFF/WAVE file`);
  }
  let sampleRate = 0;
  for (let at = 12; at + 8 <= buf.length; ) {
    const id = buf.toString('ascii', at, at + 4);
    const declared = buf.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') {
      const format = buf.readUInt16LE(body);
      const channels = buf.readUInt16LE(body + 2);
      const bits = buf.readUInt16LE(body + 14);
      if (format !== 1 || channels !== 1 || bits !== 16) {
        throw new Error(`${path}: expected 16-bit PCM mono, got format ${format}, ${channels} ch, ${bits} bit`);
      }
      sampleRate = buf.readUInt32LE(body + 4);
    } else if (id === 'data') {
      if (!sampleRate) throw new Error(`${path}: data chunk before fmt chunk`);
      // A streamed header may declare more bytes than were written.
      const size = Math.min(declared, buf.length - body) & ~1;
      const samples = new Int16Array(size / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(body + 2 * i);
      return { sampleRate, samples };
    }
    at = body + declared + (declared & 1);
  }
  throw new Error(`${path}: no data chunk`);
}

/**
 * @param {string} path
 * @param {Int16Array} samples
 * @param {number} sampleRate
 */
export function writeWav(path, samples, sampleRate) {
  const header = Buffer.alloc(44);
  const dataBytes = samples.length * 2;
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  const data = Buffer.from(samples.buffer, samples.byteOffset, dataBytes);
  writeFileSync(path, Buffer.concat([header, data]));
}

/**
 * Bounds of the audible part: from the first to the last sample whose
 * magnitude exceeds `threshold`, widened by `padSamples` each side so soft
 * onsets and decays are kept. Returns [start, end) sample indices.
 * @param {Int16Array} samples
 * @param {{ threshold: number, padSamples: number }} options
 * @returns {[number, number]}
 */
export function audibleBounds(samples, { threshold, padSamples }) {
  let first = -1;
  let last = -1;
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(/** @type {number} */ (samples[i])) > threshold) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) throw new Error('no audible samples');
  return [Math.max(0, first - padSamples), Math.min(samples.length, last + 1 + padSamples)];
}
