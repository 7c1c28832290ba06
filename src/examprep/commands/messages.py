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

# -- the command line's own words (argparse): help, usage and usage errors ---------------------------------------
PROGRAM_DESCRIPTION = "卷烟商品营销员（服务营销）技能鉴定备考训练。不带命令时打开训练程序。"
USAGE_PREFIX = "用法："
POSITIONALS_TITLE = "位置参数"
OPTIONALS_TITLE = "选项"
HELP_HELP = "显示本帮助并退出"
VERSION_HELP = "显示版本号并退出"
USAGE_ERROR = "{prog}：错误：{message}\n"
CONTENT_HELP = "内容根目录（默认：examprep 自带的题库）"
DATA_HELP = "保存学习进度的文件夹（默认：用户数据文件夹）"
DB_HELP = ("学习进度和账户所在的数据库：postgresql://用户@主机:端口/库名 或 sqlite:文件路径"
           "（默认：环境变量 EXAMPREP_DB，否则 --data 文件夹里的进度文件）")
LEVEL_HELP = "级别：primary（初级/五级）或 intermediate（中级/四级）"
TOPIC_HELP = "主题 id"
HELP = {
    "drill": "直接打开训练程序开始练习",
    "drill --topic": "主题 id（如 customer-info）或主题名称",
    "drill --size": "这次练习的题量（默认按设置，初始 20）",
    "drill --new-per-day": "每日新题上限，保存为设置（初始 20；0 表示只复习）",
    "case": "直接打开训练程序做案例分析",
    "grade": "为一个答案评分（未给出 --answer 或 --file 时从标准输入读取）",
    "grade --answer": "答案的文本",
    "grade --file": "从文件读取答案（- 为标准输入）",
    "grade --json": "以 JSON 输出评分结果",
    "mark": "批量阅卷：读取 JSON Lines 文件，或配合 --paper 读取答题卡",
    "mark --json": "输出 JSON Lines（同 --format json）",
    "mark --format": "报告格式",
    "mark --paper": "`paper` 生成的试卷清单（manifest.json）",
    "mark --output": "把报告写到这里",
    "paper": "按试卷蓝图生成模拟试卷及答案",
    "paper blueprint": "试卷蓝图文件，或它在 papers/ 中的名称",
    "paper --seed": "随机种子（同一种子生成同样的试卷）",
    "paper --format": "输出格式",
    "paper --variants": "生成 N 套平行试卷（A、B、…）",
    "paper --same-questions": "各套试卷题目相同、顺序打乱（默认：各套分别抽题）",
    "paper --seal": "每页印密封线和填写姓名的密封区",
    "paper --output": "输出文件夹",
    "paper --sheet": "同时生成供 `mark` 使用的答题卡模板（sheet.xlsx 和 sheet.csv）",
    "paper --force": "删除输出文件夹里另一次生成的试卷、答案和答题卡",
    "validate": "检查内容根目录；每个问题输出一行 file:line: message，有问题时退出码为 1",
    "list": "列出内容",
    "list --json": "以 JSON 输出",
    "stats": "考生的学习进度",
    "import": "把题库表格（xlsx 或 CSV）读成内容根目录",
    "import --output": "要写入的内容根目录（默认：与文件同名）",
    "import --level": LEVEL_HELP + "；没有“级别”列的行使用它",
    "import --template": "生成模板，每种题型一行示例",
    "export": "把题库（或其中一个级别、主题）导出为 Moodle、GIFT、表格或 Anki 格式",
    "export --format": "导出格式",
    "export --output": "要写入的文件（默认：题库.<扩展名>）",
    "claims": "考生对评分的申诉，按要点分组，附答案原文和评分匹配到的内容，供补充关键词和同义词",
    "claims --question": "只看这道题（题目 id）",
    "claims --json": "以 JSON 输出",
    "users": "管理网页版（serve）的账户：批量添加考生或教师、重置密码、列出账户",
    "users add": "按名单批量添加账户，并打印各账户的一次性初始密码",
    "users add --csv": "名单文件（CSV 或 xlsx）：第一行为表头，列为 账号、姓名，可选 角色",
    "users add --role": "名单中没有“角色”列（或该格为空）的账户的角色：candidate（考生，默认）或 instructor（教师）",
    "users reset": "为一个账户生成新的一次性密码（旧密码随即失效）",
    "users reset id": "账号",
    "users list": "列出所有账户（不含密码）",
    "users list --json": "以 JSON 输出",
    "class": "培训老师查看全班的学习情况",
    "class action": "report：输出全班学习情况报告",
    "class --format": "报告格式（默认 html）",
    "class --output": "把报告写到这个文件（默认：标准输出）",
    "serve": "通过浏览器提供训练程序（textual-serve），每个浏览器会话一个进程，先登录",
    "serve --host": "监听的地址（默认 127.0.0.1，只有本机可以连接）",
    "serve --port": "监听的端口（默认 8000）",
    "serve --public-url": "浏览器访问的地址，放在反向代理之后时使用（如 https://peixun.example.cn）",
    "serve --trusted-proxy": "信任其 X-Forwarded-For 的反向代理地址（可多次给出），用于按浏览器地址限制登录失败",
}
# argparse's usage errors, matched in order on its English text and written in Chinese
ARGPARSE_ERRORS = (
    (r"^argument (?P<arg>\S+): (?P<rest>.*)$", "参数 {arg}：{rest}"),
    (r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.*)\)", "无效的选择：{value}（可选：{choices}）"),
    (r"^the following arguments are required: (?P<args>.*)$", "缺少必需的参数：{args}"),
    (r"^unrecognized arguments: (?P<args>.*)$", "无法识别的参数：{args}"),
    (r"^one of the arguments (?P<args>.*) is required$", "必须给出以下参数之一：{args}"),
    (r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$", "有歧义的选项：{option} 可能是 {matches}"),
    (r"expected one argument", "需要一个值"),
    (r"expected at most one argument", "最多只能有一个值"),
    (r"expected at least one argument", "至少需要一个值"),
    (r"ignored explicit argument (?P<value>.*)", "多余的值 {value}"),
    (r"invalid (?P<type>\w+) value: (?P<value>.*)", "无效的 {type} 值：{value}"),
    (r"not allowed with argument (?P<other>.*)", "不能与参数 {other} 同时使用"),
)
INTERRUPTED = "已中断"
CANNOT_WRITE_OUTPUT = "examprep: 无法写出结果：{reason}"
STDOUT_CLOSED = "标准输出已关闭"

