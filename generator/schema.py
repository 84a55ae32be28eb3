"""JSON Schemas of the content model: the public contract supervisors write against.

One schema per kind of file. `huifang schema` exports them so editors can autocomplete;
`huifang check` validates every file against them.
"""

from __future__ import annotations

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_URI = "https://huifang.invalid/schemas/"

ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "maxLength": 64,
      "description": "稳定标识：小写字母、数字和连字符，如 zhuangxiu-kaigong-7"}
TEXT = {"type": "string", "minLength": 1, "maxLength": 2000}
SHORT = {"type": "string", "minLength": 1, "maxLength": 200}
SOURCE = {"type": "string", "minLength": 1, "maxLength": 300,
          "description": "出处：种子文档名和章节，如「客服员电话回访管理流程及规范 6.1.3」"}
SEVERITY = {"enum": ["error", "warning", "info"]}
TEXT_LIST = {"type": "array", "items": TEXT}
ID_LIST = {"type": "array", "items": ID, "uniqueItems": True}
TIME = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}
ANSWER_TYPES = ["yes_no", "satisfaction", "score", "choice", "open"]


def obj(properties: dict, required: tuple = (), **extra) -> dict:
    return {"type": "object", "properties": properties, "required": list(required),
            "additionalProperties": False, **extra}


ANSWER = {
    "description": "回答类型：yes_no 是/否；satisfaction 满意/一般/不满意；score 1–10 分；choice 选项；open 开放",
    "oneOf": [
        {"enum": ANSWER_TYPES},
        obj({
            "type": {"enum": ANSWER_TYPES},
            "options": {"type": "array", "items": SHORT, "minItems": 2, "uniqueItems": True},
            "min": {"type": "integer", "minimum": 0, "maximum": 100},
            "max": {"type": "integer", "minimum": 1, "maximum": 100},
        }, ("type",)),
    ],
}

FOLLOW_UP = obj({
    "when": {"type": "array", "items": SHORT, "minItems": 1,
             "description": "触发跟进的回答，如 [不满意, 一般] 或 [否]"},
    "ask": TEXT,
    "action": TEXT,
    "form": ID,
}, ("when",), description="回答为负面时的跟进：追问原因、填写客户投诉单等")

QUESTION_FIELDS = {
    "id": ID,
    "text": TEXT,
    "answer": ANSWER,
    "follow_up": FOLLOW_UP,
    "tags": {"type": "array", "items": SHORT},
    "source": SOURCE,
}
QUESTION = obj(QUESTION_FIELDS, ("id", "text", "answer"))
INLINE_QUESTION = obj({k: v for k, v in QUESTION_FIELDS.items() if k != "id"}, ("text",))

TURN = {
    "description": "一句话：字符串即坐席说的话；或 {say}、{customer}、{note}、{ask}",
    "oneOf": [
        TEXT,
        obj({"say": TEXT}, ("say",)),
        obj({"customer": TEXT}, ("customer",)),
        obj({"note": TEXT}, ("note",), description="给坐席的动作提示，如「记下时间」，不念出来"),
        obj({"ask": {"oneOf": [ID, INLINE_QUESTION]}}, ("ask",)),
    ],
}
TURNS = {"type": "array", "items": {"$ref": "#/$defs/turn"}, "minItems": 1}

CONVENIENCE = obj({
    "ask": TEXT,
    "yes": {**TURNS, "description": "方便：继续"},
    "no": {**TURNS, "description": "不方便：约时间、记下、礼貌结束"},
}, ("ask", "yes", "no"), description="确认是否方便通话，两个分支")

STEP = {
    "description": "步骤：一句话，或分支 {branch: {question, cases}}，或提前结束 {close: [...]}",
    "oneOf": [
        {"$ref": "#/$defs/turn"},
        obj({"branch": obj({
            "question": ID,
            "cases": {"type": "object", "minProperties": 2,
                      "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/step"}}},
        }, ("cases",))}, ("branch",)),
        obj({"close": TURNS}, ("close",)),
    ],
}
CLOSINGS = {"type": "object", "minProperties": 1, "additionalProperties": TURNS,
            "description": "结束语变体，键为情形：满意、一般或不满意……每个变体都必须礼貌结束"}

TURN_DEFS = {"turn": TURN, "step": STEP}

