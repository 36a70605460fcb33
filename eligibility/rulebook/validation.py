"""pydantic validation of one YAML file, with every error located at file:line."""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import RuleErrors, RuleIssue
from ..suggestions import suggest
from ..yamlio import line_of, load_yaml

M = TypeVar("M", bound=BaseModel)


def parse_model(model: type[M], path: Path, doc: Any = None) -> M:
    """Validate `path` (or its already-loaded `doc`) against `model`; raise all issues at once."""
    doc = load_yaml(path) if doc is None else doc
    try:
        return model.model_validate(doc)
    except ValidationError as err:
        raise RuleErrors([issue_from_pydantic(e, path, doc, model) for e in err.errors()]) from None


def issue_from_pydantic(error: dict, path: Path, doc: Any, model: type[BaseModel]) -> RuleIssue:
    """Turn one pydantic error into a located issue with what is allowed and a did-you-mean."""
    loc = tuple(step for step in error["loc"] if not (isinstance(step, str) and step[:1].isupper()))
    key = ".".join(str(s) for s in loc)
    allowed = suggestion = None
    if error["type"] == "extra_forbidden":
        known = _fields_at(model, loc[:-1], doc)
        allowed = ", ".join(sorted(known)) if known else None
        suggestion = suggest(str(loc[-1]), known) if known else None
        message = f"unknown key '{loc[-1]}'"
    elif error["type"] == "literal_error":
        allowed = error.get("ctx", {}).get("expected")
        suggestion = suggest(str(error.get("input")), [a.strip(" '") for a in (allowed or "").replace(" or ", ",").split(",")])
        message = f"value '{error.get('input')}' is not allowed"
    else:
        message = error["msg"]
    return RuleIssue("E-SCHEMA", str(path), line_of(doc, loc), key, message, allowed, suggestion)


def _fields_at(model: type[BaseModel], loc: tuple, doc: Any) -> list[str]:
    """The field names the model accepts at `loc` (walking through dicts and lists)."""
    current: Any = model
    for step in loc:
        current = _inner(current, step)
        if current is None:
            return []
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _inner(annotation: Any, step: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(step) if isinstance(step, str) else None
        return field.annotation if field else None
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (list, tuple) and isinstance(step, int):
        return args[0] if args else None
    if origin is dict:
        return args[1] if len(args) == 2 else None
    if args:  # Optional / Union: first model-like member
        for arg in args:
            found = _inner(arg, step)
            if found is not None:
                return found
    return None
