import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Positions an element through the CSSOM (`el.style.setProperty`), never
 * through a `style` attribute: a page whose Content-Security-Policy has no
 * `style-src 'unsafe-inline'` blocks style attributes (Lit's `styleMap`
 * included, which writes the attribute on first render), and every block
 * would sit at one x.
 *
 * @see https://www.w3.org/TR/CSP3/#directive-style-src-attr
 */
class PlaceDirective extends Directive {
  #keys: string[] = [];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('place() goes in an element position: <div ${place({ left })}>');
  }

  render(_props: Readonly<Record<string, string>>): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string>>]): typeof nothing {
    const style = (part.element as HTMLElement).style;
    for (const k of this.#keys) if (!(k in props)) style.removeProperty(k);
    for (const [k, v] of Object.entries(props)) if (style.getPropertyValue(k) !== v) style.setProperty(k, v);
    this.#keys = Object.keys(props);
    return nothing;
  }
}

/** `<div ${place({ left: '10%', width: '2%' })}>`: CSS properties set through the CSSOM. */
export const place = directive(PlaceDirective);
