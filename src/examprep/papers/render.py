"""Rendering papers, answer keys and marking reports through the Jinja2 templates in `templates/`.

Templates run in a SandboxedEnvironment; HTML is autoescaped and every value printed into Markdown
goes through `markdown_escape`, so question text is always printed literally: `{{ … }}` is never
evaluated (it is data, not template source) and `<script>` never reaches a browser as markup.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ..format import chinese_number, marks_text, number_text
from ..kinds import TYPE_TITLES
from ..locations import templates_dir
from .draw import Paper, PaperItem, PaperSection

DEFAULT_INSTRUCTIONS = {
    "single": "下列每题的选项中，只有一个是正确的，请将其字母填入题内的括号中。",
    "multiple": "下列每题的选项中，至少有两个是正确的，请将其字母全部填入题内的括号中。",
    "judge": "请判断下列说法是否正确，正确的在括号中填“√”，错误的填“×”。",
    "fill": "请在各题的括号内填写正确答案。",
    "order": "请将各题所列各项按正确的先后顺序排列，把字母顺序（如 CABD）写在横线上。",
    "calc": "请写出计算过程和结果，结果带单位。",
    "recall": "请在答题区内写出答案。",
    "short": "请在答题区内作答，要点清楚。",
    "case": "请认真阅读案例材料，根据材料回答所列问题。",
}

ANSWER_BLOCK = 18  # ruled lines kept with their question; a longer answer space continues in blocks


def answer_lines(item: PaperItem) -> int:
    """Ruled lines to leave for a written answer: more marks, more room (1.5 lines a mark)."""
    return max(4, min(30, math.ceil(item.marks * 1.5)))


def answer_blocks(item: PaperItem) -> list[int]:
    """The ruled lines of an answer in blocks that each stay on one page: the first kept with the
    question, the others printed under a continuation mark."""
    lines = answer_lines(item)
    count = math.ceil(lines / ANSWER_BLOCK)
    return [lines // count + (1 if i < lines % count else 0) for i in range(count)]


def answer_strip(paper: Paper) -> list[tuple[str, str]]:
    """The key's compact strip for marking by hand: per objective section, its numbers and answers,
    single letters in groups of five (`1–20`, `BADAD CBBAD …`), longer answers one by one."""
    strip = []
    for section in paper.sections:
        items = [i for i in section.all_items if not i.question.is_free_text and i.question.kind != "fill"]
        if not items or len(items) != len(section.all_items):
            continue
        keys = [i.key for i in items]
        if all(len(k) == 1 for k in keys):
            text = " ".join("".join(keys[n:n + 5]) for n in range(0, len(keys), 5))
        else:
            text = "，".join(f"{i.number}. {i.key}" for i in items)
        numbers = f"{items[0].number}–{items[-1].number}" if len(items) > 1 else f"{items[0].number}"
        strip.append((f"{section.title}（{numbers}）", text))
    return strip


def option_columns(item: PaperItem) -> int:
    """Short options sit four to a line, medium two, long ones one each."""
    longest = max((len(text) for _, text in item.choices), default=0)
    if longest <= 8:
        return 4
    if longest <= 18:
        return 2
    return 1


# Where a stem leaves the answer blank: （）, ( ), （　）; or a run of underscores.
_BRACKETS = re.compile(r"[（(][\s\u3000]*[）)]")
_UNDERLINE = re.compile(r"_{2,}")
ANSWER_BRACKETS = "（\u3000\u3000\u3000）"


def with_answer_blank(stem: str) -> str:
    """The stem with room to write the answer: its own blank brackets widened, or brackets added."""
    if _BRACKETS.search(stem):
        return _BRACKETS.sub(ANSWER_BRACKETS, stem)
    if _UNDERLINE.search(stem):
        return stem
    return stem + ANSWER_BRACKETS


def section_summary(section: PaperSection) -> str:
    each = section.uniform_marks
    if section.is_case:
        head = f"共 {section.count} 个案例"
        each_text = f"，每个案例 {marks_text(each)} 分" if each is not None and section.count > 1 else ""
    else:
        head = f"共 {section.count} 题"
        each_text = f"，每题 {marks_text(each)} 分" if each is not None else ""
    return f"{head}{each_text}，共 {marks_text(section.marks)} 分"



_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
# A line that starts like a list item, a rule (---) or a heading underline (===); CommonMark escapes
# the punctuation ("1\. ", "\- ", "\---"), never the digits.
_MD_LINE_START = re.compile(r"^(\s*\d*)([-+=.)])(?=[-=\s]|$)", re.MULTILINE)


def markdown_escape(value) -> str:
    """Backslash-escape what Markdown would read as markup or raw HTML; blank lines between lines.

    Values already built by a Markdown filter (`Markup`) have been escaped and pass unchanged.
    """
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = _MD_SPECIAL.sub(r"\\\1", str(value))
    text = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def one_line(value) -> str:
    """Text for a table cell: line breaks become spaces."""
    return " ".join(str(value or "").split())


def markdown_quote(value) -> Markup:
    """A Markdown block quote of escaped text, one paragraph per line."""
    paragraphs = markdown_escape(value).split("\n\n")
    return Markup("\n>\n".join(f"> {p}" for p in paragraphs))


def _globals() -> dict:
    return {
        "TYPE_TITLES": TYPE_TITLES, "instructions_for": _instructions, "answer_lines": answer_lines,
        "option_columns": option_columns, "section_summary": section_summary,
        "answer_blocks": answer_blocks, "answer_strip": answer_strip, "chinese_number": chinese_number,
    }


def _instructions(section: PaperSection) -> str:
    return section.instructions or DEFAULT_INSTRUCTIONS.get(section.type, "")


@lru_cache(maxsize=4)
def _environment(kind: str, folder: str) -> SandboxedEnvironment:
    if kind == "html":
        env = SandboxedEnvironment(
            loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        )
    else:
        env = SandboxedEnvironment(
            loader=FileSystemLoader(folder), autoescape=False, undefined=StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
            finalize=markdown_escape,
        )
    env.filters["marks"] = marks_text
    env.filters["number"] = number_text
    env.filters["oneline"] = one_line
    env.filters["with_blank"] = with_answer_blank
    env.filters["md_quote"] = markdown_quote
    # A macro's output is Markdown the template built (its values already escaped): pass it on as is.
    env.filters["built"] = Markup
    env.filters["cn"] = chinese_number
    env.globals.update(_globals())
    return env


def render_template(name: str, folder: Path | None = None, **context) -> str:
    kind = "html" if name.endswith(".html.j2") else "md"
    env = _environment(kind, str(folder or templates_dir()))
    text = env.get_template(name).render(**context)
    if kind == "md":  # loops and macros leave runs of blank lines; Markdown needs one
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text


def render_paper(paper: Paper, fmt: str, show_variant: bool = False, seal: bool = False) -> str:
    """The candidate's paper as HTML or Markdown (PDF is printed from the HTML); `seal` adds the
    密封线 with the sealed area for the candidate's name and number."""
    return render_template(f"paper.{fmt}.j2", paper=paper, show_variant=show_variant, seal=seal)


def render_key(paper: Paper, fmt: str, show_variant: bool = False) -> str:
    """The answer key with the marking scheme, as HTML or Markdown."""
    return render_template(f"key.{fmt}.j2", paper=paper, show_variant=show_variant)
