"""Load a content root (points/, questions/, cases/, papers/) into a `Bank`.

`read_bank` returns the bank together with every problem found, so `validate` can list them all;
`load_bank` is for everything else and raises `ContentError` when the content is not usable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..kinds.registry import KIND_FIELDS, KINDS, QUESTION_TYPES
from . import messages as m
from .errors import ContentError, Problem
from .fields import ID_PATTERN, SEGMENT_PATTERN, FieldReader, did_you_mean
from .model import (
    EMPTY_LEXICON,
    KNOWN_LEVELS,
    Bank,
    Blueprint,
    Case,
    Example,
    Lexicon,
    Location,
    Point,
    Question,
    RubricPoint,
    Section,
    Topic,
)
from .yamlfile import YamlMap, read_yaml

POINTS_FILE_FIELDS = ("topic", "title", "level", "source", "points")
POINT_FIELDS = ("id", "title", "items", "ordered", "text", "ref", "source", "tags")
COMMON_QUESTION_FIELDS = ("id", "type", "level", "points", "stem", "score", "explanation", "tags", "note")
QUESTION_FIELDS = COMMON_QUESTION_FIELDS + KIND_FIELDS  # each kind adds its own (kinds.registry)
RUBRIC_FIELDS = ("id", "point", "keywords", "weight", "all", "under", "label", "note")
SYNONYMS_FIELDS = ("synonyms", "antonyms")
EXAMPLE_FIELDS = ("answer", "score")
CASE_FIELDS = ("id", "title", "level", "points", "source", "scenario", "questions", "tags", "note")
MAX_DURATION_MINUTES = 600  # a mock exam lasts 1 to 600 minutes: more is a typo (or an attack)
BLUEPRINT_FIELDS = ("title", "level", "duration", "sections", "pass_mark")
SECTION_FIELDS = ("title", "type", "count", "score", "tags", "topics", "points", "instructions")
SECTION_TYPES = (*QUESTION_TYPES, "case")


class _Builder:
    """Reads the files of one root, accumulating model objects and problems."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.unreadable: dict[tuple[str, str], str] = {}  # (level, topic) -> points file not read
        self.levels = dict(KNOWN_LEVELS)
        self.points: dict[str, Point] = {}
        self.topics: dict[tuple[str, str], Topic] = {}
        self.questions: dict[str, Question] = {}
        self.cases: dict[str, Case] = {}
        self.blueprints: dict[str, Blueprint] = {}
        self.lexicon: Lexicon = EMPTY_LEXICON
        self.id_sites: dict[str, Location] = {}
        # (what, id, point ids, where) of every question and case read, valid or not
        self.references: list[tuple[str, str, tuple[str, ...], Location]] = []

    # -- helpers -------------------------------------------------------------
    def inside_root(self, path: Path) -> bool:
        try:
            path.resolve().relative_to(self.root.resolve())
        except (ValueError, OSError):
            return False
        return True

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def problem(self, file: str, line: int, message: str) -> None:
        self.problems.append(Problem(file, line, message))

    def read(self, path: Path, expect: type = YamlMap):
        name = self.rel(path)
        if not self.inside_root(path):  # a link out of the bank (to /etc/shadow): never read or echoed
            self.problem(name, 1, m.LINK_OUTSIDE)
            return None
        try:
            data = read_yaml(path, name)
        except ContentError as err:
            self.problems.extend(err.problems)
            return None
        if data is None:
            self.problem(name, 1, m.FILE_EMPTY)
            return None
        if not isinstance(data, expect):
            self.problem(name, 1, m.NOT_A_MAPPING)
            return None
        return data

    def claim_id(self, ident: str | None, where: Location) -> bool:
        """Record an id; report it when another place of the root has it already."""
        if ident is None:
            return False
        first = self.id_sites.get(ident)
        if first is not None:
            self.problem(where.file, where.line, m.DUPLICATE_ID.format(ident=ident, first=first))
            return False
        self.id_sites[ident] = where
        return True

    def level(self, reader: FieldReader, required: bool = True) -> str | None:
        value = reader.text("level", required)
        if value is not None and value not in self.levels:
            reader.fail(
                reader.line("level"),
                m.UNKNOWN_LEVEL_DECLARE.format(value=value, hint=did_you_mean(value, self.levels),
                                              levels="、".join(self.levels)),
            )
            return None
        return value

    def files(self, folder: str) -> list[Path]:
        base = self.root / folder
        if not base.is_dir():
            return []
        return sorted(p for p in base.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())

    # -- levels ----------------------------------------------------------------
    def read_levels(self) -> None:
        path = self.root / "levels.yaml"
        if not path.exists():
            return
        data = self.read(path)
        if data is None:
            return
        for key, title in data.items():
            if not isinstance(key, str) or not SEGMENT_PATTERN.match(key):
                self.problem(self.rel(path), data.line_of(key), m.BAD_LEVEL_NAME.format(key=key))
            else:
                self.levels[key] = str(title)

    # -- synonyms ----------------------------------------------------------------
    def read_synonyms(self) -> None:
        """`synonyms.yaml`: the bank's own synonym groups and antonym pairs (both optional)."""
        path = self.root / "synonyms.yaml"
        if not path.exists():
            return
        data = self.read(path)
        if data is None:
            return
        name = self.rel(path)
        r = FieldReader(data, name, self.problems, m.WHAT_SYNONYMS, SYNONYMS_FIELDS)
        synonyms = r.text_groups("synonyms", minimum=2)
        antonyms = r.text_groups("antonyms", minimum=2)
        self.lexicon = Lexicon(synonyms, antonyms)

    # -- points ----------------------------------------------------------------
    def read_points_file(self, path: Path) -> None:
        data = self.read(path)
        if data is None:  # its points are unknown now: references to them follow from this file
            self.unreadable[(path.parent.name, path.stem)] = self.rel(path)
            return
        name = self.rel(path)
        r = FieldReader(data, name, self.problems, m.WHAT_POINTS_FILE, POINTS_FILE_FIELDS)
        topic = r.text("topic", True)
        title = r.text("title", True)
        level = self.level(r)
        source = r.text("source", True)
        entries = r.mapping_list("points", True)
        if topic is not None and not SEGMENT_PATTERN.match(topic):
            r.fail(r.line("topic"), m.BAD_TOPIC.format(topic=topic))
        in_place = True
        if topic is not None and topic != path.stem:
            r.fail(r.line("topic"), m.TOPIC_NOT_FILE_NAME.format(topic=topic, stem=path.stem))
            in_place = False
        if level is not None and path.parent.name != level:
            r.fail(r.line("level"), m.LEVEL_NOT_FOLDER.format(level=level, folder=path.parent.name))
            in_place = False
        if "points" in data and not entries and r.ok:
            r.fail(r.line("points"), m.FIELD_MUST_NOT_BE_EMPTY.format(key="points"))
        ids = []
        for entry in entries:
            point = self.read_point(entry, name, topic or path.stem, title or "", level or "", source or "")
            if point is not None and self.claim_id(point.id, point.where):
                self.points[point.id] = point
                ids.append(point.id)
        if topic and level and in_place:
            key = (level, topic)
            if key in self.topics:
                self.problem(name, data.line, m.TOPIC_TWICE.format(topic=topic, level=level))
            else:
                self.topics[key] = Topic(topic, title or topic, level, source or "", tuple(ids),
                                         Location(name, data.line))

    def read_point(self, data: YamlMap, name: str, topic: str, topic_title: str, level: str,
                   source: str) -> Point | None:
        r = FieldReader(data, name, self.problems, m.WHAT_POINT, POINT_FIELDS)
        ident = r.ident("id")
        title = r.text("title", True)
        items = r.text_list("items")
        text = r.text("text")
        if not items and not text:
            r.fail(data.line, m.POINT_NEEDS_BODY.format(ident=ident))
        ordered = r.boolean("ordered")
        if ordered and len(items) < 2:
            r.fail(r.line("ordered"), m.ORDERED_POINT_TOO_SHORT)
        point = Point(
            id=ident or "", title=title or "", level=level, topic=topic, topic_title=topic_title,
            source=r.text("source") or source, items=items, ordered=ordered, text=text,
            ref=r.text("ref"), tags=r.text_list("tags"), where=Location(name, data.line),
        )
        return point if ident else None

    # -- questions -------------------------------------------------------------
    def read_questions_file(self, path: Path) -> None:
        data = self.read(path)
        if data is None:
            return
        name = self.rel(path)
        r = FieldReader(data, name, self.problems, m.WHAT_QUESTIONS_FILE, ("questions",))
        for entry in r.mapping_list("questions", True):
            self.add_question(self.read_question(entry, name), entry, name)

    def add_question(self, question: Question | None, entry: YamlMap, name: str) -> bool:
        """Claim the question's id even when the question itself has problems, so duplicates show."""
        ident = entry.get("id")
        if question is None:
            if isinstance(ident, str) and ID_PATTERN.match(ident):
                self.claim_id(ident, Location(name, entry.line))
            return False
        if not self.claim_id(question.id, question.where):
            return False
        self.questions[question.id] = question
        return True

    def read_question(self, data: YamlMap, name: str, case: dict | None = None) -> Question | None:
        r = FieldReader(data, name, self.problems, m.WHAT_QUESTION, QUESTION_FIELDS)
        ident = r.ident("id")
        qtype = r.choice("type", QUESTION_TYPES)
        if case is not None:  # a case's questions inherit its level and points
            level = self.level(r, required=False) or case["level"]
            points = r.text_list("points") or case["points"]
        else:
            level = self.level(r)
            points = r.text_list("points", True, non_empty=True)
        if "points" in data:
            self.references.append(("question", str(data.get("id")), points,
                                    Location(name, data.line_of("points"))))
        stem = r.text("stem", True)
        kind = KINDS.get(qtype) if qtype is not None else None
        if kind is not None:
            for key in KIND_FIELDS:
                if key in data and key not in kind.FIELDS:
                    r.fail(r.line(key), m.FIELD_NOT_FOR_TYPE.format(key=key, qtype=qtype))
        fields: dict[str, Any] = dict(
            id=ident or "", type=qtype or "", level=level or "", points=points, stem=stem or "",
            explanation=r.text("explanation"), tags=r.text_list("tags"), note=r.text("note"),
            case_id=case["id"] if case else None, where=Location(name, data.line),
        )
        if kind is not None:
            fields.update(kind.read_fields(r, _Context(self, name)))
        default_score = kind.default_score(fields) if kind is not None else 1.0
        fields["score"] = r.number("score", default=default_score, positive=True)
        if not r.ok or ident is None or kind is None:
            return None
        return kind(**fields)

    def read_rubric(self, r: FieldReader, name: str) -> tuple[RubricPoint, ...]:
        rubric = []
        seen: dict[str, int] = {}
        for entry in r.mapping_list("rubric", True):
            rr = FieldReader(entry, name, self.problems, m.WHAT_RUBRIC_POINT, RUBRIC_FIELDS)
            rid = rr.text("id", True)
            if rid is not None and not SEGMENT_PATTERN.match(rid):
                rr.fail(rr.line("id"), m.BAD_RUBRIC_ID.format(rid=rid))
            if rid in seen:
                rr.fail(rr.line("id"), m.DUPLICATE_RUBRIC_ID.format(rid=rid, line=seen[rid]))
            elif rid is not None:
                seen[rid] = rr.line("id")
            point = rr.text("point", True)
            keywords = rr.text_list("keywords", True, non_empty=True)
            weight = rr.number("weight", default=1.0, positive=True)
            all_of = rr.text_groups("all")
            under = rr.text("under")
            labels = rr.text_list("label")
            note = rr.text("note")
            if not rr.ok:
                r.ok = False
                continue
            rubric.append(RubricPoint(rid or "", point or "", keywords, weight or 1.0, all_of, note,
                                      Location(name, entry.line), under, labels))
        if "rubric" in r.data and not rubric and r.ok:
            r.fail(r.line("rubric"), m.FIELD_MUST_NOT_BE_EMPTY.format(key="rubric"))
        self._check_under(r, name, rubric)
        return tuple(rubric)

    def _check_under(self, r: FieldReader, name: str, rubric: list[RubricPoint]) -> None:
        """`under:` names another point of the same rubric, one that is not itself under a third."""
        ids = {p.id: p for p in rubric}
        for point in rubric:
            if point.under is None:
                continue
            head = ids.get(point.under)
            if head is None or head is point:
                known = "、".join(i for i in ids if i != point.id)
                self.problem(name, point.where.line,
                             m.UNDER_UNKNOWN.format(rid=point.id, under=point.under, known=known))
                r.ok = False
            elif head.under is not None:
                self.problem(name, point.where.line,
                             m.UNDER_CHAIN.format(rid=point.id, under=head.id, other=head.under))
                r.ok = False

    def read_examples(self, r: FieldReader, name: str) -> tuple[Example, ...]:
        examples = []
        for entry in r.mapping_list("examples"):
            er = FieldReader(entry, name, self.problems, m.WHAT_EXAMPLE, EXAMPLE_FIELDS)
            answer = entry.get("answer")
            if not isinstance(answer, str):
                er.fail(entry.line, m.EXAMPLE_NEEDS_ANSWER)
            score = er.number("score", True, default=0.0) or 0.0
            if er.ok and isinstance(answer, str):
                examples.append(Example(answer, score, Location(name, entry.line)))
            else:
                r.ok = False
        return tuple(examples)

    # -- cases -------------------------------------------------------------------
    def read_case_file(self, path: Path) -> None:
        data = self.read(path)
        if data is None:
            return
        name = self.rel(path)
        r = FieldReader(data, name, self.problems, m.WHAT_CASE, CASE_FIELDS)
        r.text("note")  # an authoring note: checked, never shown
        ident = r.ident("id")
        level = self.level(r)
        points = r.text_list("points", True, non_empty=True)
        context = {"id": ident, "level": level or "", "points": points}
        questions = []
        entries = r.mapping_list("questions", True)
        if "questions" in data and not entries and r.ok:
            r.fail(r.line("questions"), m.FIELD_MUST_NOT_BE_EMPTY.format(key="questions"))
        self.references.append(("case", str(ident), points, Location(name, data.line_of("points"))))
        for entry in entries:
            q = self.read_question(entry, name, context)
            if self.add_question(q, entry, name) and q is not None:
                questions.append(q)
        case = Case(
            id=ident or "", title=r.text("title", True) or "", level=level or "", points=points,
            source=r.text("source", True) or "", scenario=r.text("scenario", True) or "",
            questions=tuple(questions), tags=r.text_list("tags"), where=Location(name, data.line),
        )
        if ident and self.claim_id(ident, case.where):
            self.cases[ident] = case

    # -- blueprints ----------------------------------------------------------------
    def read_blueprint_file(self, path: Path) -> None:
        data = self.read(path)
        if data is None:
            return
        blueprint = read_blueprint(data, self.rel(path), path.stem, self.problems, self.levels)
        if blueprint is not None:
            self.blueprints[blueprint.name] = blueprint

    # -- cross references --------------------------------------------------------------
    def check_references(self) -> None:
        for what, ident, points, where in self.references:
            for pid in points:
                if pid not in self.points:
                    parts = pid.split(".")
                    cause = self.unreadable.get((parts[0], parts[1])) if len(parts) >= 3 else None
                    hint = "" if cause else did_you_mean(pid, self.points)
                    self.problems.append(Problem(where.file, where.line,
                                                 m.UNKNOWN_POINT.format(what=m.WHAT_REFERENCE[what], ident=ident,
                                                                       pid=pid, hint=hint), cause))

    def bank(self) -> Bank:
        return Bank(str(self.root), self.points, self.topics, self.questions, self.cases,
                    self.blueprints, self.levels, self.lexicon)


