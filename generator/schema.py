"""JSON Schemas of the content model: the public contract supervisors write against.

One schema per kind of file. `huifang schema` exports them so editors can autocomplete;
`huifang check` validates every file against them.
"""

from __future__ import annotations

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_URI = "https://huifang.invalid/schemas/"

ID = {
    "type": "string",
    "pattern": "^[a-z0-9][a-z0-9-]*$",
    "maxLength": 64,
    "description": "稳定标识：小写字母、数字和连字符，如 zhuangxiu-kaigong-7",
}
TEXT = {"type": "string", "minLength": 1, "maxLength": 2000}
SHORT = {"type": "string", "minLength": 1, "maxLength": 200}
SOURCE = {
    "type": "string",
    "minLength": 1,
    "maxLength": 300,
    "description": "出处：种子文档名和章节，如「客服员电话回访管理流程及规范 6.1.3」",
}
SEVERITY = {"enum": ["error", "warning", "info"]}
TEXT_LIST = {"type": "array", "items": TEXT}
CALL_KINDS = ["outbound", "inbound", "face", "message"]
CALL_KIND = {
    "enum": CALL_KINDS,
    "description": "联系方式：outbound 去电回访、inbound 来电、face 面对面、message 短信/微信",
}
ID_LIST = {"type": "array", "items": ID, "uniqueItems": True}
TIME = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}
ANSWER_TYPES = ["yes_no", "satisfaction", "score", "choice", "open"]


def obj(properties: dict, required: tuple = (), **extra) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
        **extra,
    }


ANSWER = {
    "description": "回答类型：yes_no 是/否；satisfaction 满意/一般/不满意；score 1–10 分；choice 选项；open 开放",
    "oneOf": [
        {"enum": ANSWER_TYPES},
        obj(
            {
                "type": {"enum": ANSWER_TYPES},
                "options": {"type": "array", "items": SHORT, "minItems": 2, "uniqueItems": True},
                "min": {"type": "integer", "minimum": 0, "maximum": 100},
                "max": {"type": "integer", "minimum": 1, "maximum": 100},
            },
            ("type",),
        ),
    ],
}

FOLLOW_UP = obj(
    {
        "when": {
            "type": "array",
            "items": SHORT,
            "minItems": 1,
            "description": "触发跟进的回答，如 [不满意, 一般] 或 [否]",
        },
        "ask": TEXT,
        "action": TEXT,
        "form": ID,
    },
    ("when",),
    description="回答为负面时的跟进：追问原因、填写客户投诉单等",
)

QUESTION_FIELDS = {
    "id": ID,
    "text": TEXT,
    "answer": ANSWER,
    "follow_up": FOLLOW_UP,
    "tags": {"type": "array", "items": SHORT},
    "paraphrases": {"type": "array", "items": TEXT, "description": "质检时也算问过的其他说法（坐席常用的换一种说法）"},
    "compliance": {"type": "boolean", "description": "合规告知：质检时必须基本照原话念读，漏读为致命项"},
    "source": SOURCE,
}
QUESTION = obj(QUESTION_FIELDS, ("id", "text", "answer"))
INLINE_QUESTION = obj({k: v for k, v in QUESTION_FIELDS.items() if k != "id"}, ("text",))

SPEECH = {
    "enum": ["原话", "要点"],
    "description": "坐席这句怎么说：原话 = 照着说的原话（规范原文里写成坐席说的话或加了引号）；"
    "要点 = 只是话题，坐席用自己的话说到（如「质量评价」「询问客户已完成项目的情况」）。"
    "不写时由程序按措辞猜测，猜测的句子列在手册的「维护者 › 原话还是要点」页",
}

TURN = {
    "description": "一句话：字符串即坐席说的话；或 {say}、{customer}、{note}、{ask}；say 和 ask 可加 kind: 原话 或 要点",
    "oneOf": [
        TEXT,
        obj({"say": TEXT, "kind": SPEECH}, ("say",)),
        obj({"customer": TEXT}, ("customer",)),
        obj({"note": TEXT}, ("note",), description="给坐席的动作提示，如「记下时间」，不念出来"),
        obj({"ask": {"oneOf": [ID, INLINE_QUESTION]}, "kind": SPEECH}, ("ask",)),
    ],
}
TURNS = {"type": "array", "items": {"$ref": "#/$defs/turn"}, "minItems": 1}

