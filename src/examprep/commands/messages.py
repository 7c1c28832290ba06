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
