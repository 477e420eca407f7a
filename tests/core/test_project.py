"""House rules a script can check: layering, translations, README and CI agree."""

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from xentcore.app.ui.text import TABLE

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = sorted((ROOT / "xentcore").glob("*.py"))
APP = sorted((ROOT / "xentcore" / "app").rglob("*.py"))
PAGE_FILES = [ROOT / "home.py", *sorted((ROOT / "pages").glob("*.py"))]
APP_ONLY = {"streamlit", "plotly", "pandas", "sklearn"}


def imported_modules(path: Path) -> set[str]:
    """Top-level package names and full ``xentcore.*`` module names a file imports (anywhere in it)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
            names |= {a.name for a in node.names if a.name.startswith("xentcore.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
            if node.module.startswith("xentcore."):
                names.add(node.module)
    return names


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_library_never_imports_the_app(path):
    assert not any(m.startswith("xentcore.app") for m in imported_modules(path)), f"{path.name} imports the app"


def test_the_library_imports_with_numpy_alone():
    """In a fresh interpreter where streamlit, plotly, pandas and scikit-learn cannot be imported, every library
    module imports, and none of them is loaded."""
    modules = [f"xentcore.{p.stem}" for p in LIBRARY if p.stem != "__init__"]
    code = f"""
import importlib, importlib.abc, sys
BLOCKED = {sorted(APP_ONLY)!r}
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{{name}} is not installed (blocked by the test)")
sys.meta_path.insert(0, Block())
import xentcore
for name in {modules!r}:
    importlib.import_module(name)
print(sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_the_library_list_is_not_empty():
    assert {p.name for p in LIBRARY} >= {"info.py", "losses.py", "training.py", "datasets.py"}


PURE_APP = [p for p in APP if p.name in ("figures.py", "state.py", "share.py", "model.py", "format.py")]


def _blocked_import(modules: list[str], blocked: set[str]) -> subprocess.CompletedProcess:
    """Import ``modules`` in a fresh interpreter in which the packages ``blocked`` cannot be imported."""
    code = f"""
import importlib, importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {sorted(blocked)!r}:
            raise ImportError(f"{{name}} is not installed (blocked by the test)")
sys.meta_path.insert(0, Block())
for name in {modules!r}:
    importlib.import_module(name)
"""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)


def test_app_models_figures_state_and_formats_work_without_streamlit():
    """What a page shows is computed and drawn by code the tests can run without Streamlit."""
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts) for p in PURE_APP]
    assert len(modules) >= 10
    out = _blocked_import(modules, {"streamlit"})
    assert out.returncode == 0, out.stderr[-2000:]


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
    for path in [ROOT / "home.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "xentcore").rglob("*.py")]:
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


def test_requirements_install_this_package_with_the_app():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    assert "-e .[app]" in lines or ".[app]" in lines


def test_the_library_depends_on_numpy_alone():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert [d.split(">")[0] for d in project["dependencies"]] == ["numpy"]
    assert {"streamlit", "plotly", "pandas", "scikit-learn"} <= {
        d.split(">")[0] for d in project["optional-dependencies"]["app"]
    }
    for command in _readme_commands():
        assert "app" in command.split("pip install", 1)[1].split("&&")[0], command


def test_readme_documents_every_share_key():
    from xentcore.app.share_keys import readme_with_keys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == readme_with_keys(readme), "run: python -m xentcore.app.share_keys --readme"


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.name)
def test_a_page_file_reads_as_the_page(path):
    """A page is set-up, build, layout: no arithmetic (neither numpy nor math), and short."""
    assert not imported_modules(path) & {"numpy", "math"}, f"{path.name} computes: move it to its model"
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 200, f"{path.name} is long: move sections out"


def test_the_server_runs_no_full_garbage_collection_after_each_script_run():
    """Streamlit's default ``runner.postScriptGC`` collects every generation after every run; with the shared
    caches full it cost each move ~90 ms or more (the tutorial's move in the browser benchmark, measured after the
    race's and the surfaces' recomputing moves: 313 ms with it, 139 ms without). Python's generational collector
    still runs."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False


def test_the_charts_plotly_js_is_served_from_static_and_not_kept_in_git():
    """The chart component loads plotly.js from ``app/static/`` (``xentcore.app.ui.charts.plotly_js_url``): static
    serving is on, and the copy made there from the installed plotly package is ignored by git."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableStaticServing"] is True
    for copy in ("static/plotly-7.1.0.min.js", "benchmarks/static/plotly-7.1.0.min.js"):  # beside any script
        assert subprocess.run(["git", "check-ignore", "-q", copy], cwd=ROOT).returncode == 0, copy
    assert (ROOT / "static" / "README.md").is_file()  # the folder exists in a clean clone
