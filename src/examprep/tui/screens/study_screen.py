"""Study (学习): browse the knowledge points by level and topic, read them, search them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Tree
from textual.widgets.tree import TreeNode

from ...practice.search import point_matches
from ...practice.session import DrillScope
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from ..widgets.study.point_view import PointView
from .trainer_screen import TrainerScreen


def tree_nodes(node: TreeNode) -> Iterator[TreeNode]:
    """The nodes under `node`, depth first in the order shown."""
    for child in node.children:
        yield child
        yield from tree_nodes(child)


class StudyScreen(TrainerScreen):
    CSS_PATH = "study_screen.tcss"
    BINDINGS = [
        Binding("slash", "search", "搜索"),
        Binding("d", "drill_topic", "练本主题"),
        Binding("p", "drill_point", "练本考点"),
        Binding("b", "study_mode", "背题"),
        Binding("escape", "leave", "返回"),
    ]

    def __init__(self):
        super().__init__()
        # the tree node chosen: ("level", level), ("topic", (level, topic)) or ("point", point id)
        self.selected: tuple[str, Any] | None = None

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        yield Input(placeholder="/ 搜索考点：汉字或拼音（如 khxx）", id="search")
        with Horizontal(id="study"):
            yield Tree("考点", id="points")
            with VerticalScroll(id="detail"):
                yield PointView(id="point")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "学习"
        self.fill_tree("")
        self.query_one(PointView).show(self.trainer.bank, None)
        self.query_one("#points", Tree).focus()

    def fill_tree(self, query: str) -> None:
        bank = self.trainer.bank
        tree = self.query_one("#points", Tree)
        tree.clear()
        tree.show_root = False
        searching = bool(query.strip())
        shown = 0
        for level, level_title in bank.levels.items():
            topics = [t for (lvl, _), t in bank.topics.items() if lvl == level]
            level_node = None
            for topic in topics:
                points = [bank.points[p] for p in topic.point_ids if p in bank.points]
                if searching:
                    points = [p for p in points if point_matches(p, query)]
                if not points:
                    continue
                if level_node is None:
                    level_node = tree.root.add(level_title, data=("level", level), expand=True)
                topic_node = level_node.add(topic.title, data=("topic", (level, topic.id)),
                                            expand=searching)
                for point in points:
                    topic_node.add_leaf(point.title, data=("point", point.id))
                    shown += 1
        if searching and not shown:
            tree.root.add_leaf("没有找到匹配的考点", data=None)
        tree.cursor_line = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self.fill_tree(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search box opens the first point found."""
        tree = self.query_one("#points", Tree)
        first = next((node for node in tree_nodes(tree.root) if node.data and node.data[0] == "point"), None)
        if first is not None:
            tree.move_cursor(first)
            self.select(first.data)
        tree.focus()

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        self.select(event.node.data)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        self.select(event.node.data)

    def select(self, data) -> None:
        self.selected = data
        if data and data[0] == "point":
            self.query_one(PointView).show(self.trainer.bank, self.trainer.bank.points[data[1]])

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_drill_topic(self) -> None:
        data = self.selected
        if not data or data[0] == "level":
            self.notify("先在左侧选一个主题或考点。", severity="warning")
            return
        if data[0] == "topic":
            level, topic = data[1]
        else:
            point = self.trainer.bank.points[data[1]]
            level, topic = point.level, point.topic
        self.app.start_drill(DrillScope(level=level, topic=topic), "order")

    def action_drill_point(self) -> None:
        data = self.selected
        if not data or data[0] != "point":
            self.notify("先在左侧选一个考点。", severity="warning")
            return
        point = self.trainer.bank.points[data[1]]
        self.app.start_drill(DrillScope(level=point.level, point=point.id), "order")

    def action_study_mode(self) -> None:
        """背题: the chosen topic's questions (or the chosen point's) with their answers shown."""
        from .study_mode_screen import StudyModeScreen

        data, bank = self.selected, self.trainer.bank
        if not data or data[0] == "level":
            self.notify("先在左侧选一个主题或考点。", severity="warning")
            return
        if data[0] == "topic":
            level, topic = data[1]
            scope, title = DrillScope(level=level, topic=topic), bank.topics[(level, topic)].title
        else:
            point = bank.points[data[1]]
            scope, title = DrillScope(level=point.level, point=point.id), point.title
        ids = self.trainer.study_questions(scope)
        if not ids:
            self.notify("这里还没有题目。", severity="warning")
            return
        self.app.push_screen(StudyModeScreen(title, ids))

    def action_leave(self) -> None:
        if self.focused is self.query_one("#search", Input) and self.query_one("#search", Input).value:
            self.query_one("#search", Input).value = ""
            return
        self.app.pop_screen()
