"""Compiles the modules of modules.txt with mypyc, in place (qa round 24's trial; see README.md)."""

from pathlib import Path

from mypyc.build import mypycify
from setuptools import setup

modules = Path("modules.txt").read_text().split()
# silent: the modules not compiled are read for their types but their errors not reported
options = ["--follow-imports=silent", "--disable-error-code=annotation-unchecked"]
setup(name="huifang-mypyc-trial", ext_modules=mypycify([*options, *modules], opt_level="3"), packages=[])
