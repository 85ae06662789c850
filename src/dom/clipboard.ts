/**
 * Copying text for "Copy link": the async Clipboard API where the browser
 * allows it, else `execCommand('copy')` on a temporary text field; when both
 * are refused, the caller shows the text in a visible field, selected, for
 * the reader to copy by hand.
 * @see https://w3c.github.io/clipboard-apis/#dom-clipboard-writetext
 */

/** How the text reached the clipboard; 'manual' when it did not and the reader must copy it. */
export type CopyMethod = 'clipboard' | 'exec-command' | 'manual';

/** Copies `text`. `scope` is where a temporary field may be inserted (a shadow root keeps it out of the page). */
export async function copyText(text: string, scope: Node & ParentNode): Promise<CopyMethod> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return 'clipboard';
    }
  } catch {
    // Refused (no permission, document not focused, insecure context): try the old way.
  }
  return execCopy(text, scope) ? 'exec-command' : 'manual';
}

function execCopy(text: string, scope: Node & ParentNode): boolean {
  const doc = scope.ownerDocument ?? document;
  const field = doc.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.setAttribute('aria-hidden', 'true');
  field.style.cssText = 'position:fixed;inset:0 auto auto 0;width:1px;height:1px;opacity:0;';
  const active = (scope instanceof ShadowRoot ? scope.activeElement : doc.activeElement) as HTMLElement | null;
  scope.append(field);
  field.select();
  let ok = false;
  try {
    ok = doc.execCommand('copy');
  } catch {
    ok = false;
  }
  field.remove();
  active?.focus({ preventScroll: true });
  return ok;
}
