"""Plain-dict views of the content model, for JSON output."""

from __future__ import annotations

from dataclasses import fields, is_dataclass

from .model import Case, Location, Point, Question


def _plain(value):
    if isinstance(value, Location):
        return {"file": value.file, "line": value.line}
    if is_dataclass(value):
        out = {}
        for f in fields(value):
            item = getattr(value, f.name)
            if f.name == "where":
                out.update(_plain(item))
            elif f.name == "options":
                out[f.name] = {k: text for k, text in item}
            elif f.name != "lexicon":  # the bank's thesaurus, not the question's
                out[f.name] = _plain(item)
        return out
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def point_dict(point: Point) -> dict:
    return _plain(point)


def question_dict(question: Question) -> dict:
    return _plain(question)


def case_dict(case: Case) -> dict:
    out = _plain(case)
    out["questions"] = [q.id for q in case.questions]
    return out