# -- writing and reading files ------------------------------------------------------------------------------
CANNOT_WRITE = "无法写入 {path}：{reason}"
CANNOT_WRITE_TO = "无法写入{path}：{reason}"
STDOUT_NAME = "标准输出"
CANNOT_READ = "无法读取 {path}：{reason}"
STDIN_CLOSED_ANSWER = "标准输入已关闭，无法读取答案；请用 --answer 或 --file 给出答案"
STDIN_CLOSED_ANSWERS = "标准输入已关闭，无法读取答案；请给出答案文件，或用管道输入"
OUTPUT_IS_INPUT = "输出文件 {output} 就是输入文件 {source}；请用 -o 指定另一个文件，以免覆盖输入"
OS_REASONS = {  # by errno name, for the common ones
    "ENOSPC": "磁盘空间不足",
    "EDQUOT": "超出磁盘配额",
    "EACCES": "没有权限",
    "EPERM": "不允许的操作",
    "EROFS": "只读文件系统",
    "ENOENT": "文件或文件夹不存在",
    "EISDIR": "这是一个文件夹",
    "ENOTDIR": "路径中有一段不是文件夹",
    "EIO": "读写出错",
    "EADDRINUSE": "端口已被占用",
    "EADDRNOTAVAIL": "这个地址不属于本机",
}

