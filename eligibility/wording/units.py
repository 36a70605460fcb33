"""Units of a benefit's amount in words, and an amount written with its unit in the reader's
conventions: `1.500.000 đồng/tháng`, `15 kg gạo`, `100%` (vi) · `1,500,000 VND/month` (en).

The unit codes are the rule pack's (`unit:` of a benefit); their words are catalogue messages.
"""
from __future__ import annotations

from .catalogue import N_, translator
from .formats import format_number, format_percent

# In the order the reports show them. `status` carries no amount.
UNIT_WORDS = {
    "vnd_per_month": N_("VND/month"), "vnd_per_year": N_("VND/year"), "vnd_once": N_("VND, once"),
    "loan": N_("VND loan"), "kg_rice": N_("kg rice"), "share_of_premium": N_("share of the HI premium"),
    "status": N_("status (no amount)"),
}
# How an amount reads with its unit (a loan's amount is its ceiling; a share is a percentage).
_AMOUNT_WORDS = {
    "vnd_per_month": N_("{amount} VND/month"), "vnd_per_year": N_("{amount} VND/year"),
    "vnd_once": N_("{amount} VND, once"), "loan": N_("up to {amount} VND"), "kg_rice": N_("{amount} kg rice"),
}


def unit_label(unit: str | None, lang: str) -> str:
    """The unit in words ("đồng/tháng"); an unknown code is shown as it is."""
    if not unit:
        return ""
    message = UNIT_WORDS.get(unit)
    return translator(lang)(message) if message else unit


def format_amount(amount: float | None, unit: str | None, lang: str) -> str:
    """An amount with its unit in words; "" where there is no amount (a status benefit, unknown)."""
    if amount is None or unit == "status":
        return ""
    if unit == "share_of_premium":
        return format_percent(amount, lang)
    template = _AMOUNT_WORDS.get(unit or "")
    number = format_number(amount, lang)
    return translator(lang)(template).format(amount=number) if template else f"{number} {unit_label(unit, lang)}"


def format_rate(rate: float | None, lang: str) -> str:
    """A yearly interest rate: 7,92%/năm (vi) · 7.92%/year (en)."""
    if rate is None:
        return ""
    return translator(lang)(N_("{rate}/year")).format(rate=format_percent(rate, lang))