CONVENIENCE = obj(
    {
        "ask": TEXT,
        "kind": {**SPEECH, "description": "确认是否方便的那句话怎么说：原话 或 要点（不写时由程序猜测）"},
        "yes": {**TURNS, "description": "方便：继续"},
        "no": {**TURNS, "description": "不方便：约时间、记下、礼貌结束"},
    },
    ("ask", "yes", "no"),
    description="确认是否方便通话，两个分支",
)

STEP = {
    "description": "步骤：一句话，或分支 {branch: {question, cases}}，或提前结束 {close: [...]}",
    "oneOf": [
        {"$ref": "#/$defs/turn"},
        obj(
            {
                "branch": obj(
                    {
                        "question": ID,
                        "cases": {
                            "type": "object",
                            "minProperties": 2,
                            "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/step"}},
                        },
                    },
                    ("cases",),
                )
            },
            ("branch",),
        ),
        obj({"close": TURNS}, ("close",)),
    ],
}
CLOSINGS = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": TURNS,
    "description": "结束语变体，键为情形：满意、一般或不满意……每个变体都必须礼貌结束",
}

TURN_DEFS = {"turn": TURN, "step": STEP}

ORG = obj(
    {
        "id": ID,
        "name": SHORT,
        "short_name": SHORT,
        "department": SHORT,
        "hotline": SHORT,
        "agent_title": SHORT,
        "industry": SHORT,
        "kind": CALL_KIND,
        "call_windows": {
            "type": "array",
            "items": obj({"start": TIME, "end": TIME, "season": SHORT, "note": SHORT}, ("start", "end")),
        },
        "no_call": TEXT_LIST,
        "max_call_minutes": obj(
            {"min": {"type": "number", "minimum": 0}, "max": {"type": "number", "exclusiveMinimum": 0}}, ("max",)
        ),
        "speech_rate": {
            "type": "integer",
            "minimum": 60,
            "maximum": 600,
            "description": "语速（字/分钟），用于估计通话时长，默认 240",
        },
        "languages": {"type": "array", "items": SHORT, "minItems": 1},
        "placeholders": {
            "type": "object",
            "additionalProperties": SHORT,
            "description": "额外占位符的值，如 {产品: 安全管理软件}",
        },
        "agent_placeholders": {
            "type": "array",
            "items": {"type": "string", "pattern": "^[^{}\\s]{1,20}$"},
            "uniqueItems": True,
            "description": "由坐席在通话时填写的额外占位符名称，如 [银行, 被保险人]",
        },
        "opening": TURNS,
        "convenience": CONVENIENCE,
        "closings": CLOSINGS,
        "holiday_closing": TEXT,
        "source": SOURCE,
    },
    ("id", "name"),
    **{"$defs": TURN_DEFS},
)

ETIQUETTE = obj(
    {
        "groups": {
            "type": "array",
            "minItems": 1,
            "items": obj(
                {
                    "id": ID,
                    "title": SHORT,
                    "intro": TEXT,
                    "rules": {
                        "type": "array",
                        "minItems": 1,
                        "items": obj({"id": ID, "text": TEXT, "why": TEXT, "source": SOURCE}, ("id", "text")),
                    },
                },
                ("id", "title", "rules"),
            ),
        },
    },
    ("groups",),
)

FORBIDDEN = obj(
    {
        "phrases": {
            "type": "array",
            "minItems": 1,
            "items": obj(
                {
                    "id": ID,
                    "phrase": SHORT,
                    "variants": {"type": "array", "items": SHORT, "uniqueItems": True},
                    "category": SHORT,
                    "situation": {
                        **SHORT,
                        "description": "忌语速查按它分组：说这句话时的情形，如 找的人不在、推诿、否认、顶撞、承诺收益",
                    },
                    "severity": SEVERITY,
                    "reason": TEXT,
                    "instead": TEXT,
                    "exceptions": {
                        "type": "array",
                        "items": SHORT,
                        "description": "含此短语也没问题的上下文，如「不可能」在「不可能让您白跑」中",
                    },
                    "alone": {
                        "type": "array",
                        "items": SHORT,
                        "uniqueItems": True,
                        "description": "只在单独成句时才算的说法：这句话前后都是句子的边界（可带语气词），如「不知道。」；"
                        "「不知道您现在方便吗」不算",
                    },
                    "inserted": {
                        "type": "array",
                        "items": SHORT,
                        "uniqueItems": True,
                        "description": "口语里插在“我”“我们”后面的词：以“我”“我们”开头的说法，“我”“我们”后面插了其中一个词、或按列出的先后插了两个词也算，"
                        "如 [这边, 还真]：「我不太清楚」也找「我这边还真不太清楚」",
                    },
                    "any_order": {
                        "type": "array",
                        "minItems": 2,
                        "items": {"type": "array", "items": SHORT, "minItems": 1},
                        "description": "换了语序或插了字也算：每组写几个可互换的词，同一分句里每组都出现即算说了这句忌语，"
                        "如 [[这种事, 这种情况], [从没, 从来没]]",
                    },
                    "source": SOURCE,
                },
                ("id", "phrase", "reason", "instead"),
            ),
        },
    },
    ("phrases",),
)