class _Context:
    """The loader's readers a kind may use for its fields (see `content.model.ReadContext`)."""

    def __init__(self, builder: _Builder, name: str):
        self.builder = builder
        self.name = name

    def read_rubric(self, r: FieldReader) -> tuple[RubricPoint, ...]:
        return self.builder.read_rubric(r, self.name)

    def read_examples(self, r: FieldReader) -> tuple[Example, ...]:
        return self.builder.read_examples(r, self.name)

    @property
    def lexicon(self) -> Lexicon:
        return self.builder.lexicon


def read_blueprint(data, name: str, stem: str, problems: list[Problem],
                   levels: dict[str, str]) -> Blueprint | None:
    """Read one blueprint mapping; problems are appended to `problems`."""
    if not isinstance(data, YamlMap):
        problems.append(Problem(name, 1, m.BLUEPRINT_NOT_MAPPING))
        return None
    r = FieldReader(data, name, problems, m.WHAT_BLUEPRINT, BLUEPRINT_FIELDS)
    title = r.text("title", True)
    level = r.text("level", True)
    if level is not None and level not in levels:
        r.fail(r.line("level"), m.UNKNOWN_LEVEL.format(value=level, hint=did_you_mean(level, levels)))
    duration = r.integer("duration", True, maximum=MAX_DURATION_MINUTES, unit=" 分钟")
    pass_mark = r.number("pass_mark", positive=True)
    sections = []
    entries = r.mapping_list("sections", True)
    if "sections" in data and not entries and r.ok:
        r.fail(r.line("sections"), m.FIELD_MUST_NOT_BE_EMPTY.format(key="sections"))
    for entry in entries:
        s = FieldReader(entry, name, problems, m.WHAT_SECTION, SECTION_FIELDS)
        section = Section(
            title=s.text("title", True) or "", type=s.choice("type", SECTION_TYPES) or "",
            count=s.integer("count", True) or 0, score=s.number("score", positive=True),
            tags=s.text_list("tags"), topics=s.text_list("topics"), points=s.text_list("points"),
            instructions=s.text("instructions"), where=Location(name, entry.line),
        )
        if not s.ok:
            r.ok = False
        sections.append(section)
    if not r.ok:
        return None
    return Blueprint(stem, title or "", level or "", duration or 0, tuple(sections), Location(name, data.line),
                     pass_mark)


def read_bank(root: Path | str) -> tuple[Bank, list[Problem]]:
    """Read a content root; return the bank (what could be read) and every problem found."""
    root = Path(root)
    builder = _Builder(root)
    if not root.is_dir():
        builder.problem(str(root), 0, m.ROOT_NOT_FOUND)
        return builder.bank(), builder.problems
    missing = [f for f in ("points", "questions", "cases") if not (root / f).is_dir()]
    if len(missing) == 3:
        builder.problem(str(root), 0, m.NOT_A_ROOT)
        return builder.bank(), builder.problems
    builder.read_levels()
    builder.read_synonyms()
    for path in builder.files("points"):
        builder.read_points_file(path)
    for path in builder.files("questions"):
        builder.read_questions_file(path)
    for path in builder.files("cases"):
        builder.read_case_file(path)
    for path in builder.files("papers"):
        builder.read_blueprint_file(path)
    builder.check_references()
    return builder.bank(), sorted(builder.problems)


def load_bank(root: Path | str) -> Bank:
    """Read a content root, raising `ContentError` with every problem when there is any."""
    bank, problems = read_bank(root)
    if problems:
        raise ContentError(problems)
    return bank


__all__ = ["ID_PATTERN", "load_bank", "read_bank", "read_blueprint"]
