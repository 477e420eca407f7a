"""House rules a script can check: layering, translations, README and CI agree."""

import ast
import re
import string
from pathlib import Path

import pytest

from xentcore.ui.text import TABLE

ROOT = Path(__file__).resolve().parents[2]
FLOOR_0 = sorted(p for p in (ROOT / "xentcore").rglob("*.py") if not {"ui", "plots"} & set(p.parts))
FLOOR_1 = sorted((ROOT / "xentcore" / "plots").rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
            if node.module.startswith("xentcore."):
                names.add(node.module)
    return names


@pytest.mark.parametrize("path", FLOOR_0, ids=lambda p: str(p.relative_to(ROOT)))
def test_floor_0_imports_neither_streamlit_nor_plotly(path):
    bad = imported_modules(path) & {"streamlit", "plotly"}
    assert not bad, f"{path.name} is floor 0 and imports {bad}"
    assert not any(m.startswith(("xentcore.ui", "xentcore.plots")) for m in imported_modules(path))


@pytest.mark.parametrize("path", FLOOR_1, ids=lambda p: str(p.relative_to(ROOT)))
def test_floor_1_does_not_import_streamlit(path):
    mods = imported_modules(path)
    assert "streamlit" not in mods and not any(m.startswith("xentcore.ui") for m in mods)


def test_floor_0_list_is_not_empty():
    assert {p.name for p in FLOOR_0} >= {"info.py", "losses.py", "share.py"}


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("key", sorted(TABLE))
def test_every_string_is_translated(key):
    value = TABLE[key]
    assert isinstance(value, tuple) and len(value) == 2, f"{key} needs (English, Chinese)"
    en, zh = value
    assert en.strip() and zh.strip(), f"{key} is empty in a language"
    assert _fields(en) == _fields(zh), f"{key}: placeholders differ between languages"


def test_chinese_is_chinese():
    """A missing translation shows up as the English text copied into the Chinese slot."""

    def prose(text: str) -> str:  # without code, maths, placeholders and terms Chinese texts keep as is
        text = re.sub(r"`[^`]*`|\$[^$]*\$|\{[^}]*\}", "", text)
        return re.sub(r"\b(logits?|softmax|sigmoid|MSE|KL|numpy|NumPy|xentcore)\b", "", text)

    untranslated = [k for k, (en, zh) in TABLE.items() if en == zh and re.search(r"[A-Za-z]{4,}", prose(en))]
    assert not untranslated


def test_every_literal_key_used_in_code_exists():
    used = set()
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "xentcore").rglob("*.py")]:
        used |= set(re.findall(r"""\bt\(\s*["']([\w.\-]+)["']\s*[,)]""", path.read_text(encoding="utf-8")))
    missing = sorted(used - set(TABLE))
    assert not missing, f"t() keys with no translation: {missing}"


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", setup)


def test_readme_has_exactly_two_setup_commands():
    commands = _readme_commands()
    assert len(commands) == 2
    assert "streamlit run app.py" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim():
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _readme_commands()[1] in ci_lines


def test_requirements_install_this_package():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    assert "-e ." in lines or "." in lines


def test_readme_documents_every_share_key():
    from xentcore.state.__main__ import readme_with_keys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == readme_with_keys(readme), "run: python -m xentcore.state --readme"