ELEMENT = obj(
    {
        "id": ID,
        "name": SHORT,
        "description": TEXT,
        "patterns": {
            "type": "array",
            "items": SHORT,
            "minItems": 1,
            "description": "任一匹配即视为具备；* 表示至多 12 个任意字，(甲|乙) 表示其中之一，{名} 表示姓名或 XX 之类的占位",
        },
        "exclude": {
            "type": "array",
            "items": SHORT,
            "description": "与模式重叠时不算具备的说法，如「方便」在「给您带来不便」中",
        },
        "examples": {
            "type": "array",
            "items": SHORT,
            "minItems": 1,
            "description": "这个要素的常见说法（提示中只显示这些，不显示模式）",
        },
        "severity": SEVERITY,
        "slot": {
            "enum": ["organisation", "agent"],
            "description": "也按自我介绍里说出的内容认：“这边是／我是／您好，…”后面是机构名录里的单位名（organisation），"
            "或是工号、坐席号（agent）",
        },
        "names": {
            "type": "array",
            "items": SHORT,
            "description": "本单位的名称、简称或品牌：在自我介绍里说出即算报了单位，补充内置的机构名录",
        },
    },
    ("id", "name", "patterns"),
)
STANDARD = obj(
    {
        "title": SHORT,
        "max_turns": {"type": "integer", "minimum": 1, "maximum": 10},
        "elements": {"type": "array", "items": ELEMENT, "minItems": 1},
        "examples": TEXT_LIST,
        "kinds": {
            "type": "object",
            "propertyNames": CALL_KIND,
            "additionalProperties": obj(
                {
                    "elements": {"type": "array", "items": ID},
                    "examples": TEXT_LIST,
                    "source": SOURCE,
                },
                ("elements",),
            ),
        },
        "source": SOURCE,
    },
    ("elements",),
)
STANDARDS = obj({"greeting": STANDARD, "closing": STANDARD}, ("greeting", "closing"))

QUESTION_BANK = obj(
    {
        "id": ID,
        "title": SHORT,
        "industry": SHORT,
        "description": TEXT,
        "source": SOURCE,
        "questions": {"type": "array", "items": QUESTION, "minItems": 1},
    },
    ("id", "title", "questions"),
)

