// xent's coloured text: characters, each on a background colour of its own and with a title, in word groups
// that a line does not break, under a colour scale. Mounted by xentcore/app/ui/text_grid.py with `data` = UTF-8
// bytes of JSON:
//   alt     the group's label for a screen reader (role="group", aria-label)
//   scale   {title, stops: CSS colours left to right, lo, hi}: the scale drawn above (hidden from screen readers)
//   groups  [{word: keep on one line?, cells: [[text, background, ink, title], ...]}, ...]
// Everything is set as text and attributes of elements made here: no HTML is parsed, so the text (which may be
// the reader's) needs no sanitising, which for st.html cost 13-15 ms a language-page move (DOMPurify over 600
// spans). The same data sent again draws nothing.

// the grid wraps at any width; a word's characters stay on one line; the scale is a bar with its two ends
const CSS = `
.xent-grid { display: flex; flex-wrap: wrap; gap: 1px; font-family: "Source Code Pro", monospace;
  font-size: 0.95rem; line-height: 1.7; }
.xent-grid span[title] { min-width: 1.3em; padding: 0 0.1em; text-align: center; }
.xent-grid .w { display: inline-flex; gap: 1px; }
.xent-scale { font-size: 0.8rem; margin-bottom: 0.4rem; max-width: 24rem; }
.xent-scale .bar { height: 0.6rem; border-radius: 0.2rem; }
.xent-scale .ends { display: flex; justify-content: space-between; }
`;

function addStyle() {
  if (document.getElementById("xent-text-grid-style")) return;
  const style = element("style", "", CSS);
  style.id = "xent-text-grid-style";
  document.head.appendChild(style);
}

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export default function (component) {
  const { data, parentElement } = component;
  addStyle();
  const text = new TextDecoder().decode(data);
  if (parentElement.__xentGrid === text) return undefined;
  parentElement.__xentGrid = text;
  const { alt, scale, groups } = JSON.parse(text);

  const bar = element("div", "bar");
  bar.style.background = `linear-gradient(to right, ${scale.stops.join(", ")})`;
  const ends = element("div", "ends");
  ends.append(element("span", "", scale.lo), element("span", "", scale.hi));
  const key = element("div", "xent-scale");
  key.setAttribute("aria-hidden", "true");
  key.append(element("div", "", scale.title), bar, ends);

  const grid = element("div", "xent-grid");
  grid.setAttribute("role", "group");
  grid.setAttribute("aria-label", alt);
  for (const { word, cells } of groups) {
    const parent = word ? element("span", "w") : grid;
    for (const [value, background, ink, title] of cells) {
      const cell = element("span", "", value);
      cell.style.background = background;
      cell.style.color = ink;
      cell.title = title;
      parent.append(cell);
    }
    if (word) grid.append(parent);
  }
  parentElement.replaceChildren(key, grid);
  return undefined;
}
