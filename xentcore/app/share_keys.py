"""Print the share-link keys of every page as Markdown: ``python -m xentcore.app.share_keys``; with ``--readme``,
write them into README.md between the ``share-keys`` markers."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from xentcore.app.pages import PAGES
from xentcore.app.share import Bool, Choice, Distribution, Float, Floats, Int, Names, Param, Schema, format_float


def _allowed(p: Param) -> str:
    if isinstance(p, Float) and p.options:
        return " \\| ".join(format_float(o) for o in p.options)
    if isinstance(p, Float | Int):
        return f"{p.lo:g} to {p.hi:g}"
    if isinstance(p, Choice):
        return " \\| ".join(f"`{o}`" for o in p.options)
    if isinstance(p, Bool):
        return "`1` \\| `0`"
    if isinstance(p, Distribution):
        return f"{p.min_len} to {p.max_len} weights ≥ 0, comma-separated (normalised)"
    if isinstance(p, Floats):
        return f"{p.min_len} to {p.max_len} numbers in [{p.lo:g}, {p.hi:g}], comma-separated"
    if isinstance(p, Names):
        return f"{p.min_len} to {p.max_len} names, comma-separated"
    return p.describe() if hasattr(p, "describe") else ""  # a page's own Param type says what it takes


def _default(p: Param) -> str:
    text = p.encode(p.default)
    if text:
        return f"`{text}`"
    return "(empty)" if p.default == "" else "(language default)"


def schemas() -> list[tuple[str, Schema]]:
    found = []
    for page in PAGES:
        module = importlib.import_module(f"xentcore.app.{page.id}.state")
        for value in vars(module).values():
            if isinstance(value, Schema) and value.params:
                found.append((page.id, value))
    return sorted(found, key=lambda pair: pair[1].name)


def markdown() -> str:
    lines = []
    for _, schema in schemas():
        lines += [f"**{schema.name}**", "", "| key | default | allowed |", "|---|---|---|"]
        lines += [f"| `{p.key}` | {_default(p)} | {_allowed(p)} |" for p in schema.params]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


START = "<!-- share-keys: generated from xentcore/app/*/state.py by `python -m xentcore.app.share_keys --readme` -->"
END = "<!-- /share-keys -->"


def readme_with_keys(readme: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{markdown()}{END}{tail}"


if __name__ == "__main__":
    if "--readme" in sys.argv:
        path = Path("README.md")
        path.write_text(readme_with_keys(path.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(markdown(), end="")