UNITS = ["day", "week", "month", "quarter", "year"]
EVERY = obj(
    {
        "n": {"type": "integer", "minimum": 1, "maximum": 1000},
        "unit": {"enum": UNITS, "description": "day 天、week 周、month 月、quarter 季度、year 年"},
        "times": {"type": "integer", "minimum": 1, "maximum": 365, "description": "每个周期内回访几次，默认 1"},
    },
    ("n", "unit"),
    description="周期：每 n 个单位一次",
)
WINDOW_FIELDS = {
    "min_days": {"type": "number", "minimum": 0, "description": "触发事件后最早第几天（0 = 当天）"},
    "max_days": {"type": "number", "minimum": 0, "description": "触发事件后最晚第几天"},
    "every": EVERY,
}
# The structured timing the planner reads; `text` keeps the seed's sentence.
TIMING_MODEL = {
    "days": {"enum": ["calendar", "working"], "description": "min_days/max_days 按自然日（默认）还是工作日计算"},
    "every": EVERY,
    "until": {**SHORT, "description": "周期回访到什么事件为止，如「客户来访」"},
    "overrides": {
        "type": "array",
        "minItems": 1,
        "items": obj(
            {
                "region": {"type": "array", "items": SHORT, "minItems": 1, "uniqueItems": True},
                "customer_class": {"type": "array", "items": SHORT, "minItems": 1, "uniqueItems": True},
                **WINDOW_FIELDS,
                "text": TEXT,
            },
            ("text",),
            **{"if": {"not": {"required": ["region"]}}, "then": {"required": ["customer_class"]}},
        ),
        "description": "按区域或客户类别的例外，如肇庆、中山、江门一年一次",
    },
    "before": obj(
        {
            "event": SHORT,
            "days": {"type": "number", "minimum": 0, "description": "截止事件前多少天内；原文未给出时不写"},
        },
        ("event",),
        description="在某事件之前回访，如证书到期前；截止日期来自事件表的「截止日期」列",
    ),
    "within": obj(
        {
            "period": SHORT,
            "days": {"type": "number", "minimum": 1, "description": "期限天数；原文未给出时不写"},
        },
        ("period",),
        description="在某期限内回访，如犹豫期内",
    ),
    "on": {
        "type": "array",
        "items": SHORT,
        "minItems": 1,
        "uniqueItems": True,
        "description": "在这些日子回访：节日名称（元旦、春节、元宵节、清明节、五一节、端午节、中秋、国庆）或「客户生日」",
    },
    "call_windows": {
        "type": "array",
        "minItems": 1,
        "items": obj({"start": TIME, "end": TIME, "season": SHORT, "note": SHORT}, ("start", "end")),
        "description": "本场景的回访时段（代替机构的回访时段）",
    },
    "max_attempts": {"type": "integer", "minimum": 1, "maximum": 20, "description": "最多拨打次数"},
    "unknown": {"type": "boolean", "description": "原文没有给出回访时限：planner 会报告，不会猜"},
    "reason": {**TEXT, "description": "为什么没有时限（unknown: true 时必填）"},
}

SCENARIO = obj(
    {
        "id": ID,
        "title": SHORT,
        "industry": SHORT,
        "stages": {"type": "array", "items": SHORT},
        "org": ID,
        "kind": {
            **CALL_KIND,
            "description": "联系方式（outbound、inbound、face、message）：本场景没有话术时，手册给的通用话术按它选开头语与结束语；不写时取机构的，再默认 outbound",
        },
        "purpose": TEXT,
        "trigger": TEXT,
        "timing": obj(
            {
                "text": TEXT,
                "after": SHORT,
                "min_days": {"type": "number", "minimum": 0},
                "max_days": {"type": "number", "minimum": 0},
                "recurrence": SHORT,
                "exceptions": TEXT_LIST,
                **TIMING_MODEL,
            },
            ("text",),
            **{
                "if": {"required": ["unknown"], "properties": {"unknown": {"const": True}}},
                "then": {"required": ["reason"]},
            },
        ),
        "target_rate": {"type": "number", "minimum": 0, "maximum": 100, "description": "目标回访率（%）"},
        "rate_note": TEXT,
        "responsible": SHORT,
        "escalation": TEXT_LIST,
        "scripts": ID_LIST,
        "forms": ID_LIST,
        "questions": ID_LIST,
        "notes": TEXT_LIST,
        "source": SOURCE,
    },
    ("id", "title", "industry", "trigger", "timing", "responsible"),
)

SCRIPT = obj(
    {
        "id": ID,
        "title": SHORT,
        "org": ID,
        "kind": CALL_KIND,
        "description": TEXT,
        "opening": TURNS,
        "convenience": {"oneOf": [CONVENIENCE, {"const": False}]},
        "steps": {"type": "array", "items": {"$ref": "#/$defs/step"}, "minItems": 1},
        "questions": {
            "type": "array",
            "minItems": 1,
            "items": {
                "oneOf": [ID, INLINE_QUESTION, obj({"ask": {"oneOf": [ID, INLINE_QUESTION]}, "kind": SPEECH}, ("ask",))]
            },
            "description": "只列问题时，开头语、方便确认和结束语由机构标准自动组合；"
            "写成 {ask: 问题标识, kind: 要点} 可说明这个问题是原话还是要点",
        },
        "closings": CLOSINGS,
        "source": SOURCE,
    },
    ("id", "title"),
    **{"$defs": TURN_DEFS},
)

