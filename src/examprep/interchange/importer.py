"""Spreadsheet rows into a content root: the 题库 template read into points, questions and their files.

`import_workbook` maps every row it can and reports every row it cannot (FILE:sheet:row:column, in
Chinese) without importing it; it never invents an answer. `write_content_root` writes the result as
YAML that `examprep validate` accepts.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..content.fields import ID_PATTERN, SEGMENT_PATTERN
from ..content.model import KNOWN_LEVELS
from ..kinds import QUESTION_TYPES
from . import columns as col
from .cells import READERS, CellError, fold, read_score, split_lines, split_list
from .errors import RowProblem
from .table import Sheet, Workbook

DEFAULT_TOPIC = ("imported", "导入题库")
DIFFICULTY_TAG = "难度:"


@dataclass
class ImportedPoint:
    id: str
    title: str


@dataclass
class ImportedTopic:
    id: str
    title: str
    level: str
    points: dict[str, ImportedPoint] = field(default_factory=dict)  # by id
    questions: list[dict] = field(default_factory=list)


@dataclass
class ImportResult:
    source: str
    encoding: str | None
    topics: dict[tuple[str, str], ImportedTopic]
    problems: list[RowProblem]
    counts: Counter  # questions per type
    unkeyed: int = 0  # free-text questions whose points are their own keywords

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class _Row:
    """A row that was read: where it is and the question fields besides its id and points."""

    where: tuple[str, int]  # (sheet, row)
    qtype: str
    fields: dict
    level: str
    chapter: str
    point_titles: list[str]
    point_ids: list[str]
    qid: str | None


def slug(text: str, limit: int = 32) -> str:
    """An id segment for a Chinese title: its pinyin, lowercase ASCII (客户信息 -> kehuxinxi)."""
    from pypinyin import lazy_pinyin

    letters = "".join(lazy_pinyin(fold(text))).lower()
    letters = re.sub(r"[^a-z0-9]+", "-", letters).strip("-")
    return letters[:limit].strip("-") or "x"


def level_of(text: str, levels: dict[str, str]) -> str | None:
    """A level from its id (primary) or any of its titles (初级, 五级, 初级/五级)."""
    text = fold(text)
    for level, title in levels.items():
        if text.lower() == level or text == title or text in re.split(r"[/／、]", title):
            return level
    return None


class _Importer:
    def __init__(self, book: Workbook, level: str, levels: dict[str, str]):
        self.book = book
        self.file = Path(book.path).name
        self.default_level = level
        self.levels = levels
        self.problems: list[RowProblem] = []
        self.rows: list[_Row] = []

    def problem(self, sheet: str, row: int, column: str, message: str) -> None:
        self.problems.append(RowProblem(self.file, sheet, row, column, message))

    # -- pass 1: each row on its own --------------------------------------------------------------------
    def read_sheet(self, sheet: Sheet) -> bool:
        """Read one sheet; False when it is not a question sheet at all (no 题型/题干 header)."""
        if not sheet.rows:
            return False
        header_row, header = sheet.rows[0]
        keys = [col.header_key(cell) for cell in header]
        if col.TYPE not in keys or col.STEM not in keys:
            return False
        for index, (cell, key) in enumerate(zip(header, keys)):
            if cell.strip() and key is None:
                self.problem(sheet.name, header_row, cell.strip(), f"不认识的列“{cell.strip()}”，已忽略")
            elif key is not None and keys.index(key) != index:
                self.problem(sheet.name, header_row, cell.strip(), f"列“{key}”出现了两次，只读第一列")
        if col.ANSWER not in keys:
            self.problem(sheet.name, header_row, col.ANSWER, "缺少“答案”列，本表的题目都无法导入")
            return True
        for number, cells in sheet.rows[1:]:
            values: dict[str, str] = {}
            for key, cell in zip(keys, cells):
                if key is not None and key not in values:
                    values[key] = cell.strip()
            self.read_row(sheet.name, number, values)
        return True

    def read_row(self, sheet: str, number: int, cells: dict[str, str]) -> None:
        def fail(column: str, message: str) -> None:
            self.problem(sheet, number, column, f"{message}（此行未导入）")

        type_text = cells.get(col.TYPE, "")
        qtype = col.type_of(type_text)
        if not type_text:
            return fail(col.TYPE, "题型为空")
        if qtype is None:
            names = "、".join(names[0] for t, names in col.TYPE_NAMES.items() if t in QUESTION_TYPES)
            return fail(col.TYPE, f"不认识的题型“{type_text}”（可用：{names}）")
        if qtype not in QUESTION_TYPES:
            return fail(col.TYPE, f"本版本还不支持{type_text}")
        stem = cells.get(col.STEM, "")
        if not stem:
            return fail(col.STEM, "题干为空")
        try:
            fields = {"stem": stem, **READERS[qtype](cells)}
            score = read_score(cells)
        except CellError as err:
            return fail(err.column, err.message)
        if score is not None:
            fields["score"] = score
        if cells.get(col.EXPLANATION):
            fields["explanation"] = cells[col.EXPLANATION]
        if cells.get(col.NOTE):
            fields["note"] = cells[col.NOTE]
        tags = split_list(cells.get(col.TAGS, ""))
        if cells.get(col.DIFFICULTY):
            tags.append(DIFFICULTY_TAG + cells[col.DIFFICULTY])
        if tags:
            fields["tags"] = tags
        level = self.default_level
        if cells.get(col.LEVEL):
            named = level_of(cells[col.LEVEL], self.levels)
            if named is None:
                known = "、".join(f"{k}（{v}）" for k, v in self.levels.items())
                return fail(col.LEVEL, f"不认识的级别“{cells[col.LEVEL]}”（可用：{known}）")
            level = named
        qid = cells.get(col.ID) or None
        if qid is not None and not ID_PATTERN.match(qid):
            return fail(col.ID, f"编号“{qid}”只能用小写字母、数字、连字符和点，如 q.primary.visit.1")
        titles = split_lines(cells.get(col.POINTS, ""))
        point_ids = split_list(cells.get(col.POINT_IDS, ""))
        bad = [p for p in point_ids if not ID_PATTERN.match(p)]
        if bad:
            return fail(col.POINT_IDS, f"知识点编号“{bad[0]}”只能用小写字母、数字、连字符和点")
        if point_ids and titles and len(point_ids) != len(titles):
            return fail(col.POINT_IDS, f"知识点编号有 {len(point_ids)} 个，知识点有 {len(titles)} 个，应一一对应")
        self.rows.append(_Row((sheet, number), qtype, fields, level, cells.get(col.CHAPTER, ""),
                              titles, point_ids, qid))

    # -- pass 2: topics, points and ids over all rows ---------------------------------------------------
    def build(self) -> dict[tuple[str, str], ImportedTopic]:
        topics: dict[tuple[str, str], ImportedTopic] = {}
        topic_by_title: dict[tuple[str, str], ImportedTopic] = {}
        taken: set[str] = set()
        claimed: dict[str, tuple[str, int]] = {}
        for row in self.rows:
            if row.qid is not None:
                if row.qid in claimed:
                    _, number = claimed[row.qid]
                    self.problem(*row.where, col.ID, f"编号“{row.qid}”与第 {number} 行重复（此行未导入）")
                    row.qid = "\0"
                else:
                    claimed[row.qid] = row.where
        taken.update(claimed)
        for row in self.rows:
            if row.qid == "\0":
                continue
            topic = self.topic_for(row, topics, topic_by_title)
            point_ids = []
            titles = row.point_titles or ([] if row.point_ids else [topic.title])
            for index in range(max(len(titles), len(row.point_ids))):
                title = titles[index] if index < len(titles) else row.point_ids[index].rsplit(".", 1)[-1]
                pid = row.point_ids[index] if index < len(row.point_ids) else self.point_id(topic, title, taken)
                if pid not in topic.points:
                    taken.add(pid)
                    topic.points[pid] = ImportedPoint(pid, title)
                point_ids.append(pid)
            qid = row.qid or self.question_id(topic, row, taken)
            taken.add(qid)
            topic.questions.append({"id": qid, "type": row.qtype, "level": row.level, "points": point_ids,
                                    **row.fields})
        return topics

    def topic_for(self, row: _Row, topics: dict, by_title: dict) -> ImportedTopic:
        """The topic of a row: from its point ids (level.topic.name), else from its 章节."""
        for pid in row.point_ids:
            parts = pid.split(".")
            if len(parts) >= 3 and parts[0] == row.level and SEGMENT_PATTERN.match(parts[1]):
                key = (row.level, parts[1])
                if key not in topics:
                    topics[key] = ImportedTopic(parts[1], row.chapter or parts[1], row.level)
                    by_title.setdefault((row.level, topics[key].title), topics[key])
                return topics[key]
        title = row.chapter or DEFAULT_TOPIC[1]
        existing = by_title.get((row.level, title))
        if existing is not None:
            return existing
        base = DEFAULT_TOPIC[0] if not row.chapter else slug(title)
        ident, n = base, 2
        while (row.level, ident) in topics:
            ident, n = f"{base}-{n}", n + 1
        topic = ImportedTopic(ident, title, row.level)
        topics[(row.level, ident)] = topic
        by_title[(row.level, title)] = topic
        return topic

    @staticmethod
    def point_id(topic: ImportedTopic, title: str, taken: set[str]) -> str:
        for pid, point in topic.points.items():
            if point.title == title:
                return pid
        return _unique(f"{topic.level}.{topic.id}.{slug(title, 24)}", taken)

    @staticmethod
    def question_id(topic: ImportedTopic, row: _Row, taken: set[str]) -> str:
        digest = hashlib.sha256(row.fields["stem"].encode("utf-8")).hexdigest()[:8]
        return _unique(f"q.{topic.level}.{topic.id}.{digest}", taken)


def _unique(base: str, taken: set[str]) -> str:
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    return ident


def import_workbook(book: Workbook, level: str = "primary", levels: dict[str, str] | None = None) -> ImportResult:
    importer = _Importer(book, level, levels or dict(KNOWN_LEVELS))
    read_any = False
    for sheet in book.sheets:
        read_any = importer.read_sheet(sheet) or read_any
    if not read_any:
        importer.problem("", 0, "", "找不到题目表：表头须含“题型”“题干”“答案”列"
                                    "（可用 examprep import --template 生成模板）")
    topics = importer.build()
    counts = Counter(q["type"] for t in topics.values() for q in t.questions)
    unkeyed = sum(1 for t in topics.values() for q in t.questions
                  if q.get("rubric") and all(p["keywords"] == [p["point"]] for p in q["rubric"]))
    return ImportResult(book.path, book.encoding, topics, sorted(importer.problems), counts, unkeyed)


# -- writing the content root ---------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _author_dumper():
    """A YAML dumper that writes as an author would: keys in the model's order, multi-line text as a
    block, 2 not 2.0; on libyaml's emitter when PyYAML has it (several times faster)."""
    import yaml

    base = yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper
    dumper: Any = type("AuthorDumper", (base,), {})

    def text(d, value: str):
        return d.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)

    def number(d, value: float):
        return d.represent_int(int(value)) if value.is_integer() else d.represent_float(value)

    dumper.add_representer(str, text)
    dumper.add_representer(float, number)
    return dumper


