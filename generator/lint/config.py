"""Which rules run and how severe their findings are: presets that extend each other, then the project.

huifang.yaml:  lint: {extends: default|strict or [preset, pack…], rules: {rule-id: error|warning|info|off},
                     ignore: [pattern…], speakers: {agent: [label…], customer: [label…]}}
`ignore` patterns are .gitignore lines (pathspec), matched against paths relative to the project root:
`scripts_src/草稿/`, `**/*-旧版.txt`, `!scripts_src/草稿/保留.yaml`.
A rule not named anywhere keeps the severity its content gives (a phrase's or an element's own
severity), else the rule's default.
"""

from __future__ import annotations

from huifang.problems import SEVERITIES

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms of a one-file lint)
if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

PRESETS: dict[str, dict] = {
    "default": {"extends": None, "rules": {}},
    # Everything that can go wrong is an error; info findings become warnings.
    "strict": {
        "extends": "default",
        "rules": {
            "forbidden-phrase": "error",
            "missing-greeting": "error",
            "missing-closing": "error",
            "greeting-not-first": "error",
            "unknown-placeholder": "error",
            "unfilled-placeholder": "error",
            "call-too-long": "error",
            "personal-data": "error",
            "duplicate-question": "error",
        },
    },
}


class ConfigError(Exception):
    """Bad lint configuration: one line, exit 2."""


class LintConfig:
    def __init__(
        self,
        extends: str | list | None = "default",
        rules: dict | None = None,
        ignore: list | None = None,
        known: dict | None = None,
        speakers: dict | None = None,
    ):
        from huifang.lint.rules import RULES

        known = known if known is not None else {r.ID: r for r in RULES}
        from huifang.lint import packs

        available = packs.names()
        wanted = [extends] if isinstance(extends, str) or extends is None else list(extends)
        presets = [w for w in wanted if w in PRESETS or w not in available]
        self.packs = [w for w in wanted if w not in PRESETS and w in available]
        chain: list = []
        name = presets[0] if presets else "default"
        for other in presets[1:]:
            raise ConfigError(
                f"huifang.yaml: lint.extends 只能有一个预设（{', '.join(PRESETS)}），"
                f"其余应为扩展包（{', '.join(available)}）：'{other}'"
            )
        while name:
            if name not in PRESETS:
                raise ConfigError(
                    f"huifang.yaml: lint.extends '{name}' 不存在，可选：{', '.join([*PRESETS, *available])}"
                )
            if name in chain:
                raise ConfigError(f"huifang.yaml: lint.extends 循环引用：{' → '.join(chain + [name])}")
            chain.append(name)
            name = PRESETS[name]["extends"]
        self.explicit: dict[str, str] = {}
        for preset in reversed(chain):
            self.explicit.update(PRESETS[preset]["rules"])
        for rule, value in (rules or {}).items():
            if rule not in known:
                from huifang.validate import did_you_mean

                raise ConfigError(f"huifang.yaml: lint.rules 中的规则 '{rule}' 不存在{did_you_mean(rule, known)}")
            if value not in (*SEVERITIES, "off"):
                raise ConfigError(f"huifang.yaml: lint.rules.{rule} 应为 error、warning、info 或 off")
            self.explicit[rule] = value
        self.defaults = {ident: module.SEVERITY for ident, module in known.items()}
        self.ignore = list(ignore or [])
        self._ignore_spec: GitIgnoreSpec | None = None
        from huifang.lint.speakers import DEFAULT, Speakers

        speakers = speakers or {}
        self.speakers = (
            Speakers(speakers.get("agent", ()), speakers.get("customer", ()))
            if speakers.get("agent") or speakers.get("customer")
            else DEFAULT
        )

    @classmethod
    def from_settings(cls, settings) -> LintConfig:
        return cls(
            settings.extends,
            dict(settings.rules),
            list(settings.ignore),
            speakers=dict(getattr(settings, "speakers", {}) or {}),
        )

    def pack_phrases(self) -> list:
        """The forbidden phrases of the packs named in lint.extends."""
        from huifang.lint import packs

        return [p for name in self.packs for p in packs.phrases(name)]

    def enabled(self, rule: str) -> bool:
        return self.explicit.get(rule) != "off"

    def severity(self, rule: str, own: str | None = None) -> str:
        """The configured severity, else the content's own, else the rule's default."""
        return self.explicit.get(rule) or own or self.defaults.get(rule, "error")

    def ignored(self, path: str) -> bool:
        if not self.ignore:
            return False
        if self._ignore_spec is None:
            from pathspec import GitIgnoreSpec

            self._ignore_spec = GitIgnoreSpec.from_lines(self.ignore)
        return self._ignore_spec.match_file(path)
