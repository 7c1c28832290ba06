"""Layers one way: each package imports only the layers below it, and no domain package loads the UI.

The layers, lowest first: format, marks, linebreak, locations and exit_codes (no examprep imports);
content's model and YAML reading; grading (text matching); kinds (each question kind, built on content and
grading); content.loader (a bank, each question read through its kind); checks, papers, practice and
interchange; serve (the browser front: sign-in and textual-serve); then tui and commands, and cli on
top. Imports under `if TYPE_CHECKING:` are for type
hints only and are not counted.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "examprep"

BASE = {"format", "marks", "locations", "exit_codes", "__version__"}
ALLOWED = {
    "format": set(),
    "marks": set(),
    "linebreak": set(),
    "locations": set(),
    "exit_codes": set(),
    "content": {"content", "format"},
    "content.loader": {"content", "kinds"},
    "grading": {"content", "grading"},
    "kinds": {"content", "grading", "kinds", "format", "marks"},
    "checks": {"content", "grading", "kinds", "papers", "checks", "format", "marks"},
    "papers": {"content", "grading", "kinds", "papers", "format", "marks", "locations"},
    "practice": {"content", "grading", "kinds", "papers", "practice", "format", "marks"},
    "interchange": {"content", "grading", "kinds", "papers", "interchange", "format", "marks", "locations"},
    "serve": {"content", "grading", "kinds", "papers", "practice", "serve", "format", "marks", "locations"},
    "tui": {"content", "grading", "kinds", "papers", "practice", "tui", "format", "marks", "locations",
            "checks", "interchange", "linebreak", "serve"},
}
DOMAIN = ("content", "grading", "kinds", "checks", "papers", "practice", "interchange")


def _layer(module: str) -> str:
    return "content.loader" if module == "content.loader" else module.split(".")[0]


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imported_packages(path: Path) -> set[str]:
    """The examprep packages (first segment) a module imports, at any depth of the module."""
    parts = path.relative_to(SRC).with_suffix("").parts
    package = parts[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    found = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                target = base + (node.module.split(".") if node.module else [])
                found.add(target[0] if target else (node.names[0].name))
            elif node.module and node.module.startswith("examprep."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("examprep."))
    return found


MODULES = sorted(p for p in SRC.rglob("*.py") if p.relative_to(SRC).parts[0] not in ("commands", "cli.py",
                                                                                        "__main__.py", "__init__.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_each_module_imports_only_layers_below(path):
    module = ".".join(path.relative_to(SRC).with_suffix("").parts)
    allowed = ALLOWED[_layer(module)] | BASE & ALLOWED.get(_layer(module), set()) | {"__version__"}
    wrong = imported_packages(path) - allowed - {"__init__"}
    assert not wrong, f"{module} imports {sorted(wrong)}"


@pytest.mark.parametrize("package", DOMAIN)
def test_domain_packages_load_no_ui(package):
    modules = sorted(".".join(("examprep", *p.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__")
                     for p in (SRC / package).rglob("*.py"))
    code = (f"import sys, {', '.join(modules)};"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')"
            " or m.startswith(('examprep.tui', 'examprep.cli', 'examprep.commands'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_content_model_stands_on_its_own():
    code = ("import sys, examprep.content.model, examprep.content.fields;"
            "print(sorted(m for m in sys.modules if m.startswith(('examprep.kinds', 'examprep.grading'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
