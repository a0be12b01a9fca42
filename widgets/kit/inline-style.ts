import { noChange, nothing } from 'lit';
import type { ElementPart } from 'lit';
import { Directive, PartType, directive } from 'lit/directive.js';
import type { PartInfo } from 'lit/directive.js';

/** CSS property names as written in CSS (`grid-column`, `--w`) and their values; null or undefined removes one. */
export type InlineStyles = Readonly<Record<string, string | number | null | undefined>>;

/**
 * Sets an element's own styles through the CSSOM (`element.style.setProperty`), never through a `style` attribute.
 * A host page whose Content-Security-Policy has `style-src` without 'unsafe-inline' blocks every `style="…"`
 * attribute, whether parsed from a template or set with `setAttribute`, but not CSSOM writes. Lit's `styleMap`
 * writes the attribute on its first render (lit/lit#4719), so it is blocked there too.
 *
 * Usage, as an element binding: `<td ${inlineStyle({ background: fill, color: ink })}>`.
 */
class InlineStyleDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('rapport/kit: inlineStyle() binds to an element, not to an attribute or text.');
  }

  render(_styles: InlineStyles) {
    return nothing;
  }

  override update(part: ElementPart, [styles]: [InlineStyles]) {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.previous) {
      if (styles[name] == null) {
        style.removeProperty(name);
        this.previous.delete(name);
      }
    }
    for (const [name, value] of Object.entries(styles)) {
      if (value == null) continue;
      style.setProperty(name, String(value));
      this.previous.add(name);
    }
    return noChange;
  }
}

export const inlineStyle = directive(InlineStyleDirective);
