"""One question as a row of the 题库 template, both ways: the cells of a row read into the fields of a
question (as the YAML of a content root writes them), and a question written out as cells.

The conventions of the cells (documented in the README):
- choice answers: one key for 单选; AB, A,B, A|B or A、C for 多选;
- 判断: 正确/错误, 对/错, √/×, T/F (or the key of an option that says 正确/错误);
- 排序: the options are the items, the answer their right order as keys (CABD);
- 计算: a number with an optional unit and tolerance, 62.5%, 62.5±0.1%;
- 填空: one answer per blank, blanks split by |, alternatives of one blank by /; a closing （顺序不限）
  lets the blanks be filled in any order (ordered: false);
- 简答/默写: one key point per line (or split by ；), each optionally followed by 【关键词：甲|乙】,
  【2分】 and 【编号：id】; without 关键词 the point's own text is its keyword.
Nothing is guessed: a row whose answer cannot be read is reported and not imported.
"""

from __future__ import annotations

import re
import unicodedata

from ..content.model import Question
from ..format import number_text
from ..kinds.calc import Calc
from ..kinds.choice import Choice
from ..kinds.fill import Fill
from ..kinds.free_text import FreeText
from ..kinds.judge import Judge, read_judgement
from ..kinds.order import Order
from . import columns as col

ANSWER_SPLIT = re.compile(r"[\s,，、;；|｜/+]+")
BLANK_SPLIT = re.compile(r"\s*[|｜]\s*")
BLANK_SPLIT_FALLBACK = re.compile(r"\s*[;；]\s*")
ALTERNATIVE_SPLIT = re.compile(r"\s*[/／]\s*")
# A fill answer cell that ends so: the blanks may be filled in any order.
ANY_ORDER_MARK = "（顺序不限）"
ANY_ORDER = re.compile(r"\s*[（(]\s*(?:各空)?顺序不限\s*[）)]\s*$")
ENUMERATION = re.compile(r"^\s*(?:\(?\d+[.)、．]|（\d+）|[①-⑳]|[一二三四五六七八九十]+、)\s*")
MARKER = re.compile(r"【\s*(关键词|编号|同时|归属|分组|备注)\s*[:：]\s*(.*?)\s*】|【\s*(\d+(?:\.\d+)?)\s*分\s*】")
OUTSIDE_MARKERS = r"(?![^【]*】)"  # a separator not inside 【…】
NUMBER_ANSWER = re.compile(
    r"([+-]?\d+(?:\.\d+)?)\s*([^\d±\s]*)\s*(?:(?:±|\+/-|\+-)\s*(\d+(?:\.\d+)?)\s*([^\d\s]*))?")
RUBRIC_ID = re.compile(r"^[a-z0-9-]+$")
# The markers of a calculation step's line (calc `steps:`), and of its result's weight on the first line.
RESULT_WEIGHT = re.compile(r"【\s*(\d+(?:\.\d+)?)\s*分\s*】")
STEP_MARKER = re.compile(r"【\s*(关键词|数|误差|来源|备注|编号)\s*[:：]\s*(.*?)\s*】|【\s*(\d+(?:\.\d+)?)\s*分\s*】")


class CellError(ValueError):
    """A cell that cannot be read: the column and the message."""

    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column
        self.message = message


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


# -- reading ----------------------------------------------------------------------------------------------
def read_options(cells: dict[str, str]) -> list[tuple[str, str]]:
    options = [(key, cells.get(f"选项{key}", "").strip()) for key in col.OPTION_KEYS]
    while options and not options[-1][1]:
        options.pop()
    for key, text in options:
        if not text:
            raise CellError(f"选项{key}", f"选项{key}为空，但后面还有选项；选项须从 A 起连续填写")
    return options


