"""Every message the content readers give an author (`validate`, and any command reading a bank), in one place.

Each is a `str.format` template; `validate` prints them as `file:line: message`. Field names, ids and
YAML words (true/false, points/, levels.yaml) stay as written in the files, since that is what an author
types; the rest is simplified Chinese.
"""

from __future__ import annotations

# -- the names of value types and of the things a reader reads -------------------------------------------
TYPE_BOOL = "布尔值（true/false）"
TYPE_NUMBER = "数字"
TYPE_WHOLE_NUMBER = "整数"
TYPE_TEXT = "文本"
TYPE_LIST = "列表"
TYPE_LIST_OF_LISTS = "由列表组成的列表"
TYPE_MAPPING = "映射"
TYPE_NOTHING = "空值"
TYPE_TRUE_OR_FALSE = "布尔值（true 或 false）"

WHAT_SYNONYMS = "synonyms.yaml"
WHAT_POINTS_FILE = "知识点文件"
WHAT_POINT = "知识点"
WHAT_QUESTIONS_FILE = "题目文件"
WHAT_QUESTION = "题目"
WHAT_RUBRIC_POINT = "得分点"
WHAT_EXAMPLE = "示例答案"
WHAT_CASE = "案例"
WHAT_BLUEPRINT = "试卷蓝图"
WHAT_SECTION = "大题"

# -- field readers ------------------------------------------------------------------------------------------
DID_YOU_MEAN = "（是不是 '{close}'？）"
UNKNOWN_FIELD = "{what}中有未知字段 '{key}'{hint}"
MISSING_FIELD = "{what}缺少必填字段 '{key}'"
FIELD_EMPTY = "'{key}' 是空的"
FIELD_WRONG_TYPE = "'{key}' 必须是{expected}，不能是{actual}"
FIELD_MUST_NOT_BE_EMPTY = "'{key}' 不能为空"
FIELD_NOT_POSITIVE = "'{key}' 必须大于 0，不能是 {value}"
FIELD_NEGATIVE = "'{key}' 不能是负数"
FIELD_NOT_FINITE = "'{key}' 必须是一个有限的数，不能是 {value}（.nan、.inf 或超出范围的数）"
FIELD_OUT_OF_RANGE = "'{key}' 应在 1 到 {maximum}{unit} 之间，不能是 {value}"
ITEM_NOT_TEXT = "'{key}' 的第 {n} 项必须是文本，不能是{actual}"
ITEM_EMPTY = "'{key}' 的第 {n} 项是空的"
GROUP_NOT_LIST = "'{key}' 的第 {n} 项必须是由文本组成的列表，不能是{actual}"
GROUP_NOT_TEXTS = "'{key}' 的第 {n} 项只能包含文本，不能包含{actual}"
GROUP_TOO_SHORT = "'{key}' 的第 {n} 项至少需要 {minimum} 个文本"
ITEM_NOT_MAPPING = "'{key}' 的第 {n} 项必须是映射，不能是{actual}"
BAD_ID = "id '{value}' 不合规：请用小写 ASCII 字符 [a-z0-9-] 组成的段，段与段之间用点连接"
NOT_A_CHOICE = "'{key}' 必须是 {choices} 之一，不能是 '{value}'{hint}"