# -- the trainer and stats ----------------------------------------------------------------------------------
NOT_SAVED_AT_EXIT = "{problem}：程序退出时仍有 {pending} 条记录未能保存。"
STATS_HEADING = "学习统计（进度文件：{path}）"

# -- list columns -------------------------------------------------------------------------------------------
LIST_COLUMNS = {"points": ("id", "级别", "考点", "要点数", "出处"), "questions": ("id", "题型", "分值", "题干"),
                "cases": ("id", "级别", "案例", "小题")}

# -- mark ---------------------------------------------------------------------------------------------------
NOT_MARKED = "{problem}（未阅）"
MARK_TOTALS = "共 {skipped} 行未阅，{marked} 个答案已阅"
SHEET_NEEDS_MANIFEST = "{source} 是答题卡：请用 --paper 给出打印试卷时写的 manifest.json，以便按题号阅卷"
SKIPPED_PER_CANDIDATE = "未阅的行（按考生）：{summary}"
CANDIDATE_LINES = "{who} {count} 行"
SUMMARY_SEPARATOR = "；"

# -- paper --------------------------------------------------------------------------------------------------
WRITING_SHEETS = "写入 .xlsx 答题卡"
STALE_FILES = ("输出文件夹 {out} 里有另一次生成的文件（{names}），与本次的 manifest.json 对不上；"
               "请换一个文件夹，或加 --force 删除这些文件后再生成")
PAPER_SUMMARY = "{title}: {questions} 题, 满分 {score} 分, {variants} 套 (seed {seed})"

# -- export and import --------------------------------------------------------------------------------------
DEFAULT_EXPORT_NAMES = {"moodle-xml": "题库.xml", "gift": "题库.gift.txt", "xlsx": "题库.xlsx", "anki": "题库.apkg"}
NOTHING_TO_EXPORT = "所选范围内没有题目"
CASE_QUESTIONS_LEFT_OUT = "{count} 道案例分析小题未导出：题库表没有案例材料的位置"
NOT_EXPORTED = "{question}: {reason}（未导出）"
EXPORTED = "已导出 {count} 道题到 {path}"
TEMPLATE_WRITTEN = "已写入模板 {path}（{rows} 行示例，每种题型一行；“说明”表解释各列）"
IMPORT_NEEDS_FILE = "请给出要导入的 .xlsx 或 .csv 文件，或用 --template 文件.xlsx 生成模板"
IMPORT_UNKNOWN_LEVEL = "不认识的级别“{level}”（可用：{levels}）"
IMPORT_OUTPUT_NOT_EMPTY = "{out} 已存在且不是空目录；请用 -o 指定一个新目录"
IMPORT_ENCODING = "{source}：编码 {encoding}"
NOTHING_TO_IMPORT = "{source} 中没有可导入的题目"
IMPORTED = "已导入 {total} 道题（{by_type}）到 {out}"
TYPE_COUNT_SEPARATOR = "，"
UNKEYED = "其中 {count} 道简答题的要点没有写关键词，将按要点原文评分；可在答案中加【关键词：甲|乙】"
IMPORTED_PROBLEMS = "导入的题库有 {count} 个问题，请检查"
ROW_NOT_IMPORTED_SUFFIX = "（此行未导入）"
ROWS_NOT_IMPORTED = "{count} 行未导入，其余已写入"

