"""Charts for the printed class report as inline SVG: no scripts, no images to ship, one file that prints.

Each function returns SVG markup (a `Markup`, safe for the autoescaping templates); every text in it
is escaped here.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

FONT = 'font-family="Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif"'
INK = "#222"
BAR = "#555"
LIGHT = "#bbb"


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(label)}" {FONT}>' + "".join(body) + "</svg>")


def histogram_svg(bins: tuple[tuple[str, int], ...], full: float, pass_mark: float | None = None) -> Markup:
    """Candidates per score band, with the pass mark as a dashed line."""
    width, height, left, bottom, top = 640, 220, 34, 40, 18
    plot_w, plot_h = width - left - 10, height - bottom - top
    most = max((n for _, n in bins), default=0) or 1
    step = plot_w / max(1, len(bins))
    body = [f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="{INK}"/>',
            f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="{INK}"/>']
    for i, (label, count) in enumerate(bins):
        h = plot_h * count / most
        x = left + i * step + 3
        body.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{step - 6:.1f}" height="{h:.1f}" '
                    f'fill="{BAR}"/>')
        if count:
            body.append(f'<text x="{x + (step - 6) / 2:.1f}" y="{top + plot_h - h - 3:.1f}" font-size="11" '
                        f'text-anchor="middle" fill="{INK}">{count}</text>')
        body.append(f'<text x="{x + (step - 6) / 2:.1f}" y="{top + plot_h + 14:.1f}" font-size="10" '
                    f'text-anchor="middle" fill="{INK}">{escape(label)}</text>')
    body.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" font-size="11" text-anchor="middle" '
                f'fill="{INK}">得分（分）</text>')
    body.append(f'<text x="12" y="{top + plot_h / 2:.1f}" font-size="11" text-anchor="middle" fill="{INK}" '
                f'transform="rotate(-90 12 {top + plot_h / 2:.1f})">人数</text>')
    if pass_mark is not None and full:
        x = left + plot_w * min(1.0, pass_mark / full)
        body.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{top + plot_h}" stroke="{INK}" '
                    f'stroke-dasharray="4 3"/>')
        body.append(f'<text x="{x + 3:.1f}" y="{top + 6}" font-size="10" fill="{INK}">合格线 {pass_mark:g}</text>')
    return _svg(width, height, body, "成绩分布直方图")


def bars_svg(rows: list[tuple[str, float, str]]) -> Markup:
    """Horizontal bars: (label, fraction 0–1, value text) per row."""
    width, row_h, left, right = 640, 22, 150, 120
    plot_w = width - left - right
    height = row_h * len(rows) + 8
    body = []
    for i, (label, fraction, value) in enumerate(rows):
        y = 4 + i * row_h
        w = plot_w * max(0.0, min(1.0, fraction))
        body.append(f'<text x="{left - 6}" y="{y + 15}" font-size="11" text-anchor="end" fill="{INK}">'
                    f'{escape(label)}</text>')
        body.append(f'<rect x="{left}" y="{y + 3}" width="{plot_w}" height="{row_h - 8}" fill="none" '
                    f'stroke="{LIGHT}"/>')
        body.append(f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" fill="{BAR}"/>')
        body.append(f'<text x="{left + plot_w + 6}" y="{y + 15}" font-size="11" fill="{INK}">{escape(value)}</text>')
    return _svg(width, height, body, "各大题平均得分率")


def option_bars_svg(options, group_size: int) -> Markup:
    """For one choice question: per option, the share of the upper (dark) and lower (light) group who
    chose it; the key's letter is underlined."""
    width, height, bottom, top = 260, 90, 16, 6
    plot_h = height - bottom - top
    step = width / max(1, len(options))
    body = [f'<line x1="0" y1="{top + plot_h}" x2="{width}" y2="{top + plot_h}" stroke="{INK}"/>']
    g = group_size or 1
    for i, option in enumerate(options):
        x = i * step + step / 2
        for offset, count, fill in ((-9, option.upper, BAR), (1, option.lower, LIGHT)):
            h = plot_h * count / g
            body.append(f'<rect x="{x + offset:.1f}" y="{top + plot_h - h:.1f}" width="8" height="{h:.1f}" '
                        f'fill="{fill}" stroke="{INK}" stroke-width="0.5"/>')
        decoration = ' text-decoration="underline" font-weight="bold"' if option.is_key else ""
        body.append(f'<text x="{x:.1f}" y="{height - 3}" font-size="11" text-anchor="middle" fill="{INK}"'
                    f'{decoration}>{escape(option.letter)}{"✓" if option.is_key else ""}</text>')
    return _svg(width, height, body, "高分组与低分组的选项分布")