ORG = obj({
    "id": ID,
    "name": SHORT,
    "short_name": SHORT,
    "department": SHORT,
    "hotline": SHORT,
    "agent_title": SHORT,
    "industry": SHORT,
    "call_windows": {"type": "array", "items": obj({
        "start": TIME, "end": TIME, "season": SHORT, "note": SHORT}, ("start", "end"))},
    "no_call": TEXT_LIST,
    "max_call_minutes": obj({"min": {"type": "number", "minimum": 0},
                             "max": {"type": "number", "exclusiveMinimum": 0}}, ("max",)),
    "speech_rate": {"type": "integer", "minimum": 60, "maximum": 600,
                    "description": "语速（字/分钟），用于估计通话时长，默认 240"},
    "languages": {"type": "array", "items": SHORT, "minItems": 1},
    "placeholders": {"type": "object", "additionalProperties": SHORT,
                     "description": "额外占位符的值，如 {产品: 安全管理软件}"},
    "agent_placeholders": {"type": "array", "items": {"type": "string", "pattern": "^[^{}\\s]{1,20}$"},
                           "uniqueItems": True,
                           "description": "由坐席在通话时填写的额外占位符名称，如 [银行, 被保险人]"},
    "opening": TURNS,
    "convenience": CONVENIENCE,
    "closings": CLOSINGS,
    "holiday_closing": TEXT,
    "source": SOURCE,
}, ("id", "name"), **{"$defs": TURN_DEFS})

ETIQUETTE = obj({
    "groups": {"type": "array", "minItems": 1, "items": obj({
        "id": ID,
        "title": SHORT,
        "intro": TEXT,
        "rules": {"type": "array", "minItems": 1, "items": obj({
            "id": ID, "text": TEXT, "why": TEXT, "source": SOURCE}, ("id", "text"))},
    }, ("id", "title", "rules"))},
}, ("groups",))

FORBIDDEN = obj({
    "phrases": {"type": "array", "minItems": 1, "items": obj({
        "id": ID,
        "phrase": SHORT,
        "variants": {"type": "array", "items": SHORT, "uniqueItems": True},
        "category": SHORT,
        "severity": SEVERITY,
        "reason": TEXT,
        "instead": TEXT,
        "exceptions": {"type": "array", "items": SHORT,
                       "description": "含此短语也没问题的上下文，如「不可能」在「不可能让您白跑」中"},
        "source": SOURCE,
    }, ("id", "phrase", "reason", "instead"))},
}, ("phrases",))

ELEMENT = obj({
    "id": ID, "name": SHORT, "description": TEXT,
    "patterns": {"type": "array", "items": SHORT, "minItems": 1,
                 "description": "任一匹配即视为具备；* 表示至多 12 个任意字"},
    "severity": SEVERITY,
}, ("id", "name", "patterns"))
STANDARD = obj({
    "title": SHORT,
    "max_turns": {"type": "integer", "minimum": 1, "maximum": 10},
    "elements": {"type": "array", "items": ELEMENT, "minItems": 1},
    "examples": TEXT_LIST,
    "source": SOURCE,
}, ("elements",))
STANDARDS = obj({"greeting": STANDARD, "closing": STANDARD}, ("greeting", "closing"))

QUESTION_BANK = obj({
    "id": ID, "title": SHORT, "industry": SHORT, "description": TEXT, "source": SOURCE,
    "questions": {"type": "array", "items": QUESTION, "minItems": 1},
}, ("id", "title", "questions"))

SCENARIO = obj({
    "id": ID,
    "title": SHORT,
    "industry": SHORT,
    "stages": {"type": "array", "items": SHORT},
    "org": ID,
    "purpose": TEXT,
    "trigger": TEXT,
    "timing": obj({
        "text": TEXT,
        "after": SHORT,
        "min_days": {"type": "number", "minimum": 0},
        "max_days": {"type": "number", "minimum": 0},
        "recurrence": SHORT,
        "exceptions": TEXT_LIST,
    }, ("text",)),
    "target_rate": {"type": "number", "minimum": 0, "maximum": 100, "description": "目标回访率（%）"},
    "rate_note": TEXT,
    "responsible": SHORT,
    "escalation": TEXT_LIST,
    "scripts": ID_LIST,
    "forms": ID_LIST,
    "questions": ID_LIST,
    "notes": TEXT_LIST,
    "source": SOURCE,
}, ("id", "title", "industry", "trigger", "timing", "responsible"))

SCRIPT = obj({
    "id": ID,
    "title": SHORT,
    "org": ID,
    "description": TEXT,
    "opening": TURNS,
    "convenience": {"oneOf": [CONVENIENCE, {"const": False}]},
    "steps": {"type": "array", "items": {"$ref": "#/$defs/step"}, "minItems": 1},
    "questions": {"type": "array", "minItems": 1,
                  "items": {"oneOf": [ID, INLINE_QUESTION]},
                  "description": "只列问题时，开头语、方便确认和结束语由机构标准自动组合"},
    "closings": CLOSINGS,
    "source": SOURCE,
}, ("id", "title"), **{"$defs": TURN_DEFS})

