/**
 * The page's `default` Trusted Types policy, which media-chrome needs (4.19 writes its templates with
 * `shadowRoot.innerHTML` / `setHTMLUnsafe` and its tooltips and labels with `innerHTML`, as plain strings).
 * Cueline needs none: its templates go through Lit's own `lit-html` policy. The policy only answers the
 * HTML sinks media-chrome uses; scripts and script URLs (`createScript`, `createScriptURL`) stay blocked.
 * Each call is recorded with whether its stack passed through Cueline's source, so the test can check that
 * none came from our code.
 */
const HTML_SINKS = new Set([
  // Each element's shadow-root template.
  'ShadowRoot innerHTML',
  'ShadowRoot setHTMLUnsafe',
  // Tooltips, time and rate labels, the seek bar's buffered and segment bars.
  'Element innerHTML',
  'Element insertAdjacentHTML',
  // Chapter titles turned to text in an inert document (media-store's parseHtmlToText): no script runs there.
  'DOMParser parseFromString',
]);

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createHTML?: (value: string, type: string, sink: string) => string | null }): unknown;
}

const seen = window as unknown as { policyCalls: { sink: string; ours: boolean }[] };
seen.policyCalls = [];
const tt = (window as unknown as { trustedTypes?: TrustedTypesLike }).trustedTypes;
tt?.createPolicy('default', {
  createHTML(value, _type, sink) {
    const stack = new Error().stack ?? '';
    seen.policyCalls.push({ sink, ours: /\/src\/(elements|controllers|dom|core)\//.test(stack) });
    return HTML_SINKS.has(sink) ? value : null;
  },
});
export {};
