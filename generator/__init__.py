"""huifang (回访): a call-back rule book as docs-as-code."""

__version__ = "0.1.0"