# -- claims -------------------------------------------------------------------------------------------------
NO_CLAIMS = "还没有申诉记录。考生在训练程序里提交默写、简答或案例题后按 c 申诉评分。"
NO_CLAIMS_FOR_QUESTION = "题目 {question} 还没有申诉记录。"
CLAIMS_HEADING = "共 {claims} 条申诉，涉及 {questions} 道题（按要点分组；“现在”是按当前题库重新评分的结果）"
CLAIMS_QUESTION = "{question}  {stem}（{count} 条）"
CLAIMS_QUESTION_GONE = "（这道题已不在题库中）"
CLAIMS_POINT = "  要点 {point_id}：{point}"
CLAIMS_COUNT = {"claim": "申诉得分 {count} 条", "concede": "认为不应得分 {count} 条"}
CLAIMS_SETTLED = "其中 {count} 条现在的评分已与考生一致"
CLAIMS_DIRECTION = {"claim": "申诉得分", "concede": "认为不应得分"}
CLAIMS_ACCOUNT = "  考生 {account}"
CLAIMS_ANSWER_HEAD = "    · {when}  {direction}{who}  评分 {score}/{max} 分，考生认为 {claimed} 分"
CLAIMS_ANSWER_TEXT = "      答案：{answer}"
CLAIMS_EMPTY = "（空）"
CLAIMS_VIEWS = "      评分当时：{then}；现在：{now}"
CLAIMS_EARNED = "已得"
CLAIMS_NOT_EARNED = "未得"
CLAIMS_GONE = "（要点已不在题库中）"

# -- users (accounts) and the database ----------------------------------------------------------------------
BAD_DB_URL = "数据库地址“{url}”无法识别：应为 postgresql://… 或 sqlite:文件路径"
USERS_ACTION_TITLE = "操作"
ROSTER_NO_HEADER = "{source}: 名单是空的：第一行应为表头（账号、姓名，可选 角色）"
ROSTER_MISSING_COLUMN = "{source}: 表头缺少“{column}”列（表头可用：{names}）"
ROSTER_ROW = "{source}:{row}: {problem}"
ROSTER_SHEET_ROW = "{source}:{sheet}:{row}: {problem}"
ROSTER_EMPTY_CELL = "“{column}”为空"
ROSTER_BAD_ROLE = "角色“{role}”无效：应为 考生/candidate 或 教师/instructor"
ROSTER_TAKEN = "账号“{id}”已存在（可用 users reset 重置它的密码）"
ROSTER_REPEATED = "账号“{id}”与第 {first} 行重复"
ROSTER_EMPTY = "{source}: 名单中没有账户"
ROSTER_NOT_ADDED = "名单有 {count} 个问题，没有添加任何账户"
USERS_HEADER = ("账号", "姓名", "角色", "一次性初始密码")
USERS_LIST_HEADER = ("账号", "姓名", "角色", "状态", "创建时间")
ROLE_NAMES = {"candidate": "考生", "instructor": "教师"}
MUST_CHANGE = "待首次登录改密码"
PASSWORD_SET = "已设密码"
USERS_ADDED = ("已在 {where} 添加 {count} 个账户。一次性初始密码只显示这一次：请分别交给本人，"
               "首次登录后须改为自己的密码。")
USERS_RESET = "账户 {id}（{name}）的新一次性密码：{password}\n旧密码已失效；首次登录后须改为自己的密码。"
USERS_NONE = "{where} 中还没有账户；用 examprep users add --csv 名单.csv 添加"
USERS_COUNT = "共 {count} 个账户（{where}）"

# -- serve ----------------------------------------------------------------------------------------------------
SERVE_NEEDS_EXTRA = ("`examprep serve` 需要 serve 扩展（textual-serve）：pip install 'examprep[serve]'"
                     "（源码目录中：pip install '.[serve]'）")
SERVE_BAD_PORT = "端口应在 1 到 65535 之间，不能是 {port}"
SERVE_CANNOT_LISTEN = "无法在 {host}:{port} 上提供服务：{reason}"
SERVE_NOT_LOOPBACK = ("注意：正在 {host} 上提供服务，局域网内的其他电脑可以直接连接；"
                      "培训中心请按 README 放在带 TLS 的反向代理之后")

# -- class report ---------------------------------------------------------------------------------------------
CLASS_REPORT_TITLE = "全班学习情况"
CLASS_REPORT_WRITTEN = "已写入全班学习情况报告 {path}"
