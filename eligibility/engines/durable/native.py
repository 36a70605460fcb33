"""The native host: durable_rules loaded lazily, JSON it can read, and one lean Host per process.

Driving durable_rules 2.0.28 safely (DURABLE_RULES.md §7, and what building this showed): one Host
per process with **no dispatcher thread** (the stock Host's background thread picks up pending
actions of the live session while they run synchronously, so a household could be read before
its rules finished — observed); actions run by a lean loop (`LeanRuleset.do_actions`) that reads
only the matched entities' keys from the engine's JSON; numbers never in exponent notation.
"""
from __future__ import annotations

import importlib
import json
import math
import os
import re
import traceback
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from ...errors import EligibilityError, say
from ...wording.catalogue import N_

if TYPE_CHECKING:
    from .runner import Runner


def engine_module() -> ModuleType:
    """durable_rules' `durable.engine` (it has no type hints: what this package uses of it is typed here)."""
    try:
        engine = importlib.import_module("durable.engine")
        import durable_rules_engine  # noqa: F401  (the C extension: fails on Python 3.13 as released)
    except Exception as err:  # ImportError, or an undefined symbol in the C extension
        raise EligibilityError(say(N_(
            "the durable engine needs the durable_rules package (2.0.28), which cannot be imported here: "
            "{kind}: {reason}. Install it with `pip install durable-rules==2.0.28` (it builds from "
            "source and needs a C compiler; on Python 3.13 the released version does not import), or use "
            "--engine vectorised."), kind=type(err).__name__, reason=err)) from err
    return engine


class EngineFailure(EligibilityError):
    """durable_rules failed in a way that leaves its Host unusable (the worker must be replaced)."""



_RULE_NAME = re.compile(r'^\{\s*"([^"]+)"\s*:')
_EXPONENT = re.compile(r'[0-9][eE][-+]?[0-9]')
Fact = dict[str, Any]   # a durable_rules fact, a ruleset's definition: JSON objects


