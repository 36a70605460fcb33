"""A package's names imported from their modules when first used (PEP 562), then kept as its attributes:
the command line loads only what its command needs (`eligibility --help` no pandas; `screen`'s audit no
workbook or HTML writers). The package and eligibility.reports share this one mechanism."""
from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def lazy_names(package: str, where: dict[str, str],
               public: list[str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The package's `__getattr__` and `__dir__`: a name of `where` (name -> module of the package) is
    imported from its module on first use and kept in the package's namespace."""
    namespace = sys.modules[package].__dict__

    def getattr_(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{where[name]}", package), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *public})

    return getattr_, dir_
