/**
 * Script URLs under Trusted Types. A page whose Content-Security-Policy has
 * `require-trusted-types-for 'script'` refuses a plain string or URL where a
 * script is loaded (`new Worker(url)` included); Cueline then makes its
 * script URLs through one named policy, which the page allows with
 * `trusted-types cueline` (next to Lit's `lit-html`).
 *
 * @see https://w3c.github.io/trusted-types/dist/spec/#enforcement-in-sinks
 */

/** The name of Cueline's Trusted Types policy. */
export const TRUSTED_TYPES_POLICY = 'cueline';

/** A `TrustedScriptURL` (typed here: TypeScript's DOM library has no Trusted Types yet). */
export interface TrustedScriptURL {
  readonly __trustedScriptURL: never;
  toString(): string;
}

interface Policy {
  createScriptURL(input: string): TrustedScriptURL;
}

interface Factory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): Policy;
  isScriptURL(value: unknown): value is TrustedScriptURL;
}

/** The page's Trusted Types factory, or null where the browser has none (then nothing is enforced). */
export function trustedTypes(): Factory | null {
  return ((globalThis as { trustedTypes?: Factory }).trustedTypes as Factory | undefined) ?? null;
}

let policy: Policy | null | undefined;
let policyError: Error | null = null;

/**
 * Only URLs that load a script over the network or from a blob pass the
 * policy: never `javascript:` or `data:`, whatever string reaches it.
 */
function checkScriptURL(input: string): string {
  const url = new URL(input, document.baseURI);
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'blob:') {
    throw new TypeError(`The ${TRUSTED_TYPES_POLICY} policy loads scripts over http(s) or from a blob only, not ${url.protocol}`);
  }
  return url.href;
}

/** Cueline's policy, made once per document; null (with the reason in `policyError`) when the page does not allow it. */
function cuelinePolicy(factory: Factory): Policy | null {
  if (policy !== undefined) return policy;
  try {
    policy = factory.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: checkScriptURL });
  } catch (e) {
    policy = null;
    policyError = e instanceof Error ? e : new Error(String(e));
  }
  return policy;
}

/** Why a script URL could not be made trusted. */
export class TrustedScriptURLError extends Error {
  override readonly name = 'TrustedScriptURLError';
}

/**
 * `url` as a page under Trusted Types accepts it for a script: a
 * `TrustedScriptURL` made by the `cueline` policy where the browser has
 * Trusted Types, else the URL's text. A `TrustedScriptURL` the page made
 * itself passes as it is. Throws `TrustedScriptURLError` when the page has
 * Trusted Types but does not allow the policy (its `trusted-types` directive
 * does not list `cueline`); the caller may still try the plain URL, which
 * works where Trusted Types are not required.
 */
export function scriptURL(url: string | URL | TrustedScriptURL): string | TrustedScriptURL {
  if (typeof url !== 'string' && !(url instanceof URL)) return url;
  const factory = trustedTypes();
  if (!factory) return String(url);
  const p = cuelinePolicy(factory);
  if (!p) throw new TrustedScriptURLError(`This page does not allow the “${TRUSTED_TYPES_POLICY}” Trusted Types policy (${policyError?.message ?? 'refused'}).`);
  return p.createScriptURL(String(url));
}
