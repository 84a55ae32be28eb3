"""huifang (回访): a call-back rule book as docs-as-code."""

# The same as pyproject's [project] version (tests/package checks it): `huifang --version`, SARIF, the forms cache
# and the version a new team's CI and pre-commit pin (`huifang init`) all read this one.
__version__ = "0.2.0"
