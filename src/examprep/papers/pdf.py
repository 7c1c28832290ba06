"""PDF output through WeasyPrint, an optional extra, with a check for a Chinese font first.

Without a font that covers simplified Chinese WeasyPrint would print every character as a box, so the
check refuses to go on and says which package to install.
"""

from __future__ import annotations

import shutil
import subprocess

from . import messages as m


def _weasyprint_problem() -> str | None:
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        return m.NO_WEASYPRINT.format(install=m.INSTALL_WEASYPRINT)
    except OSError as err:  # the Python package is there but Pango/cairo are not
        return m.WEASYPRINT_BROKEN.format(error=err, install=m.INSTALL_WEASYPRINT)
    return None


def chinese_fonts() -> list[str]:
    """Font families fontconfig knows that cover simplified Chinese."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        out = subprocess.run([fc_list, ":lang=zh-cn", "family"], capture_output=True, text=True,
                             timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.split(",")[0].strip() for line in out.splitlines() if line.strip()})


def pdf_problems() -> list[str]:
    """What is missing for PDF output, each with what to install; empty when PDF can be written."""
    problems = []
    missing = _weasyprint_problem()
    if missing:
        problems.append(missing)
    if not chinese_fonts():
        problems.append(m.NO_CHINESE_FONT.format(install=m.INSTALL_FONT))
    return problems


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """The PDF of an HTML page. Call `pdf_problems()` first; WeasyPrint must be importable."""
    import weasyprint

    # Fixed metadata keeps the bytes the same from one run to the next (no creation date).
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf()