FIELD_TYPES = ["text", "lines", "date", "time", "phone", "checkbox", "choice", "score", "signature", "number"]
FIELD = obj({
    "label": SHORT,
    "type": {"enum": FIELD_TYPES},
    "options": {"type": "array", "items": SHORT, "minItems": 1},
    "lines": {"type": "integer", "minimum": 1, "maximum": 20},
    "width": {"enum": ["full", "half", "third"]},
}, ("label",))
COLUMN = {"oneOf": [SHORT, obj({"label": SHORT, "width": {"type": "number", "minimum": 1, "maximum": 100},
                                "type": {"enum": FIELD_TYPES}, "options": {"type": "array", "items": SHORT}},
                               ("label",))]}
FORM = obj({
    "id": ID,
    "title": SHORT,
    "number": SHORT,
    "version": SHORT,
    "org": ID,
    "orientation": {"enum": ["portrait", "landscape"]},
    "intro": TEXT,
    "copies_note": TEXT,
    "retention": SHORT,
    "sections": {"type": "array", "minItems": 1, "items": obj({
        "title": SHORT,
        "fields": {"type": "array", "items": FIELD, "minItems": 1},
        "table": obj({
            "columns": {"type": "array", "items": COLUMN, "minItems": 1},
            "rows": {"oneOf": [{"type": "integer", "minimum": 1, "maximum": 200},
                               {"type": "array", "items": SHORT, "minItems": 1}]},
        }, ("columns", "rows")),
        "note": TEXT,
    })},
    "notes": TEXT_LIST,
    "contact": {"type": "boolean", "description": "本表记录一次回访：表头加上 records.yaml 的 contact 栏目（客户、联系电话）"},
    "source": SOURCE,
}, ("id", "title", "sections"))

RECORD_FIELD = obj({
    "label": SHORT,
    "type": {"enum": FIELD_TYPES},
    "width": {"enum": ["full", "half", "third"]},
    "same_as": {"type": "array", "items": SHORT,
                "description": "表上已有这些栏目之一时不再重复添加"},
}, ("label",))
RECORDS = obj({
    "version": SHORT,
    "header": {"type": "array", "items": RECORD_FIELD, "description": "每张记录表表头都有的栏目"},
    "contact": {"type": "array", "items": RECORD_FIELD, "description": "记录一次联系的表另加的栏目"},
    "signature_date": {"type": "boolean", "description": "每个签字栏旁加日期"},
    "sheets": {"type": "object", "additionalProperties": obj({
        "number": SHORT,
        "version": SHORT,
        "channels": {"type": "array", "items": {"enum": ["电话", "短信", "微信", "面访", "邮件"]}, "minItems": 1},
    }, ("number",)), "description": "话术记录表的编号和联系方式（按话术 id）"},
    "source": SOURCE,
}, ("header",))

RULE_SETTING = {"oneOf": [SEVERITY, {"const": "off"}, obj({"severity": SEVERITY})]}
PROJECT = obj({
    "default_org": ID,
    "lint": obj({
        "extends": SHORT,
        "rules": {"type": "object", "additionalProperties": RULE_SETTING},
        "ignore": {"type": "array", "items": SHORT},
    }),
    "build": obj({"lint_errors": {"enum": ["fail", "warn"]}}),
    "limits": obj({
        "max_file_bytes": {"type": "integer", "minimum": 1024},
        "max_nodes": {"type": "integer", "minimum": 100},
        "max_depth": {"type": "integer", "minimum": 4},
    }),
})

SCHEMAS: dict[str, dict] = {
    "org": ORG,
    "etiquette": ETIQUETTE,
    "forbidden": FORBIDDEN,
    "standards": STANDARDS,
    "question-bank": QUESTION_BANK,
    "scenario": SCENARIO,
    "script": SCRIPT,
    "form": FORM,
    "records": RECORDS,
    "project": PROJECT,
}

TITLES = {
    "org": "机构档案", "etiquette": "电话礼仪规范", "forbidden": "电话忌语",
    "standards": "开头语与结束语标准", "question-bank": "问题库", "scenario": "回访场景",
    "script": "回访话术", "form": "记录表单", "records": "记录表通用表头", "project": "项目配置 huifang.yaml",
}


def schema_document(kind: str) -> dict:
    """The exported, self-describing JSON Schema of one kind of file."""
    return {"$schema": DIALECT, "$id": f"{BASE_URI}{kind}.schema.json",
            "title": TITLES[kind], **SCHEMAS[kind]}
