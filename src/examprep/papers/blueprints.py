"""Finding the blueprint a user names: a path to a YAML file, or a name in the content root's papers/."""

from __future__ import annotations

from pathlib import Path

from ..content import messages as m
from ..content.errors import ContentError, Problem
from ..content.fields import did_you_mean
from ..content.loader import read_blueprint
from ..content.model import Bank, Blueprint
from ..content.yamlfile import read_yaml


def _looks_like_path(argument: str) -> bool:
    return argument.endswith((".yaml", ".yml")) or "/" in argument or "\\" in argument


def read_blueprint_file(path: Path, bank: Bank) -> Blueprint:
    """Read a blueprint file outside the content root; raises ContentError with file:line problems."""
    name = str(path)
    if not path.is_file():
        raise ContentError.single(name, 0, m.BLUEPRINT_FILE_NOT_FOUND)
    data = read_yaml(path, name)
    if data is None:
        raise ContentError.single(name, 1, m.FILE_EMPTY)
    problems: list[Problem] = []
    blueprint = read_blueprint(data, name, path.stem, problems, bank.levels)
    if problems or blueprint is None:
        raise ContentError(problems or [Problem(name, 1, m.NOT_A_BLUEPRINT)])
    return blueprint


def find_blueprint(argument: str, bank: Bank) -> Blueprint:
    """The blueprint `argument` names: a file path, else a file name (without .yaml) in papers/."""
    path = Path(argument)
    if _looks_like_path(argument) or path.is_file():
        return read_blueprint_file(path, bank)
    blueprint = bank.blueprints.get(argument)
    if blueprint is None:
        folder = Path(bank.root) / "papers"
        known = "、".join(sorted(bank.blueprints)) or "无"
        raise ContentError.single(
            str(folder), 0,
            m.NO_BLUEPRINT.format(name=argument, hint=did_you_mean(argument, bank.blueprints), known=known),
        )
    return blueprint
