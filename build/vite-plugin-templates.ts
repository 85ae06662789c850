import { RolldownMagicString } from 'rolldown';
import type { Plugin } from 'vite';
import { minifyCss, minifyHtml } from './template-minify.js';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}
interface TemplateElement extends Node {
  value: { raw: string };
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

/** Each `tag`-tagged template in `node`, depth first. */
function* taggedTemplates(node: Node): Generator<{ tag: string; quasis: TemplateElement[] }> {
  if (node.type === 'TaggedTemplateExpression') {
    const tag = node.tag as Node;
    const quasi = node.quasi as Node;
    if (tag.type === 'Identifier') yield { tag: tag.name as string, quasis: quasi.quasis as TemplateElement[] };
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) yield* taggedTemplates(child);
    } else if (isNode(value)) yield* taggedTemplates(value);
  }
}

const minifiers: Record<string, (parts: readonly string[]) => string[]> = { css: minifyCss, html: minifyHtml, svg: minifyHtml };

/**
 * Minifies the text of Lit's `css`, `html` and `svg` templates in Cueline's own modules (`src/`), which the JS
 * minifier leaves as written (see build/template-minify.ts for what is removed and what is kept). Runs after the
 * TypeScript transform; edits go through a magic string, so the source map still points into the `.ts` files.
 * A template whose parts the parser reports at offsets that do not hold their raw text is left alone.
 */
export function minifyLitTemplates(): Plugin {
  return {
    name: 'cueline-minify-lit-templates',
    apply: 'build',
    enforce: 'post',
    transform: {
      filter: { id: /\/src\/.*\.ts$/, code: /\b(css|html|svg)`/ },
      handler(code) {
        const ast = this.parse(code) as unknown as Node;
        const s = new RolldownMagicString(code);
        for (const { tag, quasis } of taggedTemplates(ast)) {
          const minify = minifiers[tag];
          if (!minify) continue;
          if (!quasis.every((q) => code.slice(q.start, q.end) === q.value.raw)) continue;
          const parts = minify(quasis.map((q) => q.value.raw));
          // A part only shrinks, so an empty one stays empty.
          quasis.forEach((q, i) => {
            if (parts[i] !== q.value.raw) s.overwrite(q.start, q.end, parts[i]!);
          });
        }
        return s.hasChanged() ? { code: s } : null;
      },
    },
  };
}
