"""Build hook (everything else is in pyproject.toml): the rule pack ships inside the package.

Policy staff edit the pack where the design keeps it, `rules/` at the top of the repository. A
wheel must carry it, so the build copies it to `eligibility/rules/` (YAML only; the pack's
conftest.py is a test helper). `eligibility.rulebook.load.bundled_rules` finds it there through
importlib.resources, and falls back to the repository's `rules/` in a checkout.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithRulePack(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "eligibility" / "rules"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(HERE / "rules", target, ignore=shutil.ignore_patterns("*.py", "__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithRulePack})
