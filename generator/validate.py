"""Schema validation of one loaded document, as Chinese `path:line:col` problems.

jsonschema does the checking; this module only decides which of its errors a supervisor should see
(the branch of a `oneOf` they meant) and says it plainly, with a did-you-mean for unknown keys.
"""

from __future__ import annotations

from functools import cache

from huifang import quickschema
from huifang.kinds import SCHEMAS
from huifang.problems import Problem
from huifang.yamlload import Document

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:  # jsonschema is imported only to explain an invalid file (a tenth of a second)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

TYPE_NAMES = {
    "string": "文字",
    "array": "列表",
    "object": "映射（键: 值）",
    "integer": "整数",
    "number": "数字",
    "boolean": "true/false",
    "null": "空值",
}


def type_of(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


@cache
def validator(kind: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(SCHEMAS[kind])


@cache
def fast_check(kind: str):
    """A compiled validator answering only "valid or not"; jsonschema explains the rare invalid file."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - the package is a declared dependency
        return None
    return jsonschema_rs.validator_for(SCHEMAS[kind]).is_valid


def did_you_mean(word: str, choices) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"，是否想写 '{close[0]}'？" if close else ""


def resolve(schema: dict, root: dict) -> dict:
    ref = schema.get("$ref")
    if ref and ref.startswith("#/$defs/"):
        return root["$defs"][ref.split("/")[-1]]
    return schema


def branch_keys(schema: dict, root: dict) -> set[str]:
    keys: set[str] = set()
    for branch in schema.get("oneOf", []):
        branch = resolve(branch, root)
        keys |= set(branch.get("properties", {}))
        keys |= branch_keys(branch, root)
    return keys


def object_branches(schema: dict, root: dict) -> list[dict]:
    return [b for b in (resolve(b, root) for b in schema.get("oneOf", [])) if "properties" in b]


def modifier_key(instance: dict, schema: dict, root: dict) -> str:
    """A key that only qualifies others (never required in a branch that has it), e.g. `kind` of a say line."""
    branches = object_branches(schema, root)
    for key in instance:
        hosts = [b for b in branches if key in b["properties"]]
        if hosts and all(key not in b.get("required", ()) for b in hosts):
            return key
    return ""


def companion_message(instance: dict, schema: dict, root: dict) -> str:
    """`kind` written under `note`: say which keys it goes with instead of "these keys cannot go together"."""
    key = modifier_key(instance, schema, root)
    if not key:
        return ""
    hosts = [b for b in object_branches(schema, root) if key in b["properties"]]
    partners = sorted({r for b in hosts for r in b.get("required", ())})
    if any(p in instance for p in partners):
        return ""
    others = "、".join(k for k in instance if k != key)
    return f"'{key}' 只能写在 {'、'.join(partners)} 下面，不能和 {others} 一起写"


def pick(error: ValidationError, root: dict) -> list[ValidationError]:
    """For a failed oneOf, the errors of the branch the writer evidently meant (or the oneOf itself)."""
    if error.validator != "oneOf" or not error.context:
        return [error]
    branches: dict[int, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0], []).append(sub)
    instance = error.instance
    options = []
    for index, subs in branches.items():
        branch = resolve(error.schema["oneOf"][index], root)
        own = [s for s in subs if not s.relative_path]
        if any(s.validator == "type" for s in own):
            continue
        if not isinstance(instance, (dict, list)) and any(s.validator in ("enum", "const") for s in own):
            continue
        missing = 0
        if isinstance(instance, dict):
            allowed = set(branch.get("properties", {})) | branch_keys(branch, root)
            if not set(instance) <= allowed:
                continue
            missing = sum(1 for s in own if s.validator == "required")
        options.append((missing, len(subs), index, subs))
    if not options:
        return [error]
    best = min(options, key=lambda option: option[:3])
    return [e for sub in best[3] for e in pick(sub, root)]


def describe(error: ValidationError, doc: Document, root: dict) -> list[Problem]:
    path = tuple(error.absolute_path)
    instance = error.instance
    schema = resolve(error.schema, root)

    def at(message: str, where: tuple = path, key: bool = False) -> Problem:
        span = doc.key_span(where) if key else doc.span(where)
        return Problem(doc.display, span.line, span.column, message)

    kind = error.validator
    if kind == "oneOf" and isinstance(instance, dict):
        allowed = branch_keys(schema, root)
        unknown = [k for k in instance if k not in allowed]
        if unknown:
            return [
                at(
                    f"未知的键 '{k}'{did_you_mean(k, allowed)}（可用：{'、'.join(sorted(allowed))}）",
                    path + (k,),
                    key=True,
                )
                for k in unknown
            ]
        modifier = companion_message(instance, schema, root)
        if modifier:
            return [at(modifier, path + (modifier_key(instance, schema, root),), key=True)]
        return [at(f"这些键不能同时出现：{'、'.join(instance)}（只能用其中一种写法）")]
    if kind == "oneOf" and isinstance(instance, str):
        for branch in schema.get("oneOf", []):
            options = [str(o) for o in resolve(branch, root).get("enum", [])]
            if options:
                return [
                    at(
                        f"值 {short(instance)} 不是可选值{did_you_mean(instance, options)}（可选：{'、'.join(options)}）"
                    )
                ]
    if kind == "oneOf":
        wanted = []
        for branch in schema.get("oneOf", []):
            branch = resolve(branch, root)
            t = branch.get("type")
            if t and TYPE_NAMES.get(t) not in wanted:
                wanted.append(TYPE_NAMES.get(t))
            for option in branch.get("enum", []):
                wanted.append(repr(option))
            if "const" in branch:
                wanted.append(str(branch["const"]).lower())
        return [at(f"值 {short(instance)} 的写法不对：应为{'或'.join(w for w in wanted if w)}")]
    if kind == "additionalProperties":
        allowed = set(schema.get("properties", {}))
        if not allowed:
            return [at(f"值 {short(instance)} 不符合要求")]
        return [
            at(
                f"未知的键 '{k}'{did_you_mean(k, allowed)}（可用：{'、'.join(schema['properties'])}）",
                path + (k,),
                key=True,
            )
            for k in instance
            if k not in allowed
        ]
    if kind == "required":
        import difflib

        missing = error.message.split("'")[1] if "'" in error.message else "?"
        misspelt = [
            k
            for k in instance
            if k not in schema.get("properties", {}) and difflib.get_close_matches(k, [missing], n=1, cutoff=0.6)
        ]
        if misspelt:
            return []  # the unknown-key message already says "did you mean"
        where = path if path else ()
        return [at(f"缺少必填的键 '{missing}'", where, key=bool(where))]
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        names = "或".join(TYPE_NAMES.get(t, str(t)) for t in expected)
        hint = ""
        if "string" in expected and isinstance(instance, (int, float)) and not isinstance(instance, bool):
            span = doc.span(path)
            written = doc.text[span.start : span.end] if span.end > span.start else str(instance)
            hint = f'（如要写文字，请把原样的整个值加引号："{written}"）'
        return [at(f"应为{names}，实际是{TYPE_NAMES[type_of(instance)]} {short(instance)}{hint}")]
    if kind == "enum":
        options = [str(o) for o in error.validator_value]
        return [
            at(f"值 {short(instance)} 不是可选值{did_you_mean(str(instance), options)}（可选：{'、'.join(options)}）")
        ]
    if kind == "const":
        return [at(f"值 {short(instance)} 不对：只能是 {str(error.validator_value).lower()}")]
    if kind == "pattern":
        if error.validator_value.startswith("^[a-z0-9]"):
            return [at(f"标识 {short(instance)} 只能包含小写字母、数字和连字符（如 zhuangxiu-kaigong-7）")]
        if ":" in error.validator_value:
            return [at(f'时间 {short(instance)} 应写成 时:分，如 "10:30"')]
        return [at(f"值 {short(instance)} 的格式不对")]
    if kind in ("minLength", "minItems", "minProperties"):
        return [at("不能为空" if error.validator_value == 1 else f"至少需要 {error.validator_value} 项")]
    if kind in ("maxLength", "maxItems"):
        return [at(f"过长：最多 {error.validator_value} {'个字' if kind == 'maxLength' else '项'}")]
    if kind in ("minimum", "exclusiveMinimum"):
        return [
            at(
                f"值 {short(instance)} 太小：应{'大于' if kind.startswith('exclusive') else '不小于'} {error.validator_value}"
            )
        ]
    if kind == "maximum":
        return [at(f"值 {short(instance)} 太大：应不大于 {error.validator_value}")]
    if kind == "uniqueItems":
        return [at("列表中有重复项")]
    return [at(error.message)]


def short(value) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "…'"


def validate_document(doc: Document, kind: str) -> list[Problem]:
    root = SCHEMAS[kind]
    problems: list[Problem] = []
    if not isinstance(doc.data, dict):
        span = doc.span(())
        return [
            Problem(
                doc.display,
                span.line,
                span.column,
                f"文件顶层应为映射（键: 值），实际是{TYPE_NAMES[type_of(doc.data)]}",
            )
        ]
    if quickschema.valid(root, doc.data):  # certainly valid: jsonschema-rs is not even imported
        return []
    is_valid = fast_check(kind)
    if is_valid is not None and is_valid(doc.data):
        return []
    for error in validator(kind).iter_errors(doc.data):
        for chosen in pick(error, root):
            problems.extend(describe(chosen, doc, root))
    return sorted(set(problems))