FIELD_TYPES = ["text", "lines", "date", "time", "phone", "checkbox", "choice", "score", "signature", "number"]
FIELD = obj(
    {
        "label": SHORT,
        "type": {"enum": FIELD_TYPES},
        "options": {"type": "array", "items": SHORT, "minItems": 1},
        "lines": {"type": "integer", "minimum": 1, "maximum": 20},
        "width": {"enum": ["full", "half", "third"]},
    },
    ("label",),
)
COLUMN = {
    "oneOf": [
        SHORT,
        obj(
            {
                "label": SHORT,
                "width": {"type": "number", "minimum": 1, "maximum": 100},
                "type": {"enum": FIELD_TYPES},
                "options": {"type": "array", "items": SHORT},
            },
            ("label",),
        ),
    ]
}
FORM = obj(
    {
        "id": ID,
        "title": SHORT,
        "number": SHORT,
        "version": SHORT,
        "org": ID,
        "orientation": {"enum": ["portrait", "landscape"]},
        "intro": TEXT,
        "copies_note": TEXT,
        "retention": SHORT,
        "sections": {
            "type": "array",
            "minItems": 1,
            "items": obj(
                {
                    "title": SHORT,
                    "fields": {"type": "array", "items": FIELD, "minItems": 1},
                    "table": obj(
                        {
                            "columns": {"type": "array", "items": COLUMN, "minItems": 1},
                            "rows": {
                                "oneOf": [
                                    {"type": "integer", "minimum": 1, "maximum": 200},
                                    {"type": "array", "items": SHORT, "minItems": 1},
                                ]
                            },
                        },
                        ("columns", "rows"),
                    ),
                    "note": TEXT,
                }
            ),
        },
        "notes": TEXT_LIST,
        "contact": {
            "type": "boolean",
            "description": "本表记录一次回访：表头加上 records.yaml 的 contact 栏目（客户、联系电话）",
        },
        "source": SOURCE,
    },
    ("id", "title", "sections"),
)

# The standard columns of an events table (huifang.plan.events.HEADERS, whose other names a CRM export may use;
# tests/plan checks the two agree): what plan.columns maps a team's own column names to.
EVENT_COLUMNS = ("客户", "电话", "场景", "日期", "坐席", "机构", "区域", "客户类别", "截止日期", "生日", "编号")

