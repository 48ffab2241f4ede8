/** Tiny element builders: text is always set as text, never parsed as HTML. */
type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined>;

function build<E extends Element>(element: E, attributes: Attributes, children: readonly Child[]): E {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children)
    if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  return build(document.createElement(tag), attributes, children);
}

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

export function byId<E extends HTMLElement>(id: string): E {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element as E;
}

const ISO_DATE = /(\d{4}-\d{2}-\d{2}(?:\/\d{4}-\d{2}-\d{2})?)/;

/** Text with each ISO date in it kept whole on one line: a browser would otherwise break "1994-04-20" at a hyphen. */
export function withWholeDates(text: string): (string | HTMLElement)[] {
  return text
    .split(ISO_DATE)
    .map((part, index) => (index % 2 === 1 ? html('span', { class: 'date' }, part) : part))
    .filter((part) => part !== '');
}
