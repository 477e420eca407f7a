"""KaTeX as Streamlit ships it (``streamlit/static/.../katex.*.js``, an ES module), run with Node: does a formula
parse, and what text does it show? ``AVAILABLE`` is false without Node or the bundle; the tests using it skip."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import streamlit

BUNDLE = sorted((Path(streamlit.__file__).parent / "static" / "static" / "js").glob("katex.*.js"))
NODE = shutil.which("node")
AVAILABLE = bool(BUNDLE and NODE)

_SCRIPT = r"""
import fs from 'fs';
import { pathToFileURL } from 'url';
const katex = (await import(pathToFileURL(process.argv[2]).href)).default;
const sources = JSON.parse(fs.readFileSync(0, 'utf8'));
const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
const out = sources.map((s) => {
  try {
    const html = katex.renderToString(s, {throwOnError: true, displayMode: true, strict: 'ignore', output: 'mathml'});
    return [null, [...html.matchAll(/<mtext>(.*?)<\/mtext>/gs)].map((m) => decode(m[1])).join('')];
  } catch (e) { return [e.message, null]; }
});
process.stdout.write(JSON.stringify(out));
"""


def render(sources: list[str]) -> list[tuple[str | None, str | None]]:
    """For each LaTeX source (without ``$$``): ``(error, None)`` if KaTeX refuses it, else ``(None, text)``, the
    text of its ``\\text{...}`` parts as shown (KaTeX's MathML ``<mtext>``, concatenated)."""
    with tempfile.TemporaryDirectory() as tmp:
        module, script = Path(tmp) / "katex.mjs", Path(tmp) / "check.mjs"
        shutil.copyfile(BUNDLE[-1], module)
        script.write_text(_SCRIPT, encoding="utf-8")
        out = subprocess.run(
            [NODE, str(script), str(module)], input=json.dumps(sources), capture_output=True, text=True, check=True
        )
    return [tuple(r) for r in json.loads(out.stdout)]
