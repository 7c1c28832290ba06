"""The class view as rich renderables for the instructor's class screen (the same figures as
`examprep class report`, from practice.class_progress)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..practice.claims import CLAIM, CONCEDE
from ..practice.class_progress import Accuracy, ClassProgress
from ..practice.class_progress_report import pass_mark_text, week_label
from .format import clip, percent
from .stats_report import title

POINT_CELLS = 36
TOPICS_SHOWN = 40


def _table(*columns: tuple[str, str]) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold", expand=False)
    for name, justify in columns:
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    return table


def activity_table(view: ClassProgress) -> RenderableType:
    if not view.activity:
        return Text("还没有考生账号（examprep users add --csv 名单.csv）。", style="dim")
    table = _table(("考生编号", "left"), ("姓名", "left"), ("本周作答", "right"), ("答对", "right"),
                   ("正确率", "right"), ("练习天数", "right"), ("最近一次", "left"))
    for a in view.activity:
        table.add_row(a.account, a.name, str(a.answers), str(a.correct), percent(a.accuracy), str(a.days),
                      a.last_day or "从未练习", style=None if a.answers else "dim")
    return table


def accuracy_table(rows: tuple[Accuracy, ...] | list[Accuracy], with_topic: bool) -> Table:
    columns = [("考点" if with_topic else "主题", "left")]
    if with_topic:
        columns.append(("主题", "left"))
    columns += [("作答", "right"), ("人数", "right"), ("正确率", "right"), ("得分率", "right")]
    table = _table(*columns)
    for r in rows:
        cells = [clip(r.title, POINT_CELLS)]
        if with_topic:
            cells.append(clip(r.topic_title, 20))
        cells += [str(r.answers), str(r.candidates), percent(r.accuracy), percent(r.score_rate)]
        table.add_row(*cells)
    return table


def exams_view(view: ClassProgress) -> RenderableType:
    if not view.exams:
        return Text("还没有考生交过模拟考试试卷。", style="dim")
    parts: list[RenderableType] = []
    for e in view.exams:
        mean = "—" if e.mean_percent is None else f"{e.mean_percent:.0f}%"
        parts.append(Text(f"{e.title}：{e.candidates} 人参考、{len(e.sittings)} 次，平均得分率 {mean}，"
                          f"合格线 {pass_mark_text(e)}，合格 {e.passed} 人，合格率 {percent(e.pass_rate)}",
                          style="bold"))
        table = _table(("考生编号", "left"), ("姓名", "left"), ("交卷时间", "left"), ("得分", "right"),
                       ("满分", "right"), ("结果", "left"))
        for s in e.sittings:
            table.add_row(s.account, s.name, s.submitted_at.astimezone().strftime("%m-%d %H:%M"), f"{s.score:g}",
                          f"{s.max:g}", "合格" if s.passed else "不合格")
        parts.append(table)
    return Group(*parts)


def claims_view(view: ClassProgress) -> RenderableType:
    if not view.claims:
        return Text("还没有考生提出申诉。", style="dim")
    table = _table(("题目 / 得分点", "left"), ("认为答到", "right"), ("认为没答到", "right"), ("已认可", "right"),
                   ("一个答案", "left"))
    for q in view.claims:
        table.add_row(Text(clip(q.stem or q.question_id, 50), style="bold"), "", "", "", "")
        for p in q.points:
            sample = p.answers[-1]
            table.add_row(f"  {clip(p.point, 34)}", str(p.count(CLAIM)), str(p.count(CONCEDE)), str(p.settled),
                          f"{sample.stored.claim.account}：{clip(sample.text, 30)}")
    return table


def class_progress_view(view: ClassProgress) -> RenderableType:
    week = week_label(view)
    answered_topics = [t for t in view.topics if t.answers][:TOPICS_SHOWN]
    weakest: RenderableType = (accuracy_table(view.weakest, True) if view.weakest
                               else Text("作答还太少：每个考点全班至少答 3 次才排名。", style="dim"))
    return Group(
        Text(f"考生 {view.candidates} 人，{week}练习了 {view.practised_this_week} 人。"),
        title(f"{week}谁练习了、练了多少"), activity_table(view),
        title("最薄弱的考点"), weakest,
        title("各主题正确率（全班，有作答的主题）"),
        accuracy_table(answered_topics, False) if answered_topics else Text("还没有作答。", style="dim"),
        title("模拟考试成绩"), exams_view(view),
        title("考生对评分的申诉（可据此补充关键词和同义词）"), claims_view(view),
        title("各考点正确率（全班，有作答的考点）"),
        accuracy_table([p for p in view.points if p.answers], True),
    )
