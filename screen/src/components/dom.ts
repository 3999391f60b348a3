/** Attributes for {@link h}: `class`, `data-*`, `aria-*`, … as strings. */
export type Attrs = Record<string, string>;

/**
 * Create an element with attributes and children (strings become text nodes, so nothing is
 * ever parsed as HTML).
 *
 * @example h("div", { class: "kpi", "data-testid": "kpi-total-tce" }, "12.3万")
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}