# -- YAML files -----------------------------------------------------------------------------------------------
NOT_UTF8 = "不是 UTF-8 文本（字节 0x{byte:02x}）；请把文件另存为 UTF-8"
BAD_CHARACTER = "不允许的字符 U+{code:04X}（控制字符），请删除它"
TAG_NOT_ALLOWED = "不允许使用标签 {tag}：内容用安全方式读取"
YAML_SYNTAX_CONTEXT = "YAML 语法错误：{context}, {message}"  # the YAML reader's words not in the tables below
YAML_SYNTAX_CONTEXT_ZH = "YAML 语法错误：{context}，{message}"
# the YAML reader's (libyaml's) words: where it was and what it found; others are shown as it gives them
YAML_CONTEXTS = {
    "while parsing a flow node": "解析方括号或花括号里的一项时",
    "while parsing a flow mapping": "解析花括号 {…} 时",
    "while parsing a flow sequence": "解析方括号 […] 时",
    "while parsing a block mapping": "解析字段时",
    "while parsing a block collection": "解析列表时",
    "while parsing a block node": "解析一项时",
    "while parsing a node": "解析一项时",
    "while parsing a quoted scalar": "读取引号中的文本时",
    "while scanning a quoted scalar": "读取引号中的文本时",
    "while scanning a simple key": "读取字段名时",
    "while scanning a plain scalar": "读取文本时",
    "while scanning a block scalar": "读取多行文本（| 或 >）时",
    "while scanning for the next token": "读取下一项时",
    "while scanning an anchor": "读取锚点（&）时",
    "while scanning an alias": "读取别名（*）时",
    "while scanning a tag": "读取标签（!）时",
    "while scanning a directive": "读取指令（%）时",
}
YAML_PROBLEMS = {
    "did not find expected node content": "缺少内容",
    "did not find expected ',' or '}'": "缺少 ',' 或 '}'",
    "did not find expected ',' or ']'": "缺少 ',' 或 ']'",
    "did not find expected key": "缺少字段名（可能是缩进没有对齐）",
    "did not find expected '-' indicator": "缺少列表项的 '-'（可能是缩进没有对齐）",
    "mapping values are not allowed in this context": "这里不能有字段值（多了一个 ':'？含冒号的文本请加引号）",
    "block sequence entries are not allowed in this context": "这里不能有列表项 '-'",
    "found unexpected end of stream": "文件意外结束（引号没有配对？）",
    "found character that cannot start any token": "遇到不能开始一项的字符（例如 Tab；缩进请用空格）",
    "found a tab character that violates indentation": "Tab 打乱了缩进；缩进请用空格",
    "found a tab character where an indentation space is expected": "缩进处是 Tab；缩进请用空格",
    "found undefined alias": "使用了没有定义的别名（*）",
    "found unknown escape character": "未知的转义字符（\\ 后面的字符）",
    "did not find expected alphabetic or numeric character": "缺少字母或数字",
    "found unknown directive name": "未知的指令名",
    "did not find the expected '>'": "缺少 '>'",
    "could not find expected ':'": "缺少 ':'",
    "did not find expected <document start>": "缺少文档开始标记 ---",
    "a mapping key must be a plain value": "字段名必须是简单的值，不能是列表或映射",
}
YAML_SYNTAX = "YAML 语法错误：{message}"
YAML_OTHER = "YAML 错误：{error}"
NESTED_TOO_DEEPLY = "嵌套太深，不像是内容文件"
ALIAS_BOMB = "别名展开后节点太多（别名炸弹？）；请把内容直接写出来"
DUPLICATE_KEY = "重复的键 '{key}'"
FILE_TOO_LARGE = "文件有 {size} MiB；内容文件最大 {limit} MiB"
CANNOT_READ = "无法读取：{reason}"

# -- the loader -----------------------------------------------------------------------------------------------
LINK_OUTSIDE = "这是一个指向内容文件夹之外的链接，不会读取；请把文件复制到内容文件夹里"
FILE_EMPTY = "文件是空的"
NOT_A_MAPPING = "文件的顶层必须是由字段组成的映射"
DUPLICATE_ID = "重复的 id '{ident}'（首次定义于 {first}）"
UNKNOWN_LEVEL_DECLARE = "未知的级别 '{value}'{hint}；已有级别：{levels}（可在 levels.yaml 中声明更多）"
UNKNOWN_LEVEL = "未知的级别 '{value}'{hint}"
BAD_LEVEL_NAME = "级别名 '{key}' 不合规"
BAD_TOPIC = "主题 '{topic}' 不合规：请用小写 ASCII 字符 [a-z0-9-]"
TOPIC_NOT_FILE_NAME = "主题 '{topic}' 与文件名 '{stem}' 不一致"
LEVEL_NOT_FOLDER = "级别 '{level}' 与所在文件夹 '{folder}' 不一致"
TOPIC_TWICE = "级别 '{level}' 的主题 '{topic}' 定义了两次"
POINT_NEEDS_BODY = "知识点 '{ident}' 需要 'items' 或 'text'"
ORDERED_POINT_TOO_SHORT = "有序知识点（ordered）至少需要 2 个条目"
FIELD_NOT_FOR_TYPE = "'{key}' 不适用于 {qtype} 题"
BAD_RUBRIC_ID = "得分点 id '{rid}' 不合规：请用小写 ASCII 字符 [a-z0-9-]"
DUPLICATE_RUBRIC_ID = "重复的得分点 id '{rid}'（首次出现在第 {line} 行）"
UNDER_UNKNOWN = "得分点 '{rid}' 的 under: '{under}' 不是本题另一个得分点的 id（可用：{known}）"
UNDER_CHAIN = ("得分点 '{rid}' 归属于 '{under}'，而 '{under}' 本身又归属于 '{other}'："
               "under: 只能指向不带 under: 的得分点")
