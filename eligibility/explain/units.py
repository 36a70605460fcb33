"""The unit of a value an explanation shows (a condition's value and threshold, a parameter), and
the value written with it in the reader's conventions: `40 tuổi`, `1.500.000 đồng`, `41%`,
`500.000 đồng/tháng`, `7,92%/năm`, `15/11/2025`.

A condition's value and its threshold are shown in one unit: the unit of the register value or
variable it compares (an age in years, money in đồng), never a bare number beside a bare number.
"""
from __future__ import annotations

from ..wording.values import format_value, param_unit

__all__ = ["format_value", "param_unit", "subject_unit"]


def subject_unit(plan, node) -> str | None:
    """The unit of a compared value: its register column's, a variable's (an age: years old), a
    parameter's, or money for a money value."""
    kind = type(node).__name__
    if kind == "FromHousehold":
        return subject_unit(plan, node.inner)
    if kind == "Column":
        table = plan.inputs.households if node.entity == "household" else plan.inputs.members
        column = table.columns.get(node.name)
        unit = column.unit if column is not None else None
        return "VND" if column is not None and column.type == "money" else unit
    if kind == "Var" and node.name.startswith("age"):
        return "years_old"
    if kind in ("Param", "ParamAt") and node.name in plan.parameters:
        return param_unit(plan.parameters[node.name].spec)
    return "VND" if getattr(node.type, "hint", "") == "money" else None
