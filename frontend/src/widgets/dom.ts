/** The widgets build their markup with DOM calls, so text from the server is never parsed as HTML. */
export type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined>;

/**
 * An element with attributes and children. A `false`, `null` or `undefined` attribute is left out,
 * `true` is an empty (boolean) attribute; falsy children are skipped so markup can be conditional.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.filter((child): child is Node | string => Boolean(child)));
  return element;
}

/** A heading of the level the host asked for (`heading-level`), kept within h1–h6. */
export function heading(level: number, attributes: Attributes, ...children: Child[]): HTMLHeadingElement {
  const clamped = Math.min(6, Math.max(1, Math.round(level))) as 1 | 2 | 3 | 4 | 5 | 6;
  return h(`h${clamped}`, attributes, ...children);
}
