"""What Moodle's XML question importer (question/format/xml/format.php and the ordering question type)
needs from a file, written down as checks: our reading of its import functions and test fixtures, so
that an export Moodle would refuse fails a test here first.

- the root is <quiz>; each child is <question type="…"> of a type the importer handles;
- every real question has <name><text>, <questiontext format=…><text>, a numeric <defaultgrade>;
- a text format is one of moodle_auto_format, html, plain_text, wiki_like, markdown;
- answer fractions (percent) are among question_bank::fraction_options_full();
- multichoice: <single> true/false; a single-answer question has one 100% answer; the positive
  fractions of a multiple-answer question add up to 100%;
- truefalse: exactly the answers "true" and "false", one of them 100% and the other 0%;
- numerical: a numeric answer with a numeric <tolerance>, at least one 100% answer;
- shortanswer: <usecase> 0 or 1, at least one 100% answer;
- essay: a known <responseformat>, <graderinfo> with a format;
- ordering: the answers' fractions are their places 1…n, <selectcount> ≤ n, a known <gradingtype>;
- cloze: the question text holds embedded gaps {weight:SUBTYPE:answers}, each with a full-credit
  (= or %100%) answer.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

TYPES = {"category", "multichoice", "truefalse", "shortanswer", "numerical", "essay", "ordering", "description",
         "matching", "cloze", "calculated"}
FORMATS = {"moodle_auto_format", "html", "plain_text", "wiki_like", "markdown"}
FRACTIONS = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
             0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)
RESPONSE_FORMATS = {"editor", "editorfilepicker", "plain", "monospaced", "noinline"}
GRADING_TYPES = {"ALL_OR_NOTHING", "ABSOLUTE_POSITION", "RELATIVE_NEXT_EXCLUDE_LAST", "RELATIVE_NEXT_INCLUDE_LAST",
                 "RELATIVE_ONE_PREVIOUS_AND_NEXT", "RELATIVE_ALL_PREVIOUS_AND_NEXT", "LONGEST_ORDERED_SUBSET",
                 "LONGEST_CONTIGUOUS_SUBSET", "RELATIVE_TO_CORRECT"}
CLOZE_GAP = re.compile(r"\{(\d*):(SHORTANSWER|SA|MW|SHORTANSWER_C|SAC|MWC|NUMERICAL|NM|MULTICHOICE|MC|"
                       r"MULTICHOICE_V|MCV|MULTICHOICE_H|MCH|MULTIRESPONSE|MR):((?:\\.|[^\\}])*)\}")
CLOZE_ANSWER_SPLIT = re.compile(r"(?<!\\)~")


def _accepted(fraction: float) -> bool:
    return any(abs(abs(fraction) - f) < 0.00001 for f in FRACTIONS) or abs(fraction + 1) < 0.00001


def _number(text: str | None) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def problems(xml_text: str) -> list[str]:
    """Every way the file breaks the rules above; [] when Moodle would import it."""
    found: list[str] = []
    root = ET.fromstring(xml_text)
    if root.tag != "quiz":
        return [f"root is <{root.tag}>, not <quiz>"]
    for index, q in enumerate(root):
        where = f"question {index}"
        if q.tag != "question":
            found.append(f"{where}: <{q.tag}> under <quiz>")
            continue
        qtype = q.get("type")
        if qtype not in TYPES:
            found.append(f"{where}: unknown type {qtype!r}")
            continue
        if qtype == "category":
            if q.findtext("category/text") in (None, ""):
                found.append(f"{where}: category without <category><text>")
            continue
        where = f"{q.findtext('name/text')} ({qtype})"
        if not q.findtext("name/text"):
            found.append(f"{where}: no <name><text>")
        for tag in ("questiontext", "generalfeedback", "graderinfo", "correctfeedback"):
            node = q.find(tag)
            if node is not None and node.get("format") not in FORMATS:
                found.append(f"{where}: <{tag}> format {node.get('format')!r}")
        if q.find("questiontext/text") is None:
            found.append(f"{where}: no <questiontext><text>")
        if _number(q.findtext("defaultgrade")) is None:
            found.append(f"{where}: <defaultgrade> is not a number")
        answers = q.findall("answer")
        fractions = [_number(a.get("fraction")) for a in answers]
        if None in fractions:
            found.append(f"{where}: an answer without a numeric fraction")
            continue
        fractions = [f / 100 for f in fractions]
        if qtype != "ordering":
            bad = [f for f in fractions if not _accepted(f)]
            if bad:
                found.append(f"{where}: fractions {bad} are not among Moodle's grade options")
        full = [f for f in fractions if abs(f - 1) < 0.00001]
        if qtype == "multichoice":
            single = q.findtext("single")
            if single not in ("true", "false"):
                found.append(f"{where}: <single> is {single!r}")
            if single == "true" and len(full) != 1:
                found.append(f"{where}: a single-answer question needs one 100% answer")
            if single == "false" and abs(sum(f for f in fractions if f > 0) - 1) > 0.0001:
                found.append(f"{where}: the right answers add up to {sum(f for f in fractions if f > 0):.5f}")
            if len(answers) < 2:
                found.append(f"{where}: fewer than two answers")
        elif qtype == "truefalse":
            texts = sorted(a.findtext("text") or "" for a in answers)
            if texts != ["false", "true"] or sorted(fractions) != [0.0, 1.0]:
                found.append(f"{where}: answers {texts} with fractions {fractions}")
        elif qtype == "numerical":
            for a in answers:
                if _number(a.findtext("text")) is None or _number(a.findtext("tolerance")) is None:
                    found.append(f"{where}: answer or tolerance is not a number")
            if not full:
                found.append(f"{where}: no 100% answer")
        elif qtype == "shortanswer":
            if q.findtext("usecase") not in ("0", "1"):
                found.append(f"{where}: <usecase> must be 0 or 1")
            if not full:
                found.append(f"{where}: no 100% answer")
        elif qtype == "essay":
            if q.findtext("responseformat") not in RESPONSE_FORMATS:
                found.append(f"{where}: <responseformat> {q.findtext('responseformat')!r}")
            if q.find("graderinfo") is None:
                found.append(f"{where}: no <graderinfo>")
        elif qtype == "cloze":
            gaps = CLOZE_GAP.findall(q.findtext("questiontext/text") or "")
            if not gaps:
                found.append(f"{where}: no embedded gap in the question text")
            for _weight, _subtype, body in gaps:
                answers = CLOZE_ANSWER_SPLIT.split(body)
                if not any(a.startswith(("=", "%100%")) for a in answers):
                    found.append(f"{where}: a gap without a full-credit answer: {body!r}")
        elif qtype == "ordering":
            places = sorted(int(f * 100) for f in fractions)
            if places != list(range(1, len(answers) + 1)):
                found.append(f"{where}: answer places {places}")
            if q.findtext("gradingtype") not in GRADING_TYPES:
                found.append(f"{where}: <gradingtype> {q.findtext('gradingtype')!r}")
            count = _number(q.findtext("selectcount"))
            if count is None or count > len(answers):
                found.append(f"{where}: <selectcount> {q.findtext('selectcount')!r}")
    return found
