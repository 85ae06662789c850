/**
 * `REGION` blocks: defaults and the region settings parser.
 *
 * @see https://www.w3.org/TR/webvtt1/#region-settings-parsing
 */
import type { WebVTTRegion } from './types.js';
import { indexOfCode, isWhitespace, report, type LineContext } from './errors.js';
import { parsePercentage } from './settings.js';

/** A region with the spec's defaults ("Region creation"). */
export function createRegion(): WebVTTRegion {
  return {
    id: '',
    width: 100,
    lines: 3,
    regionAnchorX: 0,
    regionAnchorY: 100,
    viewportAnchorX: 0,
    viewportAnchorY: 100,
    scroll: '',
  };
}

/** Parses `x%,y%` from `s[from, to)`; returns null unless both are valid percentages. */
function parseAnchor(s: string, from: number, to: number): [number, number] | null {
  const comma = indexOfCode(s, 44, from, to);
  if (comma < 0) return null;
  const x = parsePercentage(s, from, comma);
  const y = parsePercentage(s, comma + 1, to);
  return Number.isNaN(x) || Number.isNaN(y) ? null : [x, y];
}

/**
 * "Collect WebVTT region settings" from one line `s[from, to)` of a `REGION`
 * block into `region`. Tokens are `name:value`; bad ones are ignored and
 * reported at their column.
 *
 * @see https://www.w3.org/TR/webvtt1/#collect-webvtt-region-settings
 */
export function parseRegionSettings(s: string, from: number, to: number, region: WebVTTRegion, ctx: LineContext): void {
  let i = from;
  while (i < to) {
    while (i < to && isWhitespace(s.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && !isWhitespace(s.charCodeAt(i))) i++;
    const colon = indexOfCode(s, 58, start, i);
    if (colon <= start || colon === i - 1) {
      report(ctx, 'bad-region-setting', `Region setting "${s.slice(start, i)}" is not of the form name:value`, start);
      continue;
    }
    const problem = applyRegionSetting(s, s.slice(start, colon), colon + 1, i, region);
    if (problem) report(ctx, 'bad-region-setting', problem, start);
  }
}

function applyRegionSetting(s: string, name: string, from: number, to: number, region: WebVTTRegion): string {
  const value = s.slice(from, to);
  switch (name) {
    case 'id':
      region.id = value;
      return '';
    case 'width': {
      const width = parsePercentage(s, from, to);
      if (Number.isNaN(width)) return `Region setting width:${value} must be a percentage from 0% to 100%`;
      region.width = width;
      return '';
    }
    case 'lines': {
      for (let i = from; i < to; i++) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57) return `Region setting lines:${value} must be a whole number`;
      }
      region.lines = Number(value);
      return '';
    }
    case 'regionanchor': {
      const anchor = parseAnchor(s, from, to);
      if (!anchor) return `Region setting regionanchor:${value} must be two percentages, x%,y%`;
      [region.regionAnchorX, region.regionAnchorY] = anchor;
      return '';
    }
    case 'viewportanchor': {
      const anchor = parseAnchor(s, from, to);
      if (!anchor) return `Region setting viewportanchor:${value} must be two percentages, x%,y%`;
      [region.viewportAnchorX, region.viewportAnchorY] = anchor;
      return '';
    }
    case 'scroll':
      if (value === 'up') {
        region.scroll = 'up';
        return '';
      }
      return `Region setting scroll:${value} must be "up"`;
    default:
      return `Unknown region setting "${name}"`;
  }
}
