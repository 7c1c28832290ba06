"""Statistics as rich renderables: the stats screen shows them, `examprep stats` prints them.

Only rich is imported here (not Textual), so the command stays light.
"""

from __future__ import annotations

from datetime import date

from rich.bar import Bar
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..content.model import Bank
from ..format import visible
from ..practice.stats import DayCount, Stats
from .format import WEEKDAYS, day_label, percent, today_text
from .wrapped import Wrapped

BAR_CELLS = 30
ACCURACY_CELLS = 10


def bar(value: float, largest: float, style: str, cells: int = BAR_CELLS) -> Bar | Text:
    """`value` of `largest` as a bar `cells` wide (nothing for nothing)."""
    if largest <= 0 or value <= 0:
        return Text("")
    return Bar(size=largest, begin=0, end=value, width=cells, color=style, bgcolor="default")


def title(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def overview(stats: Stats) -> Text:
    out = Text()
    out.append(f"共作答 {stats.answers} 次，正确率 {percent(stats.accuracy)}；")
    out.append(f"错题本 {stats.mistakes} 题，收藏 {stats.favourites} 题\n")
    t = stats.today
    out.append(today_text(t.counts.due, t.counts.learning, t.new_today, t.new_left))
    return out


def retention_text(stats: Stats) -> Text:
    r = stats.retention
    out = Text()
    if r.reviews:
        out.append(f"近 30 天复习 {r.reviews} 次，答对 {r.recalled} 次，实测保持率 {percent(r.measured)}。\n")
    else:
        out.append("近 30 天还没有到期复习的记录。\n")
    if r.predicted is not None:
        out.append(f"按 FSRS 估计，已进入复习期的 {r.studied} 题当前平均记忆概率 {percent(r.predicted)}。")
    else:
        out.append("还没有进入复习期的题目（答对并隔段时间再答对后进入）。")
    return out


def topic_table(stats: Stats, bank: Bank) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold", expand=False)
    table.add_column("级别")
    table.add_column("主题")
    table.add_column("已练/题数", justify="right")
    table.add_column("作答", justify="right")
    table.add_column("正确率", justify="right")
    table.add_column("", no_wrap=True)
    for t in stats.topics:
        style = "green" if (t.accuracy or 0) >= 0.6 else "red"
        accuracy = bar(t.accuracy or 0, 1, style, ACCURACY_CELLS)
        table.add_row(Text(visible(bank.level_title(t.level).split("/")[0], newlines=False)),
                      Text(visible(t.title, newlines=False)), f"{t.seen}/{t.questions}",
                      str(t.answers), percent(t.accuracy), accuracy)
    return table


def day_bars(days: tuple[DayCount, ...], today: date, note_correct: bool) -> Table:
    table = Table(box=None, pad_edge=False, show_header=False)
    table.add_column(justify="right")
    table.add_column()
    table.add_column(justify="right")
    largest = max((d.answers for d in days), default=0)
    for d in days:
        label = f"{day_label(d.day, today)} 周{WEEKDAYS[d.day.weekday()]}"
        count = str(d.answers)
        if note_correct and d.answers:
            count += f"（对 {d.correct}）"
        table.add_row(label, bar(d.answers, largest, "green"), count)
    return table


def stats_report(stats: Stats, bank: Bank, today: date) -> Group:
    return Group(
        Wrapped(overview(stats)),
        title("记忆保持"),
        Wrapped(retention_text(stats)),
        title("各主题正确率"),
        topic_table(stats, bank),
        title("近 14 天每日作答"),
        day_bars(stats.days, today, note_correct=True),
        title("未来 7 天到期"),
        day_bars(stats.forecast, today, note_correct=False),
    )