def read_keys(text: str, keys: list[str], column: str = col.ANSWER) -> list[str]:
    """Option keys as written: AB, A,B, A|B, A、C (any case, full-width or not)."""
    text = fold(text).upper()
    parts = [p for p in ANSWER_SPLIT.split(text) if p]
    if len(parts) == 1 and len(parts[0]) > 1 and parts[0].isascii() and parts[0].isalpha():
        parts = list(parts[0])
    if not parts:
        raise CellError(column, "答案为空")
    unknown = [p for p in parts if p not in keys]
    if unknown:
        listed = "、".join(keys) if keys else "（没有选项）"
        raise CellError(column, f"答案“{'、'.join(unknown)}”不是选项的字母（选项有 {listed}）")
    if len(set(parts)) != len(parts):
        raise CellError(column, f"答案“{text}”中有重复的选项")
    return parts


def read_choice(qtype: str, cells: dict[str, str]) -> dict:
    options = read_options(cells)
    if len(options) < 2:
        raise CellError("选项B" if options else "选项A", "选择题至少需要两个选项（选项A、选项B）")
    keys = [k for k, _ in options]
    answer = read_keys(cells.get(col.ANSWER, ""), keys)
    fields: dict[str, object] = {"options": dict(options)}
    if qtype == "single":
        if len(answer) != 1:
            raise CellError(col.ANSWER, f"单选题只能有一个答案，这里写了 {''.join(answer)}")
        fields["answer"] = answer[0]
    else:
        fields["answer"] = sorted(answer)
    return fields


def read_judge(cells: dict[str, str]) -> dict:
    text = fold(cells.get(col.ANSWER, ""))
    options = dict(read_options(cells))
    if text.upper() in options:  # 选项A 正确 / 选项B 错误 with the answer as a key
        text = options[text.upper()]
    value = read_judgement(text) if text else None
    if value is None or text in ("1", "0"):
        raise CellError(col.ANSWER, f"判断题的答案应为 正确/错误、对/错 或 √/×，这里是“{text}”")
    return {"answer": value}


def read_order(cells: dict[str, str]) -> dict:
    options = read_options(cells)
    if len(options) < 2:
        raise CellError("选项B" if options else "选项A", "排序题至少需要两个待排序的项（写在选项A、选项B…）")
    keys = [k for k, _ in options]
    order = read_keys(cells.get(col.ANSWER, ""), keys)
    if len(order) != len(keys):
        missing = "、".join(k for k in keys if k not in order)
        raise CellError(col.ANSWER, f"排序题的答案须排出全部 {len(keys)} 项，缺少 {missing}")
    texts = dict(options)
    items = [texts[k] for k in order]
    if len(set(items)) != len(items):
        raise CellError(col.OPTIONS[0], "排序题的各项不能相同")
    return {"items": items}


def read_calc(cells: dict[str, str]) -> dict:
    """The result on the first line (its 【N分】 the result's weight), then one scoring step a line."""
    first, *step_lines = [ln for ln in cells.get(col.ANSWER, "").splitlines() if ln.strip()] or [""]
    result_weight = RESULT_WEIGHT.search(first)
    fields = _read_calc_result(fold(RESULT_WEIGHT.sub("", first)))
    if step_lines:
        fields["steps"] = [_read_step(number, line) for number, line in enumerate(step_lines, start=1)]
        ids = [step["id"] for step in fields["steps"]]
        if len(set(ids)) != len(ids):
            raise CellError(col.ANSWER, "计算步骤编号重复")
        if result_weight is not None:
            fields["result_weight"] = float(result_weight.group(1))
    return fields


def _read_step(number: int, line: str) -> dict:
    step: dict[str, object] = {"id": f"s{number}"}
    for match in STEP_MARKER.finditer(line):
        kind, value, weight = match.groups()
        if weight is not None:
            step["weight"] = float(weight)
        elif kind == "关键词":
            step["keywords"] = _alternatives(value)
        elif kind in ("数", "误差"):
            try:
                numbers = [float(fold(v)) for v in _alternatives(value)]
            except ValueError:
                raise CellError(col.ANSWER, f"第 {number} 个计算步骤的【{kind}：…】应为数，这里是“{value}”") from None
            if kind == "数":
                step["numbers"] = numbers
            else:
                step["tolerance"] = numbers[0]
        elif kind == "来源":
            step["source"] = value
        elif kind == "备注":
            step["note"] = value
        elif not RUBRIC_ID.match(value):
            raise CellError(col.ANSWER, f"计算步骤编号“{value}”只能用小写字母、数字和连字符")
        else:
            step["id"] = value
    point = STEP_MARKER.sub("", line).strip()
    if not point:
        raise CellError(col.ANSWER, f"第 {number} 个计算步骤只有标记，没有文字")
    if "keywords" not in step and "numbers" not in step:
        raise CellError(col.ANSWER, f"第 {number} 个计算步骤需要【关键词：…】或【数：…】")
    order = ("id", "point", "keywords", "numbers", "tolerance", "weight", "source", "note")
    return {k: ({**step, "point": point})[k] for k in order if k in step or k == "point"}


