/**
 * Time formatting and parsing at the edges. Everything inside the library is
 * seconds as numbers.
 */

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** `65.4` -> `1:05`, `3725` -> `1:02:05`. Negative and non-finite values format as `0:00`. */
export function formatTime(seconds: number): string {
  const s = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(sec)}` : `${m}:${pad2(sec)}`;
}

/** Spoken form for accessible names: `1 hour 2 minutes 5 seconds`. */
export function formatTimeLong(seconds: number): string {
  const s = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (sec || parts.length === 0) parts.push(`${sec} second${sec === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/**
 * Parses a W3C Media Fragments temporal value in normal play time:
 * `95`, `95.5`, `1:35`, `00:01:35.000`, optionally prefixed `npt:`; a range
 * `95,120` yields its start. Returns seconds, or null when malformed.
 * @see https://www.w3.org/TR/media-frags/#naming-time
 */
export function parseTimeParam(value: string): number | null {
  let v = value.trim();
  if (v.startsWith('npt:')) v = v.slice(4);
  const comma = v.indexOf(',');
  if (comma >= 0) v = v.slice(0, comma);
  if (v === '') return null;
  const m = /^(?:(?:(\d+):)?([0-5]?\d):)?(\d+(?:\.\d*)?)$/.exec(v);
  if (!m) return null;
  const [, h, min, sec] = m;
  if ((h !== undefined || min !== undefined) && Number(sec) >= 60) return null;
  return Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(sec);
}
