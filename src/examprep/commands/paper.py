"""`examprep paper`: print mock papers and their answer keys from a blueprint, with a manifest.

The output folder must not keep papers of another run beside this run's manifest: files named as
`paper` names them that this run does not write are refused, or removed with --force. Each file is
written through a temporary file renamed into place.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .. import exit_codes
from ..format import marks_text
from . import messages as m
from .common import error, load_bank_or_report


def _output_names(fmt: str, variants: list[str]) -> dict[str, tuple[str, str]]:
    if len(variants) == 1:
        return {variants[0]: (f"paper.{fmt}", f"key.{fmt}")}
    return {v: (f"paper-{v}.{fmt}", f"key-{v}.{fmt}") for v in variants}


# Every file name `paper` writes, in any run: papers and keys (one, or per variant), the manifest, sheets.
_RUN_FILE = re.compile(r"(paper|key)(-[A-Z])?\.(html|md|pdf)|manifest\.json|sheet\.(xlsx|csv)")


def stale_files(out: Path, written: set[str]) -> list[Path]:
    """Files in `out` that an earlier run wrote and this run (writing `written`) would leave behind."""
    if not out.is_dir():
        return []
    return sorted(p for p in out.iterdir() if _RUN_FILE.fullmatch(p.name) and p.name not in written)


def run(args) -> int:
    from ..content.errors import ContentError
    from ..papers.blueprints import find_blueprint
    from ..papers.draw import LETTERS, MAX_VARIANTS, BlueprintError, draw_paper
    from ..papers.manifest import manifest_json
    from ..papers.render import render_key, render_paper

    if not 1 <= args.variants <= MAX_VARIANTS:
        error(m.VARIANTS_OUT_OF_RANGE.format(maximum=MAX_VARIANTS, value=args.variants))
        return exit_codes.USAGE
    if args.format == "pdf":
        from ..papers.pdf import pdf_problems

        problems = pdf_problems()
        for problem in problems:
            error(problem)
        if problems:
            return exit_codes.INVALID
    if getattr(args, "sheet", False):
        from ..interchange import MissingExtra
        from ..interchange.errors import require

        try:
            require("openpyxl", m.WRITING_SHEETS)
        except MissingExtra as err:
            error(str(err))
            return exit_codes.INVALID
    from .output import os_reason, write_file

    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    try:
        blueprint = find_blueprint(args.blueprint, bank)
        variants = list(LETTERS[: args.variants])
        same = getattr(args, "same_questions", False)
        papers = [draw_paper(bank, blueprint, args.seed, v, same) for v in variants]
    except ContentError as err:
        for content_problem in err.problems:
            print(content_problem, file=sys.stderr)
        return exit_codes.INVALID
    except BlueprintError as err:
        print(err, file=sys.stderr)
        return exit_codes.INVALID

    show_variant = len(papers) > 1
    text_format = "html" if args.format == "pdf" else args.format
    files: dict[str, bytes] = {}
    for paper in papers:
        paper_name, key_name = _output_names(args.format, variants)[paper.variant]
        paper_text = render_paper(paper, text_format, show_variant, getattr(args, "seal", False))
        key_text = render_key(paper, text_format, show_variant)
        if args.format == "pdf":
            from ..papers.pdf import html_to_pdf

            files[paper_name] = html_to_pdf(paper_text)
            files[key_name] = html_to_pdf(key_text)
        else:
            files[paper_name] = paper_text.encode("utf-8")
            files[key_name] = key_text.encode("utf-8")
    files["manifest.json"] = manifest_json(papers).encode("utf-8")

    out = Path(args.output)
    written = set(files) | ({"sheet.xlsx", "sheet.csv"} if getattr(args, "sheet", False) else set())
    stale = stale_files(out, written)
    if stale and not getattr(args, "force", False):
        names = "、".join(p.name for p in stale[:6]) + ("……" if len(stale) > 6 else "")
        error(m.STALE_FILES.format(out=out, names=names))
        return exit_codes.INVALID
    try:
        for path in stale:
            path.unlink()
        out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            write_file(out / name, data)
        if getattr(args, "sheet", False):
            from ..interchange.answer_sheet import write_sheets

            files.update({path.name: b"" for path in write_sheets(papers, out)})
    except OSError as err:
        error(m.CANNOT_WRITE.format(path=out, reason=os_reason(err)))
        return exit_codes.INVALID
    first = papers[0]
    questions = len(first.items)
    print(m.PAPER_SUMMARY.format(title=first.title, questions=questions, score=marks_text(first.total),
                                 variants=len(papers), seed=args.seed))
    for name in files:
        print(out / name)
    return exit_codes.OK
