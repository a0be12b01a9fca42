const FOCUSABLE = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, summary, [contenteditable]:not([contenteditable="false"]), [tabindex]';

/** Elements in the order Tab visits them (flat tree: shadow roots and slotted content in place); positive tabindex aside. */
function* flatTree(parent: ParentNode): Generator<Element> {
  const children = parent instanceof HTMLSlotElement ? parent.assignedElements({ flatten: true }) : [...parent.children];
  for (const child of children) {
    yield child;
    yield* flatTree(child.shadowRoot ?? child);
  }
}

function tabbable(el: Element): el is HTMLElement {
  return (
    el instanceof HTMLElement &&
    el.tabIndex >= 0 &&
    el.matches(FOCUSABLE) &&
    !el.matches(':disabled') &&
    !el.closest('[inert]') &&
    el.checkVisibility({ visibilityProperty: true })
  );
}

/**
 * Focuses the nearest element Tab could reach outside `region`: the first after it (`'after'`) or the last before
 * it (`'before'`), across shadow roots. Returns false when there is none (focus stays where it was).
 */
export function focusOutside(region: Element, where: 'before' | 'after'): boolean {
  let last: HTMLElement | undefined;
  let passed = false;
  for (const el of flatTree(document)) {
    if (el === region) {
      if (where === 'before') break;
      passed = true;
    } else if (!region.contains(el) && tabbable(el)) {
      if (passed) {
        el.focus();
        return true;
      }
      last = el;
    }
  }
  if (where === 'after' || !last) return false;
  last.focus();
  return true;
}