def engine_json(obj: Any) -> str:
    """JSON for durable_rules. Its parser cannot read numbers in exponent notation, which is how
    Python writes floats below 1e-4 or from 1e16 (`1e-05`, `1e+16`): such a fact crashes the process
    or is silently dropped (observed). Those numbers are written out in positional notation."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))   # (compact: less for the engine to read)
    # Python writes every exponent with its sign (`1e-05`, `1e+16`): looking for "e-"/"e+" first is a
    # plain substring search, much cheaper over a batch's facts than the pattern
    if ("e-" in text or "e+" in text) and _EXPONENT.search(text):          # rare: re-encode exactly (a match inside a string costs only time)
        text = _positional_json(obj)
    return text


def _positional_json(obj: Any) -> str:
    if isinstance(obj, dict):
        return "{" + ", ".join(json.dumps(str(k), ensure_ascii=False) + ": " + _positional_json(v)
                               for k, v in obj.items()) + "}"
    if isinstance(obj, (list, tuple)):
        return "[" + ", ".join(_positional_json(v) for v in obj) + "]"
    if isinstance(obj, float) and not isinstance(obj, bool):
        if not math.isfinite(obj):
            raise ValueError(f"durable_rules cannot take the number {obj!r}")
        return np.format_float_positional(obj, unique=True, trim="0")
    return json.dumps(obj, ensure_ascii=False)


KEY_PERSON = re.compile(r'"pid":\s*"(P\d+_\d+)"')
KEY_HOUSEHOLD = re.compile(r'"hid":\s*"(H\d+)"')
KEY_FAIL = re.compile(r'"e":\s*"([PH][\d_]+)"')


class Call:
    """What one action call sees: the session, and the matches as the engine's JSON text.

    The engine returns each match with the complete facts; an action here only needs the entity
    keys (`"pid": "P4_3"`, `"hid": "H4"`, a fail fact's `"e"`), read straight from the text: fact
    values are JSON strings whose quotes are escaped, so `"pid": "` only occurs as an attribute."""

    __slots__ = ("ruleset", "sid", "text")

    def __init__(self, ruleset: object, sid: str, text: str):
        self.ruleset, self.sid, self.text = ruleset, sid, text

    def keys(self, pattern: re.Pattern[str]) -> list[str]:
        return list(dict.fromkeys(pattern.findall(self.text)))


class Host(Protocol):
    """What this package uses of the process's durable_rules Host (`EligibilityHost` below)."""

    actions: dict[str, Callable[[Call], None]]   # action name -> what it runs
    broken: bool                                 # an engine failure retired it: make a new one
    pid: int                                     # the process it was made in (a fork gets its own)
    runners: dict[tuple[object, ...], Runner]    # one per (plan, as-of date, lang, ...)

    def set_rulesets(self, ruleset_definitions: dict[str, Any]) -> object: ...
    def assert_facts(self, ruleset_name: str, facts: list[dict[str, Any]]) -> object: ...
    def get_state(self, ruleset_name: str, sid: str) -> Any: ...
    def delete_state(self, ruleset_name: str, sid: str) -> object: ...


_HOST: Host | None = None


def process_host() -> Host:
    """The process's one durable_rules Host (replaced when a previous one failed)."""
    global _HOST
    if _HOST is None or _HOST.pid != os.getpid() or _HOST.broken:
        engine = engine_module()
        import durable_rules_engine as native

        class LeanRuleset(engine.Ruleset):   # type: ignore[misc,name-defined]  # durable_rules: untyped, loaded lazily
            """A ruleset whose actions run synchronously in the caller's thread, one after another,
            as the stock `Ruleset._flush_actions` runs them, minus what these actions do not use:
            no Closure/Content objects, no parsing of the matched facts, no state update (the
            session state never changes; an action's error is written to it, as the stock code
            does, so `get_state` reports it)."""

            def __init__(self, name: str, host: EligibilityHost, definition: dict[str, Any]) -> None:   # as Ruleset.__init__, safe JSON
                self._name, self._host = name, host
                self._actions: dict[str, Any] = {}
                self._calls = {rule: host.get_action(spec.pop("run")) for rule, spec in definition.items()}
                self._handle = native.create_ruleset(name, engine_json(definition))
                self._definition = definition

            def assert_facts(self, facts: list[dict[str, Any]]) -> Any:
                return self._handle_result(native.assert_facts(self._handle, engine_json(facts)), facts)

            def assert_fact(self, fact: dict[str, Any]) -> Any:
                return self._handle_result(native.assert_fact(self._handle, engine_json(fact)), fact)

            def do_actions(self, state_handle: int, complete: Callable[[BaseException | None, None], None]) -> None:
                try:
                    result = native.start_action_for_state(self._handle, state_handle)
                    if not result:
                        complete(None, None)
                        return
                    state_text, message = result
                    sid = json.loads(state_text)["sid"]
                    while message:
                        found = _RULE_NAME.match(message)
                        if found is None:   # (caught below: the action's error is reported)
                            raise EngineFailure(f"durable_rules ran an action without a rule name: {message[:80]}")
                        name = found.group(1)
                        try:
                            self._calls[name](Call(self, sid, message))
                        except BaseException as error:
                            state = json.loads(state_text)
                            state["exception"] = (f"exception caught {error}, traceback "
                                                  f"{traceback.format_tb(error.__traceback__)}")
                            native.update_state(self._handle, json.dumps(state, ensure_ascii=False))
                        message = native.complete_and_start_action(self._handle, state_handle)
                    complete(None, None)
                except BaseException as error:
                    complete(error, None)

            def dispatch(self) -> None:     # no background dispatching (see EligibilityHost._run)
                return None

        class EligibilityHost(engine.Host):   # type: ignore[misc,name-defined]  # (as LeanRuleset)
            def __init__(self) -> None:
                self.actions: dict[str, Callable[[Call], None]] = {}
                self.broken = False
                self.pid = os.getpid()
                self.runners: dict[tuple[object, ...], Runner] = {}
                super().__init__()

            def get_action(self, name: str) -> Callable[[Call], None]:
                return self.actions[name]

            def register_rulesets(self, ruleset_definitions: dict[str, Any]) -> list[str]:
                for name, definition in ruleset_definitions.items():
                    if name in self._ruleset_directory:
                        raise EligibilityError(f"ruleset {name} is already registered")
                    ruleset = LeanRuleset(name, self, definition)
                    self._ruleset_directory[name] = ruleset
                    self._ruleset_list.append(ruleset)
                return list(ruleset_definitions)

            def _run(self) -> None:
                """Start no dispatcher or timer thread. The stock Host polls every ruleset from a
                background thread and runs whatever action is pending; while a household's actions
                run synchronously it can take some of them, on its own thread, and the household
                is then read before its rules have finished (observed). Every action here runs
                synchronously inside assert_facts, so nothing needs the dispatcher."""
                self._d_timer = self._t_timer = None

        _HOST = EligibilityHost()
    return _HOST
