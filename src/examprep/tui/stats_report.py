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
from ..practice.stats import DayCount, ExamPoint, Stats
from .charts import Column, ColumnChart
from .format import WEEKDAYS, day_label, percent, today_text
from .wrapped import Wrapped

BAR_CELLS = 30
ACCURACY_CELLS = 10
ACCURACY_MAX_CELLS = 50  # at 160 columns, a bar of 50 cells still reads as a share


def bar(value: float, largest: float, style: str, cells: int | None = BAR_CELLS) -> Bar | Text:
    """`value` of `largest` as a bar `cells` wide, or as wide as its column for None (nothing for
    nothing)."""
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


def short_day(day: date, today: date) -> str:
    return "今天" if day == today else f"{day.month}/{day.day}"


def retention_chart(stats: Stats, today: date) -> ColumnChart | Text:
    """FSRS's forgetting curve of the questions in review: today and the next 30 days, unreviewed."""
    curve = stats.retention_curve
    if not curve:
        return Text("")
    labels = {0: "今天", **{d: f"{d}天后" for d in range(7, len(curve), 7)}}
    columns = [Column(labels.get(d, ""), value) for d, value in enumerate(curve)]
    bottom = max(0.0, min(0.5, (min(curve) * 10 // 1) / 10))  # room to see the fall, from a round share
    return ColumnChart(columns, top=1.0, bottom=bottom, height=5, style="cyan", line=0.9,
                       axis=lambda v: f"{v * 100:.0f}%")


def retention_note(stats: Stats) -> Text:
    if not stats.retention_curve:
        return Text("")
    curve = stats.retention_curve
    return Text(f"上图：不再复习时，记忆概率由今天的 {percent(curve[0])} 降到 {len(curve) - 1} 天后的 "
                f"{percent(curve[-1])}（虚线为 90%，FSRS 安排复习时的目标）。", style="dim")


def exam_chart(exams: tuple[ExamPoint, ...], today: date) -> ColumnChart:
    """Each mock exam's share of the marks, oldest first, with the pass line when all share one."""
    passes = {round(e.pass_fraction, 4) for e in exams}
    columns = [Column(short_day(e.day, today), e.fraction) for e in exams]
    return ColumnChart(columns, top=1.0, height=5, style="green",
                       line=passes.pop() if len(passes) == 1 else None, axis=lambda v: f"{v * 100:.0f}%")


def exam_summary(exams: tuple[ExamPoint, ...]) -> Text:
    last = exams[-1]
    passed = sum(1 for e in exams if e.passed)
    out = Text(f"共 {len(exams)} 次，合格 {passed} 次；最近一次 {last.title} 得分率 {percent(last.fraction)}（")
    out.append("合格" if last.passed else "不合格", style="green" if last.passed else "red")
    out.append("）。虚线为合格线。")
    return out


def answers_chart(days: tuple[DayCount, ...], today: date) -> ColumnChart:
    """Answers per day as columns: the correct ones green at the bottom, the wrong ones red above."""
    columns = [Column(short_day(d.day, today), d.answers, d.correct) for d in days]
    return ColumnChart(columns, height=5, style="red", part_style="green")


def answers_note(days: tuple[DayCount, ...]) -> Text:
    answers, correct = sum(d.answers for d in days), sum(d.correct for d in days)
    out = Text(f"{len(days)} 天共作答 {answers} 次，")
    out.append(f"答对 {correct} 次（绿）", style="green")
    out.append("，")
    out.append(f"答错 {answers - correct} 次（红）", style="red")
    out.append("。")
    return out


def topic_table(stats: Stats, bank: Bank) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold", expand=True)
    table.add_column("级别")
    table.add_column("主题")
    table.add_column("已练/题数", justify="right")
    table.add_column("作答", justify="right")
    table.add_column("正确率", justify="right")
    table.add_column("", no_wrap=True, ratio=1, min_width=ACCURACY_CELLS, max_width=ACCURACY_MAX_CELLS)
    for t in stats.topics:
        style = "green" if (t.accuracy or 0) >= 0.6 else "red"
        accuracy = bar(t.accuracy or 0, 1, style, None)
        table.add_row(Text(visible(bank.level_title(t.level).split("/")[0], newlines=False)),
                      Text(visible(t.title, newlines=False)), f"{t.seen}/{t.questions}",
                      str(t.answers), percent(t.accuracy), accuracy)
    return table


def day_bars(days: tuple[DayCount, ...], today: date) -> Table:
    table = Table(box=None, pad_edge=False, show_header=False)
    table.add_column(justify="right")
    table.add_column()
    table.add_column(justify="right")
    largest = max((d.answers for d in days), default=0)
    for d in days:
        label = f"{day_label(d.day, today)} 周{WEEKDAYS[d.day.weekday()]}"
        count = str(d.answers)
        table.add_row(label, bar(d.answers, largest, "green"), count)
    return table


def stats_report(stats: Stats, bank: Bank, today: date) -> Group:
    parts: list = [Wrapped(overview(stats)), title("记忆保持"), Wrapped(retention_text(stats))]
    if stats.retention_curve:
        parts += [retention_chart(stats, today), Wrapped(retention_note(stats))]
    if stats.exams:
        parts += [title("模拟考试成绩"), exam_chart(stats.exams, today), Wrapped(exam_summary(stats.exams))]
    parts += [
        title("各主题正确率"),
        topic_table(stats, bank),
        title("近 14 天每日作答"),
        answers_chart(stats.days, today),
        answers_note(stats.days),
        title("未来 7 天到期"),
        day_bars(stats.forecast, today),
    ]
    return Group(*parts)