EXAMPLE_NEEDS_ANSWER = "示例答案需要 'answer'：示例答案的文本"
UNKNOWN_POINT = "{what} '{ident}' 引用了未知的知识点 '{pid}'{hint}"
WHAT_REFERENCE = {"question": "题目", "case": "案例"}
BLUEPRINT_NOT_MAPPING = "试卷蓝图必须是由字段组成的映射"
ROOT_NOT_FOUND = "找不到内容根目录（应是一个含有 points/、questions/、cases/ 的文件夹）"
NOT_A_ROOT = "不是内容根目录：其中没有 points/、questions/、cases/ 中的任何一个"

# -- the kinds' own fields ------------------------------------------------------------------------------------
CHOICE_NEEDS_OPTIONS = "{qtype} 题需要 'options'：一个映射，例如 {{A: …, B: …}}"
OPTION_NEEDS_TEXT = "选项 {key} 需要文本"
CHOICE_TOO_FEW_OPTIONS = "选择题至少需要 2 个选项"
SINGLE_NEEDS_ANSWER = "single 题需要 'answer'：一个选项键"
ANSWER_NOT_AN_OPTION = "答案 '{answer}' 不在选项键 {keys} 之中"
MULTIPLE_NEEDS_ANSWER = "multiple 题需要 'answer'：由选项键组成的列表，例如 [A, C]"
ANSWERS_NOT_OPTIONS = "答案 {unknown} 不在选项键 {keys} 之中"
ANSWER_KEY_TWICE = "答案中有一个选项键列了两次"
FILL_NEEDS_ANSWER = "fill 题需要 'answer'：每个空一项的列表，每项是一个文本或由可接受答案组成的列表"
BLANK_NEEDS_TEXT = "'answer' 的第 {n} 空需要文本，不能是{actual}"
BLANK_NO_ALTERNATIVES = "'answer' 的第 {n} 空没有任何可接受的答案"
BLANKS_MISMATCH = "题干有 {found} 个空（（　）或 ____），但 'answer' 给了 {given} 个；请每个空给一个答案"
JUDGE_NEEDS_ANSWER = "judge 题需要 'answer: true' 或 'answer: false'"
ORDER_TOO_FEW_ITEMS = "排序题至少需要 2 个条目"
ORDER_ITEMS_REPEAT = "排序题的条目不能相同"

# -- a blueprint named on the command line (papers.blueprints) --------------------------------------------
BLUEPRINT_FILE_NOT_FOUND = "找不到试卷蓝图文件"
NOT_A_BLUEPRINT = "不是试卷蓝图"
NO_BLUEPRINT = "没有名为 '{name}' 的试卷蓝图{hint}；这里有：{known}（也可以给出 .yaml 文件的路径）"

# -- what the kinds say about an answer (feedback, `grade`) -------------------------------------------------
POSITION_RIGHT = "第{n}位：{expected}"
POSITION_WRONG = "第{n}位：{given}（应为：{expected}）"
POSITION_NOTHING = "（空）"

# -- calculation steps (calc `steps:`) -----------------------------------------------------------------------
WHAT_CALC_STEP = "计算步骤"
CALC_STEP_NEEDS_MATCH = ("计算步骤 '{sid}' 需要 'keywords'（算式或说法，答出其一即得分）"
                         "或 'numbers'（过程中必须出现的数）")
CALC_STEP_ID_RESERVED = "计算步骤 id 不能是 '{sid}'：它是结果得分点的 id"
BAD_CALC_STEP_ID = "计算步骤 id '{sid}' 不合规：请用小写 ASCII 字符 [a-z0-9-]"
DUPLICATE_CALC_STEP_ID = "重复的计算步骤 id '{sid}'（首次出现在第 {line} 行）"
CALC_STEP_NUMBER_NOT_NUMBER = "'numbers' 的第 {n} 项必须是数字，不能是{actual}"
CALC_STEP_NUMBER_NOT_FINITE = "'numbers' 的第 {n} 项必须是有限的数，不能是 {value}"
CALC_RESULT_WEIGHT_WITHOUT_STEPS = "'result_weight' 只用于有 'steps' 的计算题"
CALC_RESULT_POINT = "结果：{key}"
