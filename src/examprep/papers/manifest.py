"""The manifest of a printing: which questions each paper variant holds, with its shuffles and marks.

`examprep paper` writes it beside the papers; `examprep mark --paper` reads it to tell which paper a
candidate sat and to translate the letters written on that paper back to the bank's keys.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

from ..content.errors import ContentError
from ..content.model import Question
from ..kinds.base import LETTERS
from . import messages as m
from .batch import json_reason, refuse_json_constant
from .draw import Paper

MANIFEST_FORMAT = 1


# Fields that do not decide how a question is marked.
_NOT_MARKING = frozenset({"id", "level", "points", "explanation", "tags", "case_id", "where", "examples",
                          "lexicon"})


def _plain(value):
    if is_dataclass(value):
        return [_plain(getattr(value, f.name)) for f in fields(value) if f.name != "where"]
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def question_digest(question: Question) -> str:
    """A short fingerprint of everything that decides a question's marking (its kind's fields), so
    that marking can warn when the bank changed after the paper was printed."""
    data = [question.type] + [_plain(getattr(question, f.name)) for f in fields(question)
                              if f.name not in _NOT_MARKING and f.name != "type"]
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:12]


@dataclass(frozen=True)
class ManifestQuestion:
    number: int
    id: str
    marks: float
    section: int  # index into the variant's sections
    option_order: tuple[str, ...] = ()  # bank option keys printed as A, B, C, …
    item_order: tuple[int, ...] = ()  # bank item indexes printed as A, B, C, …
    case: str | None = None
    digest: str = ""


@dataclass(frozen=True)
class ManifestSection:
    title: str
    type: str
    marks: float


@dataclass(frozen=True)
class ManifestVariant:
    name: str
    sections: tuple[ManifestSection, ...]
    questions: tuple[ManifestQuestion, ...]
    pass_mark: float | None = None  # the blueprint's pass mark, when it set one

    @property
    def total(self) -> float:
        return sum(q.marks for q in self.questions)

    def by_id(self) -> dict[str, ManifestQuestion]:
        return {q.id: q for q in self.questions}

    def by_number(self) -> dict[int, ManifestQuestion]:
        return {q.number: q for q in self.questions}


@dataclass(frozen=True)
class Manifest:
    blueprint: str
    title: str
    level: str
    seed: int
    variants: dict[str, ManifestVariant]


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def manifest_dict(papers: list[Paper]) -> dict:
    first = papers[0]
    variants = {}
    for paper in papers:
        sections = []
        for section in paper.sections:
            questions = []
            for case_id, item in [(None, i) for i in section.items] + [
                (c.case.id, i) for c in section.cases for i in c.items
            ]:
                entry = {"number": item.number, "id": item.id, "marks": _number(item.marks)}
                if item.option_order:
                    entry["options"] = list(item.option_order)
                if item.item_order:
                    entry["items"] = list(item.item_order)
                if case_id:
                    entry["case"] = case_id
                entry["digest"] = question_digest(item.question)
                questions.append(entry)
            sections.append({"title": section.title, "type": section.type,
                             "marks": _number(section.marks), "questions": questions})
        variants[paper.variant] = {"total": _number(paper.total), "sections": sections}
        if paper.pass_mark is not None:
            variants[paper.variant]["pass_mark"] = _number(paper.pass_mark)
    return {
        "examprep_manifest": MANIFEST_FORMAT, "blueprint": first.blueprint, "title": first.title,
        "level": first.level, "seed": first.seed, "variants": variants,
    }


def manifest_json(papers: list[Paper]) -> str:
    """The manifest as text: indented, with one line per question so a long paper stays readable."""
    data = manifest_dict(papers)
    compact: list[str] = []
    for variant in data["variants"].values():
        for section in variant["sections"]:
            for i, question in enumerate(section["questions"]):
                compact.append(json.dumps(question, ensure_ascii=False, allow_nan=False))
                section["questions"][i] = f"@@question-{len(compact) - 1}@@"
    text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
    for i, line in enumerate(compact):
        text = text.replace(f'"@@question-{i}@@"', line, 1)
    return text + "\n"


def _fail(name: str, message: str) -> ContentError:
    return ContentError.single(name, 1, message)


def read_manifest(path: Path | str) -> Manifest:
    """Read a manifest written by `examprep paper`; raises ContentError saying what is wrong."""
    path = Path(path)
    name = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=refuse_json_constant)
    except OSError as err:
        raise _fail(name, m.MANIFEST_UNREADABLE.format(reason=err.strerror)) from None
    except UnicodeDecodeError:
        raise _fail(name, m.MANIFEST_NOT_UTF8) from None
    except json.JSONDecodeError as err:
        raise ContentError.single(name, err.lineno, m.MANIFEST_NOT_JSON.format(reason=json_reason(err))) from None
    except ValueError as err:  # NaN or Infinity: not JSON
        raise _fail(name, m.MANIFEST_NOT_JSON.format(reason=err)) from None
    if not isinstance(data, dict) or "examprep_manifest" not in data:
        raise _fail(name, m.NOT_A_MANIFEST)
    if data["examprep_manifest"] != MANIFEST_FORMAT:
        raise _fail(name, m.MANIFEST_FORMAT_UNKNOWN.format(format=data['examprep_manifest']))
    try:
        variants = {}
        for vname, v in data["variants"].items():
            if vname not in LETTERS:
                raise _fail(name, m.BAD_VARIANT_NAME.format(name=vname))
            sections, questions = [], []
            for s_index, s in enumerate(v["sections"]):
                sections.append(ManifestSection(str(s["title"]), str(s["type"]), float(s["marks"])))
                for q in s["questions"]:
                    questions.append(ManifestQuestion(
                        number=int(q["number"]), id=str(q["id"]), marks=float(q["marks"]),
                        section=s_index, option_order=tuple(str(k) for k in q.get("options", ())),
                        item_order=tuple(int(i) for i in q.get("items", ())), case=q.get("case"),
                        digest=str(q.get("digest", "")),
                    ))
            pass_mark = float(v["pass_mark"]) if v.get("pass_mark") is not None else None
            variants[vname] = ManifestVariant(vname, tuple(sections), tuple(questions), pass_mark)
        return Manifest(str(data["blueprint"]), str(data["title"]), str(data["level"]),
                        int(data["seed"]), variants)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise _fail(name, m.MANIFEST_DAMAGED.format(error=f"{type(err).__name__}: {err}")) from None
