"""Every message the commands print (errors on stderr, summaries, argparse help), in one place.

Each is a `str.format` template. `error` prefixes `examprep: `; problems of content keep `file:line: message`.
"""

from __future__ import annotations

# -- shared -----------------------------------------------------------------------------------------------
MORE_PROBLEMS = "……另有 {more} 个"
CONTENT_HAS_PROBLEMS = "{root} 中的内容有 {count} 个问题；运行 `examprep validate` 查看全部"
UNKNOWN_QUESTION = "未知的题目 '{ident}'{hint}；`examprep list questions` 列出全部题目"
UNKNOWN_LEVEL = "未知的级别 '{level}'{hint}；可用的级别：{levels}"
LEVEL_CHOICE = "{key}（{title}）"
LIST_SEPARATOR = "、"

# -- drill and case -------------------------------------------------------------------------------------------
AT_LEVEL = "（级别 '{level}'）"
UNKNOWN_TOPIC = "未知的主题 '{topic}'{where}{hint}；`{command}` 列出全部主题"
NOTHING_TO_DRILL = "这个范围内没有可练习的题目"
UNKNOWN_CASE = "未知的案例 '{ident}'{hint}；`examprep list cases` 列出全部案例"
NO_CASES = "这个题库没有案例分析"

# -- validate -----------------------------------------------------------------------------------------------
FOLLOWERS_HEADER = "  因此文件无法读取，引用其中考点的 {count} 处也报错："
PROBLEM_COUNT = "{root} 中有 {count} 个问题"

# -- grade --------------------------------------------------------------------------------------------------
ANSWER_PROMPT = "请输入答案，以 Ctrl-D 结束："
LONG_ANSWER = "\n（答案共 {length} 字，只显示命中处附近）"
QUESTION_HEADING = "{ident}（{title}，{score}分）"
SCORE_LINE = "得分：{score} / {max}"
RIGHT = "✓ 正确"
WRONG = "✗ 错误"
UNREADABLE = "（无法识别）"
EXPECTED_GIVEN = "  正确答案：{expected}   你的答案：{given}"
ANSWER_LINE = "答案："

# -- list ---------------------------------------------------------------------------------------------------
LIST_UNKNOWN_LEVEL = "未知的级别 '{level}'；可用的级别：{levels}"
LIST_KINDS = {"points": "个考点", "questions": "道题", "cases": "个案例"}
LIST_COUNT = "共 {count} {unit}"

# -- mark ---------------------------------------------------------------------------------------------------
MARK_COLUMNS = ("考生", "已答", "得分", "满分", "%")
NOTHING_TO_MARK = "{source} 中没有可阅的答案"

# -- paper --------------------------------------------------------------------------------------------------
VARIANTS_OUT_OF_RANGE = "--variants 应在 1 到 {maximum} 之间，不能是 {value}"

# -- reading input ------------------------------------------------------------------------------------------
NOT_UTF8_FILE = "{path} 不是 UTF-8 文本"