PLAN = obj(
    {
        "capacity": {"type": "integer", "minimum": 1, "maximum": 10000, "description": "每位坐席每天最多回访数"},
        "agents": {
            "type": "object",
            "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 10000},
            "description": "个别坐席的每天回访数，如 {张三: 30}",
        },
        "call_windows": {
            "type": "array",
            "minItems": 1,
            "items": obj({"start": TIME, "end": TIME}, ("start", "end")),
            "description": "机构没有规定回访时段时使用的时段",
        },
        "seasons": {
            "type": "object",
            "additionalProperties": obj(
                {
                    "from": {"type": "string", "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"},
                    "to": {"type": "string", "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"},
                },
                ("from", "to"),
            ),
            "description": "季节的起止（月-日），如 {夏季: {from: 05-01, to: 09-30}}",
        },
        "columns": {
            "type": "object",
            "additionalProperties": {"enum": list(EVENT_COLUMNS)},
            "description": "事件表列名映射：{表中的列名: 标准列名}，如 {联系号码: 电话}；标准列名是 "
            + "、".join(EVENT_COLUMNS),
        },
        "targets": {
            "type": "object",
            "additionalProperties": {"type": "number", "minimum": 0, "maximum": 100},
            "description": "规范未给出目标回访率的场景，本团队的目标（%）",
        },
        "max_attempts": {
            "type": "integer",
            "minimum": 1,
            "maximum": 20,
            "description": "未接通的回访最多拨打几次（场景的 timing.max_attempts 优先）；不写则未接通不再安排",
        },
    }
)
QA_RULES = [
    "forbidden-phrase",
    "personal-data",
    "missing-greeting",
    "greeting-not-first",
    "missing-closing",
    "question-not-asked",
    "long-silence",
    "interruption",
    "speech-too-fast",
    "call-too-long",
]
QA_FORM = obj(
    {
        "id": ID,
        "title": SHORT,
        "version": {"type": ["string", "number"]},
        "org": ID,
        "intro": TEXT,
        "pass_mark": {"type": "number", "minimum": 0, "maximum": 100, "description": "合格分数线（满分 100）"},
        "limits": obj(
            {
                "long_silence_s": {"type": "number", "exclusiveMinimum": 0, "description": "静音超过多少秒算冷场"},
                "max_chars_per_min": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "description": "坐席语速上限（字/分钟）",
                },
            }
        ),
        "items": {
            "type": "array",
            "minItems": 1,
            "items": obj(
                {
                    "id": ID,
                    "name": SHORT,
                    "weight": {"type": "number", "exclusiveMinimum": 0, "maximum": 100, "description": "分值"},
                    "rules": {
                        "type": "array",
                        "items": {"enum": QA_RULES},
                        "minItems": 1,
                        "uniqueItems": True,
                        "description": "计入本项的质检发现",
                    },
                    "compliance_only": {"type": "boolean", "description": "只计合规告知问题的漏问"},
                    "deduct": {"type": "number", "exclusiveMinimum": 0, "description": "每条发现扣的分，默认扣完本项"},
                    "critical": {"type": "boolean", "description": "致命项：有一条发现，整通电话不合格"},
                    "na_when": {
                        "type": "array",
                        "uniqueItems": True,
                        "items": {"enum": ["no-times", "not-convenient", "no-questions", "no-compliance"]},
                        "description": "不适用的情形：no-times 无时间戳；not-convenient 客户不方便；no-questions 无应问问题；"
                        "no-compliance 无应念读的合规告知",
                    },
                    "description": TEXT,
                    "source": SOURCE,
                },
                ("id", "name", "weight", "rules"),
            ),
        },
        "notes": TEXT_LIST,
        "source": SOURCE,
    },
    ("id", "title", "pass_mark", "items"),
)
RECORD_FIELD = obj(
    {
        "label": SHORT,
        "type": {"enum": FIELD_TYPES},
        "width": {"enum": ["full", "half", "third"]},
        "same_as": {"type": "array", "items": SHORT, "description": "表上已有这些栏目之一时不再重复添加"},
    },
    ("label",),
)
RECORDS = obj(
    {
        "version": SHORT,
        "header": {"type": "array", "items": RECORD_FIELD, "description": "每张记录表表头都有的栏目"},
        "contact": {"type": "array", "items": RECORD_FIELD, "description": "记录一次联系的表另加的栏目"},
        "signature_date": {"type": "boolean", "description": "每个签字栏旁加日期"},
        "sheets": {
            "type": "object",
            "additionalProperties": obj(
                {
                    "number": SHORT,
                    "version": SHORT,
                    "channels": {
                        "type": "array",
                        "items": {"enum": ["电话", "短信", "微信", "面访", "邮件"]},
                        "minItems": 1,
                    },
                },
                ("number",),
            ),
            "description": "话术记录表的编号和联系方式（按话术 id）",
        },
        "source": SOURCE,
    },
    ("header",),
)

RULE_SETTING = {"oneOf": [SEVERITY, {"const": "off"}, obj({"severity": SEVERITY})]}
PROJECT = obj(
    {
        "default_org": ID,
        "lint": obj(
            {
                "extends": {
                    "oneOf": [SHORT, {"type": "array", "items": SHORT, "minItems": 1, "uniqueItems": True}],
                    "description": "预设（default、strict）和扩展包（如 service-taboos，公开发布的服务忌语）",
                },
                "rules": {"type": "object", "additionalProperties": RULE_SETTING},
                "ignore": {
                    "type": "array",
                    "items": SHORT,
                    "description": "不检查的文件，写法同 .gitignore（相对项目根目录）：scripts_src/草稿/、!scripts_src/草稿/保留.yaml",
                },
                "speakers": obj(
                    {
                        "agent": {"type": "array", "items": SHORT, "description": "坐席一方的说话人标签，如 引导员"},
                        "customer": {"type": "array", "items": SHORT, "description": "客户一方的说话人标签，如 来访人"},
                    }
                ),
            }
        ),
        "build": obj({"lint_errors": {"enum": ["fail", "warn"]}}),
        "limits": obj(
            {
                "max_file_bytes": {"type": "integer", "minimum": 1024},
                "max_nodes": {"type": "integer", "minimum": 100},
                "max_depth": {"type": "integer", "minimum": 4},
            }
        ),
        "plan": PLAN,
    }
)