def _read_calc_result(text: str) -> dict:
    match = NUMBER_ANSWER.fullmatch(text)
    if not match:
        raise CellError(col.ANSWER, f"计算题的答案应为一个数，可带单位和误差（如 62.5%、62.5±0.1），这里是“{text}”")
    value, unit, tolerance, unit_after = match.groups()
    fields: dict = {"answer": float(value)}
    if tolerance:
        fields["tolerance"] = float(tolerance)
    if unit or unit_after:
        fields["unit"] = unit or unit_after
    return fields


def read_fill(cells: dict[str, str]) -> dict:
    text = cells.get(col.ANSWER, "").strip()
    any_order = ANY_ORDER.search(text) is not None
    text = ANY_ORDER.sub("", text)
    if not text:
        raise CellError(col.ANSWER, "填空题需要答案：每空一个，多个空用 | 隔开")
    splitter = BLANK_SPLIT if BLANK_SPLIT.search(text) else BLANK_SPLIT_FALLBACK
    blanks = []
    for blank in splitter.split(text):
        alternatives = [a for a in ALTERNATIVE_SPLIT.split(blank.strip()) if a]
        if not alternatives:
            raise CellError(col.ANSWER, f"填空题答案“{text}”中有一个空没有写答案")
        blanks.append(alternatives[0] if len(alternatives) == 1 else alternatives)
    from ..kinds.fill import count_blanks

    wanted = count_blanks(cells.get(col.STEM, ""))
    if wanted != len(blanks):
        raise CellError(col.ANSWER, f"题干有 {wanted} 个空（写作（　）或 ____），答案却有 {len(blanks)} 个")
    return {"answer": blanks, "ordered": False} if any_order else {"answer": blanks}


def read_rubric(cells: dict[str, str]) -> dict:
    text = cells.get(col.ANSWER, "").strip()
    if not text:
        raise CellError(col.ANSWER, "简答题需要答案：每行写一个得分要点")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) == 1:
        lines = [part for part in re.split(r"[;；]" + OUTSIDE_MARKERS, lines[0]) if part.strip()]
    rubric = []
    for number, line in enumerate(lines, start=1):
        entry: dict[str, object] = {"id": f"p{number}"}
        keywords = None
        for match in MARKER.finditer(line):
            kind, value, weight = match.groups()
            if weight is not None:
                entry["weight"] = float(weight)
            elif kind == "关键词":
                keywords = _alternatives(value)
            elif kind == "同时":  # `all:` groups: every group must be found in one clause
                entry["all"] = [_alternatives(group) for group in re.split(r"[;；]", value) if group.strip()]
            elif kind == "归属":  # `under:`: the id of the point that names this point's item
                entry["under"] = value.strip()
            elif kind == "分组":  # `label:`: the headings an answer gives this point's group
                entry["label"] = _alternatives(value)
            elif kind == "备注":
                entry["note"] = value
            elif not RUBRIC_ID.match(value):
                raise CellError(col.ANSWER, f"要点编号“{value}”只能用小写字母、数字和连字符")
            else:
                entry["id"] = value
        point = ENUMERATION.sub("", MARKER.sub("", line)).strip().rstrip("。.;；")
        if not point:
            raise CellError(col.ANSWER, f"第 {number} 个要点只有标记，没有文字")
        entry["point"] = point
        entry["keywords"] = keywords or [point]
        rubric.append(entry)
    ids = [e["id"] for e in rubric]
    if len(set(ids)) != len(ids):
        raise CellError(col.ANSWER, "要点编号重复")
    fields = ("id", "point", "keywords", "weight", "all", "under", "label", "note")
    return {"rubric": [{k: e[k] for k in fields if k in e} for e in rubric]}


