// xent's chart: a plotly figure drawn with Plotly.react, so a new figure updates the chart in place (an animated
// one is drawn anew, in the same element: see the draw below).
//
// st.plotly_chart gives every changed figure a new element id, so the browser throws the chart away and draws
// it again from nothing (Plotly.newPlot); Plotly.react redraws only what changed. The component is mounted by
// xentcore/app/ui/charts.py with `data` = UTF-8 bytes: a line of JSON {"src", "alt", "config", "rev"}, then the
// figure's JSON as plotly.py writes it:
//   src     where plotly.js is served (the installed plotly package's own bundle, see charts.py)
//   alt     the chart's text alternative: the container gets role="figure" and aria-label = alt
//   config  plotly's config
//   rev     a digest of the figure: a rerun that sends the same figure (and theme) draws nothing
//   failed  what the chart says, in the reader's language, before its alt, when it cannot be drawn
//   figure  with Streamlit's plotly template, whose colours are
//           placeholders (#000001 ... #000040) that Streamlit's own chart fills from the theme: done here too,
//           from the theme's CSS variables, so a chart follows the light and dark themes like any other element.
// While a figure is being drawn the chart carries data-drawing; tests and benchmarks wait for it to go. Given
// no figure, the script only starts loading plotly.js (a page asks for it as it opens).

function plotly(src) {
  if (!window.__xentPlotly) {
    // the page's HTML may load it already (xentcore/app/serve.py): wait for that script rather than load it again
    const early = document.getElementById("xent-plotly");
    window.__xentPlotly = window.Plotly
      ? Promise.resolve(window.Plotly)
      : new Promise((resolve, reject) => {
          let script = early;
          if (!script || script.dataset.failed) {
            script = document.createElement("script");
            script.src = new URL(src, document.baseURI).href;
            document.head.appendChild(script);
          }
          script.addEventListener("load", () => resolve(window.Plotly));
          script.addEventListener("error", () => { window.__xentPlotly = null; reject(new Error(`could not load ${src}`)); });
        });
  }
  return window.__xentPlotly;
}

// [r, g, b] of a CSS colour as themes write them (#rgb, #rrggbb, rgb(...), rgba(...)); others via the browser.
function rgb(colour) {
  const hex = colour.match(/^#([\da-f]{3}|[\da-f]{6})([\da-f]{2})?$/i);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join("") : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  }
  const numbers = colour.match(/^rgba?\(([^)]*)\)$/i);
  if (numbers) return numbers[1].split(/[ ,/]+/).slice(0, 3).map(Number);
  const probe = document.createElement("span");
  probe.style.color = colour;
  document.body.appendChild(probe);
  const parts = getComputedStyle(probe).color.match(/[\d.]+/g).map(Number);
  probe.remove();
  return parts.slice(0, 3);
}

