"""The messages of reading answer lines and manifests, marking and printing papers, in one place.

Each is a `str.format` template; a problem with a line prints as `file:line: message`.
"""

from __future__ import annotations

# -- answer lines (JSON Lines) -------------------------------------------------------------------------------
LINE_NOT_OBJECT = "每一行必须是一个 JSON 对象，例如 {\"candidate\": …, \"question\": …, \"answer\": …}"
LINE_MISSING = "缺少 {fields}"
FIELD_SEPARATOR = "、"
CANDIDATE_NOT_NAME = "'candidate' 必须是姓名或编号"
QUESTION_NOT_ID = "'question' 必须是题目 id 或题号"
PAPER_NOT_LETTER = "'paper' 必须是一个字母，例如 \"A\""
NOT_JSON_LINE = "不是 JSON（{reason}）"
# the JSON reader's words; others are shown as it gives them
JSON_REASONS = {
    "Expecting value": "缺少值",
    "Expecting property name enclosed in double quotes": "缺少用双引号括起的字段名",
    "Expecting ':' delimiter": "缺少 ':'",
    "Expecting ',' delimiter": "缺少 ','",
    "Unterminated string starting at": "字符串缺少结尾的双引号",
    "Extra data": "JSON 之后还有多余的内容",
    "Invalid control character at": "字符串中有控制字符",
    "Invalid \\escape": "无效的转义（\\ 后面的字符）",
}
UNKNOWN_QUESTION = "未知的题目 '{question}'{hint}"
ANSWERED_TWICE = "{candidate} 已在第 {first} 行回答过 {question}"

# -- manifests ----------------------------------------------------------------------------------------------
MANIFEST_UNREADABLE = "无法读取试卷清单：{reason}"
MANIFEST_NOT_UTF8 = "试卷清单不是 UTF-8 文本"
MANIFEST_NOT_JSON = "不是 JSON：{reason}"
NOT_A_MANIFEST = "不是试卷清单（请用 `examprep paper` 生成）"
MANIFEST_FORMAT_UNKNOWN = "本版本不认识试卷清单格式 {format}"
BAD_VARIANT_NAME = "试卷名 '{name}' 不合规"
MANIFEST_DAMAGED = "试卷清单已损坏（{error}）；请重新生成试卷"
MANIFEST_QUESTIONS_MISSING = ("试卷清单中有 {count} 道题在题库里不存在（{listed}{more}）；"
                              "请用打印试卷时的 --content 阅卷")
BAD_VARIANT = "试卷套别是 A–Z 中的一个大写字母，不能是 '{variant}'"

# -- PDF output ---------------------------------------------------------------------------------------------
INSTALL_WEASYPRINT = ("pip install 'examprep[pdf]'（WeasyPrint；它还需要 Pango："
                      "apt-get install libpango-1.0-0 libpangoft2-1.0-0）")
INSTALL_FONT = "apt-get install fonts-noto-cjk（Debian/Ubuntu；任何覆盖简体中文的字体都可以）"
NO_WEASYPRINT = "输出 PDF 需要 WeasyPrint，但它没有安装：{install}"
WEASYPRINT_BROKEN = "WeasyPrint 无法加载它的系统库（{error}）：{install}"
NO_CHINESE_FONT = "输出 PDF 需要一种覆盖简体中文的字体，但 fontconfig（fc-list）一种也没找到：{install}"