def _alternatives(text: str) -> list[str]:
    return [k.strip() for k in re.split(r"[|｜]", text) if k.strip()]


READERS = {
    "single": lambda cells: read_choice("single", cells),
    "multiple": lambda cells: read_choice("multiple", cells),
    "judge": read_judge,
    "order": read_order,
    "calc": read_calc,
    "fill": read_fill,
    "short": read_rubric,
    "recall": read_rubric,
}


def read_score(cells: dict[str, str]) -> float | None:
    text = fold(cells.get(col.SCORE, "")).removesuffix("分")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise CellError(col.SCORE, f"分值应为正数，这里是“{text}”") from None
    if not value > 0 or value != value or value == float("inf"):
        raise CellError(col.SCORE, f"分值应为正数，这里是“{text}”")
    return value


def split_lines(text: str) -> list[str]:
    """Entries one per line or split by ；(titles may hold 、 and commas)."""
    return [part.strip() for part in re.split(r"[\n;；]+", text) if part.strip()]


def split_list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[\n,，、;；|｜]+", text) if part.strip()]


# -- writing -------------------------------------------------------------------------------------------------
def answer_cells(question: Question) -> dict[str, str]:
    """The 选项 and 答案 cells of a question (as the reading functions above read them back)."""
    cells: dict[str, str] = {}
    if isinstance(question, Choice):
        for key, text in question.options:
            cells[f"选项{key}"] = text
        cells[col.ANSWER] = "".join(question.keys)
    elif isinstance(question, Judge):
        cells[col.ANSWER] = "正确" if question.answer else "错误"
    elif isinstance(question, Order):
        shown = question.presented_order()
        for key, index in zip(col.OPTION_KEYS, shown):
            cells[f"选项{key}"] = question.items[index]
        position = {index: key for key, index in zip(col.OPTION_KEYS, shown)}
        cells[col.ANSWER] = "".join(position[i] for i in range(len(question.items)))
    elif isinstance(question, Calc):
        text = number_text(float(question.answer))
        if question.tolerance:
            text += f"±{number_text(question.tolerance)}"
        text += question.unit or ""
        if question.steps and question.result_weight != 1:
            text += f"【{number_text(question.result_weight)}分】"
        cells[col.ANSWER] = "\n".join([text, *(_step_line(n, step) for n, step in enumerate(question.steps, 1))])
    elif isinstance(question, Fill):
        cells[col.ANSWER] = " | ".join(" / ".join(blank) for blank in question.answer)
        if not question.ordered:
            cells[col.ANSWER] += ANY_ORDER_MARK
    elif isinstance(question, FreeText):
        cells[col.ANSWER] = "\n".join(_rubric_line(n, p) for n, p in enumerate(question.rubric, start=1))
    return cells


def _step_line(number: int, step) -> str:
    line = step.point
    if step.keywords:
        line += f"【关键词：{'|'.join(step.keywords)}】"
    if step.numbers:
        line += f"【数：{'|'.join(number_text(n) for n in step.numbers)}】"
    if step.tolerance:
        line += f"【误差：{number_text(step.tolerance)}】"
    if step.weight != 1:
        line += f"【{number_text(step.weight)}分】"
    if step.source:
        line += f"【来源：{step.source}】"
    if step.note:
        line += f"【备注：{step.note}】"
    if step.id != f"s{number}":
        line += f"【编号：{step.id}】"
    return line


def _rubric_line(number: int, point) -> str:
    line = point.point
    if tuple(point.keywords) != (point.point,):
        line += f"【关键词：{'|'.join(point.keywords)}】"
    if point.weight != 1:
        line += f"【{number_text(point.weight)}分】"
    if point.all_of:
        line += f"【同时：{'；'.join('|'.join(group) for group in point.all_of)}】"
    if point.under:
        line += f"【归属：{point.under}】"
    if point.labels:
        line += f"【分组：{'|'.join(point.labels)}】"
    if point.note:
        line += f"【备注：{point.note}】"
    if point.id != f"p{number}":
        line += f"【编号：{point.id}】"
    return line
