/**
 * Whitespace and comment removal for the text of Lit's `css` and `html` tagged template literals, which a JS
 * minifier must leave as they are (a template's text is a value). Pure functions over the *raw* text of one
 * template's parts (the text between the backtick, each `${` and `}`), so they never see an expression; used by the
 * CDN build's plugin (build/vite-plugin-templates.ts) and unit-tested in test/build/template-minify.test.ts.
 *
 * Each returns parts that mean the same to the browser, or the parts unchanged when it meets something it does not
 * handle safely. Neither touches a backslash escape, nor the inside of a quoted string or attribute value. The state
 * (inside a string, a tag, a comment) is carried from one part to the next, so an expression inside quotes is safe.
 */

const space = /\s/;

/** Characters a CSS space next to them never separates (a space before `:` or `(` does: `a :hover`, `and (`). */
const cssTight = '{};,>';

/**
 * CSS: drops comments, turns each run of whitespace into one space, then drops that space next to `{ } ; , >`, after
 * `:` and before `)`, and a `;` just before `}`. Kept: a space before `:` (`a :hover` is a descendant selector) and
 * before `(` (`and (` is not `and(`), around `+ - * /` (calc), after a backslash (an escape), inside quotes, and one
 * space between text and an expression.
 */
export function minifyCss(parts: readonly string[]): string[] {
  if (parts.some((p) => /\\\s/.test(p))) return [...parts];
  let quote = '';
  let comment = false;
  const result: string[] = [];
  for (const [index, raw] of parts.entries()) {
    const out: string[] = [];
    let pending = false;
    const prev = (): string => (out.length ? out[out.length - 1]!.slice(-1) : index === 0 ? '{' : '');
    const flush = (next: string): void => {
      if (!pending) return;
      pending = false;
      const p = prev();
      if (p === '' ? false : (cssTight + ':').includes(p)) return;
      if (p === '' && index === 0) return;
      if (next !== '' && (cssTight + ')').includes(next)) return;
      out.push(' ');
    };
    let i = 0;
    while (i < raw.length) {
      const c = raw[i]!;
      if (comment) {
        const end = raw.indexOf('*/', i);
        if (end < 0) {
          i = raw.length;
          break;
        }
        comment = false;
        pending = true;
        i = end + 2;
        continue;
      }
      if (quote) {
        const start = i;
        while (i < raw.length && raw[i] !== quote) i += raw[i] === '\\' ? 2 : 1;
        if (i < raw.length) {
          i += 1;
          quote = '';
        }
        out.push(raw.slice(start, i));
        continue;
      }
      if (c === '/' && raw[i + 1] === '*') {
        comment = true;
        i += 2;
        continue;
      }
      if (space.test(c)) {
        pending = true;
        i += 1;
        continue;
      }
      if (c === '}' && out.length && out[out.length - 1] === ';') {
        out.pop();
        pending = false;
      }
      flush(c);
      if (c === '"' || c === "'") {
        quote = c;
        out.push(c);
        i += 1;
        continue;
      }
      const token = c === '\\' ? raw.slice(i, i + 2) : c;
      out.push(token);
      i += token.length;
    }
    // A part that ends inside a comment or a string hands its state on; trailing space before an expression stays.
    if (pending && index < parts.length - 1) flush('');
    result.push(out.join(''));
  }
  return comment || quote ? [...parts] : result;
}

/**
 * HTML: each run of whitespace holding a line break, in text or between a tag's attributes, becomes one space (what
 * the browser renders under `white-space: normal`, the only mode these templates' text uses). Left as they are:
 * runs without a line break, quoted attribute values, comments, and every template with a `<pre>`, `<textarea>`,
 * `<script>` or `<style>` (whose text is raw).
 */
export function minifyHtml(parts: readonly string[]): string[] {
  if (parts.some((p) => /<(pre|textarea|script|style)\b/i.test(p) || /\\\s/.test(p))) return [...parts];
  type State = 'text' | 'tag' | 'comment' | '"' | "'";
  let state: State = 'text';
  const result = parts.map((raw) => {
    const out: string[] = [];
    let i = 0;
    while (i < raw.length) {
      const c = raw[i]!;
      if (state === 'comment') {
        const end = raw.indexOf('-->', i);
        const stop = end < 0 ? raw.length : end + 3;
        out.push(raw.slice(i, stop));
        if (end >= 0) state = 'text';
        i = stop;
        continue;
      }
      if (state === '"' || state === "'") {
        const end = raw.indexOf(state, i);
        const stop = end < 0 ? raw.length : end + 1;
        out.push(raw.slice(i, stop));
        if (end >= 0) state = 'tag';
        i = stop;
        continue;
      }
      if (space.test(c)) {
        let j = i;
        while (j < raw.length && space.test(raw[j]!)) j += 1;
        const run = raw.slice(i, j);
        out.push(run.includes('\n') ? ' ' : run);
        i = j;
        continue;
      }
      if (state === 'text' && raw.startsWith('<!--', i)) {
        state = 'comment';
        continue;
      }
      if (state === 'text' && c === '<' && /[a-zA-Z/]/.test(raw[i + 1] ?? '')) state = 'tag';
      else if (state === 'tag' && c === '>') state = 'text';
      else if (state === 'tag' && (c === '"' || c === "'")) state = c;
      out.push(c);
      i += 1;
    }
    return out.join('');
  });
  return state === 'text' ? result : [...parts];
}
