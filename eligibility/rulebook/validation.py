"""pydantic validation of one YAML file, with every error located at file:line."""
from __future__ import annotations

import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import Phrase, RuleErrors, RuleIssue
from ..suggestions import suggest
from ..wording.catalogue import N_
from ..yamlio import line_of, load_yaml
from .base import CONDITION_TAGS

M = TypeVar("M", bound=BaseModel)


def parse_model(model: type[M], path: Path, doc: Any = None) -> M:
    """Validate `path` (or its already-loaded `doc`) against `model`; raise all issues at once."""
    doc = load_yaml(path) if doc is None else doc
    try:
        return model.model_validate(doc)
    except ValidationError as err:
        issues = [issue_from_pydantic(e, path, doc, model) for e in err.errors()]
        unique = list({(i.line, i.key, i.message): i for i in issues}.values())
        raise RuleErrors(_fold_misspelt(unique)) from None


def _fold_misspelt(issues: list[RuleIssue]) -> list[RuleIssue]:
    """'whn' unknown + 'when' missing is one mistake: keep the did-you-mean, drop the 'missing'."""
    meant = {(i.key.rsplit(".", 1)[0], i.suggestion) for i in issues if i.suggestion}
    return [i for i in issues
            if not (i.message == "Field required" and tuple(i.key.rsplit(".", 1)) in meant)]


def issue_from_pydantic(error: Any, path: Path, doc: Any, model: type[BaseModel]) -> RuleIssue:
    """Turn one pydantic error into a located issue with what is allowed and a did-you-mean."""
    loc = _yaml_path(error["loc"])
    key = ".".join(str(s) for s in loc)
    allowed = suggestion = None
    message: str
    if error["type"] == "extra_forbidden":
        known = _fields_at(model, tuple(error["loc"])[:-1], doc)
        allowed = ", ".join(sorted(known)) if known else None
        suggestion = suggest(str(loc[-1]), known) if known else None
        message = Phrase(N_("unknown key '{key}'"), key=loc[-1])
    elif error["type"] in ("literal_error", "enum"):   # a Literal, or one of the `vocabulary` enums
        allowed = error.get("ctx", {}).get("expected")
        suggestion = suggest(str(error.get("input")), [a.strip(" '") for a in (allowed or "").replace(" or ", ",").split(",")])
        message = Phrase(N_("value '{value}' is not allowed"), value=error.get("input"))
    else:
        message = _pydantic_message(error)
    return RuleIssue("E-SCHEMA", str(path), line_of(doc, loc), key, message, allowed, suggestion)


# pydantic's messages a rule file's author meets most, in the catalogue (the others stay as pydantic says them)
PYDANTIC_WORDS = {
    "missing": N_("Field required"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input"),
    "bool_type": N_("Input should be a valid boolean"),
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "float_type": N_("Input should be a valid number"),
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "int_type": N_("Input should be a valid integer"),
    "string_type": N_("Input should be a valid string"),
    "list_type": N_("Input should be a valid list"),
    "dict_type": N_("Input should be a valid dictionary"),
    "model_type": N_("Input should be a valid dictionary or instance of the model"),
    "date_from_datetime_parsing": N_("Input should be a valid date"),
    "date_parsing": N_("Input should be a valid date"),
    "date_type": N_("Input should be a valid date"),
}


def _pydantic_message(error: Any) -> str:
    """pydantic's message; a Phrase (worded in the reader's language) where it is pydantic's usual text."""
    template = PYDANTIC_WORDS.get(error["type"])
    return Phrase(template) if template is not None and template == error["msg"] else error["msg"]


def _yaml_path(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """pydantic's location without union bookkeeping: model names and the condition-form tags."""
    out: list[int | str] = []
    for i, step in enumerate(loc):
        is_tag = (step in CONDITION_TAGS and i >= 2 and isinstance(loc[i - 1], int) and loc[i - 2] == "conditions")
        if isinstance(step, str) and (step[:1].isupper() or is_tag):
            continue
        out.append(step)
    return tuple(out)


def _fields_at(model: type[BaseModel], loc: tuple[int | str, ...], doc: Any) -> list[str]:
    """The field names the model accepts at `loc` (walking through dicts and lists)."""
    current: Any = model
    for step in loc:
        current = _inner(current, step)
        if current is None:
            return []
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [field.alias or name for name, field in current.model_fields.items()]  # as spelt in YAML
    return []


def _tagged_member(annotation: Any, step: Any) -> Any:
    """In a discriminated union, the member whose Tag is `step` (pydantic puts the tag in `loc`)."""
    from pydantic import Tag

    for arg in typing.get_args(annotation):
        if typing.get_origin(arg) is typing.Annotated:
            inner, *meta = typing.get_args(arg)
            if any(isinstance(m, Tag) and m.tag == step for m in meta):
                return inner
    return None


def _inner(annotation: Any, step: Any) -> Any:
    if typing.get_origin(annotation) is typing.Annotated:
        return _inner(typing.get_args(annotation)[0], step)
    tagged = _tagged_member(annotation, step)
    if tagged is not None:
        return tagged
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = {(f.alias or n): f for n, f in annotation.model_fields.items()}
        field = fields.get(step) if isinstance(step, str) else None
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
