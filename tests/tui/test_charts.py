"""The terminal charts: columns as wide as the space given, the newest kept and named, a reference
line across the empty cells, Chinese labels measured in cells; and text flowing between pieces."""

from __future__ import annotations

from rich.text import Text

from examprep.tui.charts import Column, ColumnChart
from examprep.tui.format import Flow

from conftest import plain


def lines(renderable, width: int) -> list[str]:
    return plain(renderable, width=width).rstrip("\n").split("\n")


def test_columns_rise_to_their_share_of_the_top_and_the_axis_names_top_and_bottom():
    chart = ColumnChart([Column("甲", 10), Column("乙", 5), Column("丙", 0)], height=2)
    top, bottom, labels = lines(chart, 40)
    assert top.startswith("10┤███ ") and bottom.startswith(" 0┤███ ███ ")
    assert top[7:10] == "   " and labels.split() == ["甲", "乙", "丙"]


def test_eighth_blocks_show_a_partly_filled_row():
    (row, _) = lines(ColumnChart([Column("甲", 8), Column("乙", 3)], top=8, height=1), 20)
    assert row.startswith("8┤███ ▃▃▃")


def test_the_newest_columns_are_kept_when_the_width_is_short():
    columns = [Column(f"{n}日", n) for n in range(1, 41)]
    narrow, wide = lines(ColumnChart(columns, height=1), 30)[-1], lines(ColumnChart(columns, height=1), 200)[-1]
    assert "40日" in narrow and "1日" not in narrow.split()  # 27 columns fit in 30 cells: the last ones
    assert wide.split()[0] == "1日" and wide.split()[-1] == "40日"


def test_labels_are_placed_from_the_newest_so_the_last_is_always_named():
    columns = [Column(f"12/{n}", n) for n in range(1, 15)] + [Column("今天", 3)]
    labels = lines(ColumnChart(columns, height=1), 62)[-1]
    assert labels.endswith("今天") and "12/14" not in labels  # no room for the one just before


def test_a_reference_line_crosses_the_empty_cells_of_its_row():
    chart = ColumnChart([Column("", 1.0), Column("", 0.2)], top=1.0, height=5, line=0.6)
    rows = lines(chart, 20)
    # the row from 60% up: the full column reaches it, the line runs beside it where the short one stops
    assert "███ ┈┈┈┈" in rows[1]
    assert "┈" not in "".join(rows[:1] + rows[2:])


def test_a_bottom_above_zero_zooms_into_the_range():
    chart = ColumnChart([Column("", 0.95), Column("", 0.8)], top=1.0, bottom=0.5, height=5,
                        axis=lambda v: f"{v * 100:.0f}%")
    rows = lines(chart, 20)
    assert rows[0].startswith("100%┤▄▄▄") and rows[4].startswith(" 50%┤███ ███")


def test_flow_wraps_between_pieces_never_inside_one():
    flow = Flow([Text("一、单项选择题 14/20"), Text("二、判断题 9/10"), Text("三、简答题 10/20")])
    assert lines(flow, 40) == ["一、单项选择题 14/20  二、判断题 9/10", "三、简答题 10/20"]
    assert lines(flow, 80) == ["一、单项选择题 14/20  二、判断题 9/10  三、简答题 10/20"]
