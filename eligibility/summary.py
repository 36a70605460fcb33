"""The end-of-run summary on the terminal: a table per benefit, then the row accounting."""
from __future__ import annotations

import click
import pandas as pd

HEAD = {
    "en": ("benefit", "eligible", "undetermined", "covered", "gap", "leakage", "amount (eligible)", "unit"),
    "vi": ("chính sách", "đủ ĐK", "chưa rõ", "đã hưởng", "bỏ sót", "hưởng sai", "tổng mức (đủ ĐK)", "đơn vị"),
}


# Totals mean something for money and rice; not for shares of a premium, loan ceilings or statuses.
SUMMABLE = {"vnd_per_month", "vnd_per_year", "vnd_once", "kg_rice"}


def benefit_table(decisions: pd.DataFrame) -> pd.DataFrame:
    """Counts by status and coverage, and the total amount of eligible decisions, per benefit."""
    status = pd.crosstab(decisions["benefit"], decisions["status"])
    cover = pd.crosstab(decisions["benefit"], decisions["coverage"])
    eligible = decisions[decisions["status"] == "eligible"]
    amounts = eligible.groupby("benefit")["amount"].sum(min_count=1)
    units = decisions.groupby("benefit")["unit"].first()
    table = pd.DataFrame(index=units.index)
    for col, src in (("eligible", status), ("undetermined", status), ("covered", cover), ("gap", cover),
                     ("leakage", cover)):
        table[col] = src[col] if col in src.columns else 0
    table["amount"] = amounts
    table["unit"] = units
    return table.fillna({"eligible": 0, "undetermined": 0, "covered": 0, "gap": 0, "leakage": 0})


def print_summary(screening, lang: str = "vi") -> None:
    table = benefit_table(screening.decisions)
    head = HEAD[lang]
    widths = (34, 10, 14, 10, 9, 10, 20, 18)
    click.echo("\n" + "".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths))))
    for name in table.index:  # one line per benefit (a few dozen), not per register row
        row = table.loc[name]
        summable = row["unit"] in SUMMABLE and not pd.isna(row["amount"])
        amount = f"{row['amount']:,.0f}" if summable else ""
        cells = (name[:33], *(f"{int(row[c]):,}" for c in ("eligible", "undetermined", "covered", "gap", "leakage")),
                 amount, row["unit"])
        click.echo("".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))))
    register = screening.register
    if register is not None:
        click.echo("")
        for table_name, acc in register.accounting.items():
            ok = acc["read"] == acc["accepted"] + acc["rejected"]
            label = {"households": "hộ", "members": "thành viên"}[table_name] if lang == "vi" else table_name
            click.echo(f"{label}: read {acc['read']:,} = accepted {acc['accepted']:,} + rejected {acc['rejected']:,}"
                       + ("" if ok else "  ← MISMATCH"))
