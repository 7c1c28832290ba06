"""The bank as an Anki deck (.apkg, through genanki): one note per question, the stem and its options
on the front, the answer, the key points and the explanation on the back.

Ids are derived from the question ids, so exporting again updates the same notes in Anki instead of
adding copies.
"""

from __future__ import annotations

import hashlib
import html
from pathlib import Path
from typing import Any

from ..content.model import Bank, Question
from ..format import marks_text
from ..kinds.free_text import FreeText
from .errors import require
from .selection import category_path, full_stem

FIELDS = ("题目", "答案", "解析", "编号")
CSS = """.card { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 20px;
  text-align: left; color: #222; background: #fff; }
.options, .items { margin: .5em 0 0 1em; } .explanation { color: #555; font-size: 16px; }
.id { color: #999; font-size: 12px; }"""


def _stable_id(text: str) -> int:
    """A 31-bit id from text: Anki's model and deck ids must stay the same from one export to the next."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) >> 1


def _lines(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def front(question: Question, bank: Bank) -> str:
    parts = [f"<div class=type>{question.title}</div>",
             f"<div class=stem>{_lines(full_stem(bank, question))}</div>"]
    choices = question.shown_choices()  # options, or order items as presented
    if choices:
        parts.append("<div class=options>" + "<br>".join(
            f"{letter}. {html.escape(text)}" for letter, text in choices) + "</div>")
    return "".join(parts)


def back(question: Question) -> str:
    if isinstance(question, FreeText):
        return "<ol>" + "".join(f"<li>{html.escape(p.point)}（{marks_text(m)} 分）</li>"
                                for p, m in question.point_marks(question.score)) + "</ol>"
    key, model = question.key(), question.model_answer()
    return html.escape(model if key in model else f"{key}：{model}")


def write_apkg(questions: list[Question], bank: Bank, path: Path, deck_name: str = "examprep 题库") -> int:
    """Write the deck; the number of notes. Each level and topic is a subdeck."""
    genanki = require("genanki", "导出 Anki 卡组")
    model = genanki.Model(
        _stable_id("examprep-model-1"), "examprep 题目",
        fields=[{"name": name} for name in FIELDS],
        templates=[{
            "name": "题目卡",
            "qfmt": "{{题目}}",
            "afmt": "{{FrontSide}}<hr id=answer><div class=answer>{{答案}}</div>"
                    "<div class=explanation>{{解析}}</div><div class=id>{{编号}}</div>",
        }],
        css=CSS,
    )
    decks: dict[str, Any] = {}  # genanki.Deck, imported when an export asks for it
    for question in questions:
        name = "::".join([deck_name, *category_path(bank, question)])
        deck = decks.get(name)
        if deck is None:
            deck = decks[name] = genanki.Deck(_stable_id(name), name)
        note = genanki.Note(
            model=model,
            fields=[front(question, bank), back(question), _lines(question.explanation or ""), question.id],
            guid=genanki.guid_for(question.id),
            tags=[tag.replace(" ", "_") for tag in question.tags],
        )
        deck.add_note(note)
    genanki.Package(list(decks.values())).write_to_file(str(path), timestamp=0)
    return len(questions)