function rgba(colour, alpha) {
  const [r, g, b] = rgb(colour);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function isLight(colour) {
  const [r, g, b] = rgb(colour);
  return 0.299 * r + 0.587 * g + 0.114 * b > 127;
}

// The theme as Streamlit's plotly theme sees it, from the CSS variables Streamlit sets around a component.
function theme(element) {
  const style = getComputedStyle(element);
  const read = (name, fallback) => style.getPropertyValue(`--st-${name}`).trim() || fallback;
  const list = (name) => read(name, "").split(",").map((c) => c.trim()).filter(Boolean);
  const background = read("background-color", "#ffffff");
  const text = read("text-color", "#31333f");
  const light = isLight(background);
  return {
    background,
    secondary: read("secondary-background-color", background),
    text,
    font: read("font", "sans-serif"),
    headingFont: read("heading-font", read("font", "sans-serif")),
    heading: read("heading-color", text),
    border: read("border-color", rgba(text, 0.2)),
    grid: light ? "#e6eaf1" : "#31333f",
    categorical: list("chart-categorical-colors"),
    sequential: list("chart-sequential-colors"),
    diverging: list("chart-diverging-colors"),
    green: read("green-color", "#21c354"),
    red: read("red-color", "#ff4b4b"),
    blue: read("blue-color", "#1c83e1"),
  };
}

// Streamlit's placeholders, in the order of its plotly template: 10 categorical, 10 sequential, 10 diverging
// colours, then increasing, decreasing, total, grid, muted text, text, background, faded text, background mix.
function fill(json, th) {
  const hex = (n) => `#${String(n).padStart(6, "0")}`;
  const colours = new Map();
  [th.categorical, th.sequential, th.diverging].forEach((scale, s) =>
    scale.slice(0, 10).forEach((c, i) => colours.set(hex(s * 10 + i + 1), c)));
  const named = [th.green, th.red, th.blue, th.grid, th.text, th.text, th.background, rgba(th.text, 0.05), th.secondary];
  named.forEach((c, i) => colours.set(hex(32 + i), c));
  return json.replace(/#0000[0-4]\d/g, (m) => colours.get(m) ?? m);
}

// What Streamlit's plotly theme adds to a figure's template layout (sizes in px: Streamlit's rem at 16 px). Tick
// labels and axis titles take the text colour, not Streamlit's lighter grey: 4.5:1 or more on either theme.
function themeLayout(th) {
  const axis = {
    zerolinecolor: th.grid, gridcolor: th.grid, tickcolor: th.grid, automargin: true,
    tickfont: { color: th.text, size: 12 }, title: { font: { color: th.text, size: 14 } },
  };
  return {
    font: { color: th.text, family: th.font, size: 12 },
    title: { font: { family: th.headingFont, size: 16, color: th.heading }, xanchor: "left", x: 0 },
    legend: { font: { size: 12, color: th.text }, title: { font: { size: 12, color: th.text } }, valign: "top",
              bordercolor: "rgba(0,0,0,0)", borderwidth: 0 },
    paper_bgcolor: th.background,
    plot_bgcolor: th.background,
    xaxis: { ...axis, showgrid: false, zeroline: false, title: { ...axis.title, standoff: 20 } },
    yaxis: { ...axis, ticklabelposition: "outside", title: { ...axis.title, standoff: 28 } },
    margin: { pad: 8, r: 0, l: 0 },
    hoverlabel: { bgcolor: th.background, bordercolor: th.border, font: { color: th.text, family: th.font, size: 12 } },
  };
}

function merge(base, extra) {
  for (const [k, v] of Object.entries(extra)) {
    const isObject = v && typeof v === "object" && !Array.isArray(v);
    base[k] = isObject && base[k] && typeof base[k] === "object" ? merge(base[k], v) : v;
  }
  return base;
}

function themed(figureJson, th) {
  const figure = JSON.parse(fill(figureJson, th));
  const layout = (figure.layout ??= {});
  const template = (layout.template ??= {});
  template.layout = merge(template.layout ?? {}, themeLayout(th));
  if (layout.title && typeof layout.title.text === "string" && layout.title.text) {
    layout.title = { ...layout.title, text: `<b>${layout.title.text}</b>` };  // as Streamlit shows titles
  }
  return figure;
}

export default function (component) {
  const { data, parentElement } = component;
  const text = new TextDecoder().decode(data);
  const newline = text.indexOf("\n");
  const message = JSON.parse(text.slice(0, newline));
  if (newline === text.length - 1) {  // no figure: the page only asks for plotly.js early (charts.preload_plotly)
    plotly(message.src).catch(() => {});
    return undefined;
  }
  let chart = parentElement.querySelector(":scope > .xent-chart");
  if (!chart) {
    chart = document.createElement("div");
    chart.className = "xent-chart";
    chart.setAttribute("role", "figure");
    parentElement.appendChild(chart);
  }
  chart.setAttribute("aria-label", message.alt);
  const th = theme(parentElement);
  const drawn = JSON.stringify([message.rev, message.config, th]);
  // Streamlit calls this when the element goes away (the chart is out of the page by then), and at once for a
  // call that a newer one replaced while it started (the chart is still shown: keep it)
  const cleanup = () => { if (!chart.isConnected && window.Plotly) window.Plotly.purge(chart); };
  if (chart.__xentDrawn === drawn) return cleanup;
  const call = (chart.__xentCall = (chart.__xentCall ?? 0) + 1);
  chart.dataset.drawing = "1";
  plotly(message.src)
    .then((Plotly) => {
      if (chart.__xentCall !== call) return;  // a newer figure came while plotly.js loaded: draw that one
      const figure = themed(text.slice(newline + 1), th);
      chart.__xentDrawn = drawn;
      const next = { ...figure, config: { responsive: true, ...message.config } };
      // An animated figure (the race: 18 traces, 101 frames) is drawn anew: Plotly.react compares every array by
      // reference, finds all of it changed and costs more than drawing from nothing (a race move's last chart
      // change 430 -> 365 ms here); a still figure changes in place.
      return figure.frames?.length ? Plotly.newPlot(chart, next) : Plotly.react(chart, next);
    })
    .catch((err) => {  // plotly.js did not load, or could not draw: say so, and what the chart shows (its alt)
      chart.textContent = `${message.failed} ${message.alt}`;
      chart.title = String(err);
    })
    .finally(() => { if (chart.__xentCall === call) delete chart.dataset.drawing; });
  return cleanup;
}