def dump_yaml(data) -> str:
    import yaml

    return yaml.dump(data, Dumper=_author_dumper(), allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=None)


def content_files(result: ImportResult, levels: dict[str, str]) -> dict[str, str]:
    """The files of the content root (relative path -> YAML text)."""
    source = f"导入自 {Path(result.source).name}"
    files: dict[str, str] = {}
    used_levels = {t.level for t in result.topics.values()}
    extra = {lv: levels[lv] for lv in sorted(used_levels) if lv not in KNOWN_LEVELS}
    if extra:
        files["levels.yaml"] = dump_yaml(extra)
    for (level, topic_id), topic in sorted(result.topics.items()):
        points = [{"id": p.id, "title": p.title, "text": p.title} for p in topic.points.values()]
        files[f"points/{level}/{topic_id}.yaml"] = dump_yaml(
            {"topic": topic_id, "title": topic.title, "level": level, "source": source, "points": points})
        if topic.questions:
            files[f"questions/{level}-{topic_id}.yaml"] = dump_yaml({"questions": topic.questions})
    return files


def write_content_root(result: ImportResult, root: Path, levels: dict[str, str] | None = None) -> list[Path]:
    """Write the imported bank under `root` (points/, questions/, cases/); the files written."""
    written = []
    for rel, text in content_files(result, levels or dict(KNOWN_LEVELS)).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    for folder in ("points", "questions", "cases"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    return written
