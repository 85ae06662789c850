/**
 * Writes a {@link WebVTTDocument} back to WebVTT text, such that
 * `parseWebVTT(serializeWebVTT(doc))` equals `doc` (errors aside) for any
 * document `parseWebVTT` returns without errors.
 *
 * @see https://www.w3.org/TR/webvtt1/#file-structure
 */
import type { WebVTTCue, WebVTTDocument, WebVTTNote, WebVTTRegion } from './types.js';
import { formatTimestamp } from './timestamp.js';

export { formatTimestamp };

/** A decimal number without exponent notation that parses back to the same double. */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const s = String(n);
  if (s.indexOf('e') === -1) return s;
  if (Math.abs(n) >= 1) return BigInt(n).toString();
  return n.toFixed(100).replace(/0+$/, '');
}

function percent(n: number): string {
  return formatNumber(n) + '%';
}

/**
 * The cue settings that differ from the spec's defaults, in an order that
 * parses back to the same cue: `region` last, because `vertical`, `line` and
 * `size` drop a region set before them.
 *
 * @see https://www.w3.org/TR/webvtt1/#webvtt-cue-settings
 */
export function serializeCueSettings(cue: WebVTTCue): string {
  const out: string[] = [];
  if (cue.vertical !== '') out.push(`vertical:${cue.vertical}`);
  if (cue.line !== 'auto') {
    const line = cue.snapToLines ? formatNumber(cue.line) : percent(cue.line);
    out.push(cue.lineAlign === 'start' ? `line:${line}` : `line:${line},${cue.lineAlign}`);
  }
  if (cue.position !== 'auto') {
    const position = percent(cue.position);
    out.push(cue.positionAlign === 'auto' ? `position:${position}` : `position:${position},${cue.positionAlign}`);
  }
  if (cue.size !== 100) out.push(`size:${percent(cue.size)}`);
  if (cue.align !== 'center') out.push(`align:${cue.align}`);
  if (cue.region && cue.region.id !== '') out.push(`region:${cue.region.id}`);
  return out.join(' ');
}

/**
 * A `REGION` block's settings line, defaults left out (an id is always written
 * when there is one).
 *
 * @see https://www.w3.org/TR/webvtt1/#webvtt-region-settings
 */
export function serializeRegionSettings(region: WebVTTRegion): string {
  const out: string[] = [];
  if (region.id !== '') out.push(`id:${region.id}`);
  if (region.width !== 100) out.push(`width:${percent(region.width)}`);
  if (region.lines !== 3) out.push(`lines:${formatNumber(Math.max(0, Math.floor(region.lines)))}`);
  if (region.regionAnchorX !== 0 || region.regionAnchorY !== 100) {
    out.push(`regionanchor:${percent(region.regionAnchorX)},${percent(region.regionAnchorY)}`);
  }
  if (region.viewportAnchorX !== 0 || region.viewportAnchorY !== 100) {
    out.push(`viewportanchor:${percent(region.viewportAnchorX)},${percent(region.viewportAnchorY)}`);
  }
  if (region.scroll === 'up') out.push('scroll:up');
  return out.join(' ');
}

/** One cue block: optional id line, timing line with settings, payload. */
export function serializeCue(cue: WebVTTCue): string {
  const settings = serializeCueSettings(cue);
  const timing = `${formatTimestamp(cue.startTime)} --> ${formatTimestamp(cue.endTime)}`;
  const head = cue.id === '' ? '' : cue.id + '\n';
  const body = cue.text === '' ? '' : '\n' + cue.text;
  return head + (settings === '' ? timing : timing + ' ' + settings) + body;
}

/**
 * Serializes a document: the `WEBVTT` line with the header, `REGION` blocks,
 * `STYLE` blocks, then cues with `NOTE` blocks placed before the cue they
 * preceded (`beforeCue`). Timestamps are always `hh:mm:ss.ttt`; only
 * non-default settings are written. A `STYLE` block with empty text cannot be
 * written (the parser would not read it back) and is left out.
 *
 * @see https://www.w3.org/TR/webvtt1/#file-structure
 */
export function serializeWebVTT(doc: WebVTTDocument): string {
  const blocks: string[] = [];
  const newline = doc.header.indexOf('\n');
  const first = newline === -1 ? doc.header : doc.header.slice(0, newline);
  let head = first === '' ? 'WEBVTT' : 'WEBVTT ' + first;
  if (newline !== -1) head += '\n' + doc.header.slice(newline + 1);
  blocks.push(head);
  for (const region of doc.regions) {
    // A region with every default still needs one setting line to be a REGION block.
    blocks.push('REGION\n' + (serializeRegionSettings(region) || 'width:100%'));
  }
  for (const style of doc.styles) {
    if (style.text !== '') blocks.push('STYLE\n' + style.text);
  }
  const notes = [...doc.notes].sort((a, b) => a.beforeCue - b.beforeCue);
  let n = 0;
  doc.cues.forEach((cue, index) => {
    for (let note = notes[n]; note && note.beforeCue <= index; note = notes[++n]) blocks.push(noteBlock(note));
    blocks.push(serializeCue(cue));
  });
  for (let note = notes[n]; note; note = notes[++n]) blocks.push(noteBlock(note));
  return blocks.join('\n\n') + '\n';
}

function noteBlock(note: WebVTTNote): string {
  if (note.text === '') return 'NOTE';
  return (note.newline ? 'NOTE\n' : 'NOTE ') + note.text;
}
