"""The end-of-run summary on the terminal: a table per benefit, then the row accounting."""
from __future__ import annotations

import click
import numpy as np
import pandas as pd

from .register.report import TABLE_WORDS
from .vocabulary import Coverage, Status
from .wording import N_, translator, unit_label
from .wording.formats import format_number

COUNTED = (Status.ELIGIBLE, Status.UNDETERMINED, Coverage.COVERED, Coverage.GAP, Coverage.LEAKAGE)


def _head(lang: str) -> tuple[str, ...]:
    _ = translator(lang)
    return (_(N_("benefit")), *(word.label(lang) for word in COUNTED), _(N_("amount (eligible)")), _(N_("unit")))


# Totals mean something for money and rice; not for shares of a premium, loan ceilings or statuses.
SUMMABLE = {"vnd_per_month", "vnd_per_year", "vnd_once", "kg_rice"}


def benefit_table(decisions: pd.DataFrame) -> pd.DataFrame:
    """Counts by status and coverage, and the total amount of eligible decisions, per benefit.
    Counted on integer codes (a crosstab of 3 million categorical rows took 2.4 s)."""
    benefit, names = _codes(decisions["benefit"], sort=True)
    table = pd.DataFrame(index=pd.Index(np.asarray(names, dtype=object), name="benefit"))
    for column, values in (("status", ("eligible", "undetermined")), ("coverage", ("covered", "gap", "leakage"))):
        codes, labels = _codes(decisions[column])
        key = benefit.astype(np.intp) * len(labels)   # (narrow codes: widened before they multiply)
        key += codes
        counts = np.bincount(key, minlength=len(names) * len(labels))
        counts = counts.reshape(len(names), len(labels))
        for value in values:
            table[value] = counts[:, list(labels).index(value)] if value in list(labels) else 0
    eligible = (decisions["status"] == "eligible").to_numpy(dtype=bool)
    amount = decisions["amount"].to_numpy(dtype=float)
    summed = eligible & ~np.isnan(amount)   # a sum of no known amount is no amount, not 0
    totals = np.bincount(benefit[summed], weights=amount[summed], minlength=len(names))
    table["amount"] = np.where(np.bincount(benefit[summed], minlength=len(names)) > 0, totals, np.nan)
    first = np.flatnonzero(~pd.Series(benefit, copy=False).duplicated().to_numpy())   # each benefit's first row
    first = first[np.argsort(benefit[first], kind="stable")]
    table["unit"] = decisions["unit"].iloc[first].astype(object).to_numpy()   # only the first row of each
    return table


def _codes(column: pd.Series, sort: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """`pd.factorize(column, sort=sort)`, from a categorical's own narrow codes where it is one (sorted
    categories, none missing): factorize's int64 codes of three 3 M-row columns, and the sort of the
    benefits' to find each one's first row, were the last rise of the 1 M-person screen's peak memory."""
    cat = column.array
    if not isinstance(cat, pd.Categorical) or not cat.categories.is_monotonic_increasing:
        return pd.factorize(column, sort=sort)
    codes = np.asarray(cat.codes)
    if (codes < 0).any():
        return pd.factorize(column, sort=sort)
    used = np.bincount(codes, minlength=len(cat.categories)) > 0   # the labels present, as factorize gives them
    position = (np.cumsum(used) - 1).astype(codes.dtype)
    return position[codes], np.asarray(cat.categories)[used]


def print_summary(screening, lang: str = "vi") -> None:
    for line in summary_lines(screening, lang):
        click.echo(line)


def summary_lines(screening, lang: str = "vi") -> list[str]:
    """The lines `print_summary` prints: the benefit table, the row accounting, the rejected rows and
    the register's warnings."""
    register = screening.register
    lines = table_lines(benefit_table(screening.decisions), register.accounting if register is not None else None,
                        lang, benefit_names(screening.decisions))
    if register is not None:
        _ = translator(lang)
        lines += reject_lines(register, lang=lang)
        lines += [_("warning: {message}").format(message=warning) for warning in register.warnings]
    return lines


def print_table(table: pd.DataFrame, accounting: dict | None, lang: str = "vi",
                names: dict[str, str] | None = None) -> None:
    for line in table_lines(table, accounting, lang, names):
        click.echo(line)


def table_lines(table: pd.DataFrame, accounting: dict | None, lang: str = "vi",
                names: dict[str, str] | None = None) -> list[str]:
    """The benefit table (`benefit_table`, or the sum of a partitioned run's) and the row accounting.
    `names`: each benefit's label in `lang` (shown instead of its id where given)."""
    head = _head(lang)
    widths = [max(w, len(h) + 2) for w, h in zip((46, 10, 14, 10, 9, 10, 20, 18), head)]
    lines = ["\n" + "".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths)))]
    # one line per benefit (a few dozen), not per register row; each row a dict, not a pandas row (a
    # Series built per benefit cost more than the rest of the table)
    for name, row in zip(table.index, table.to_dict("records")):
        summable = row["unit"] in SUMMABLE and not pd.isna(row["amount"])
        amount = format_number(round(row["amount"]), lang) if summable else ""
        label = (names or {}).get(name, name)
        label = label if len(label) < widths[0] else label[: widths[0] - 2] + "…"
        cells = (label, *(format_number(int(row[word.value]), lang) for word in COUNTED),
                 amount, unit_label(row["unit"], lang))
        lines.append("".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))))
    if accounting is not None:
        lines += ["", *accounting_lines(accounting, lang)]
    return lines


def accounting_lines(accounting: dict, lang: str) -> list[str]:
    """'hộ: số dòng đọc 41 = nhận 41 + loại 0' per table, in the reader's language."""
    _ = translator(lang)
    lines = []
    for table_name, acc in accounting.items():
        ok = acc["read"] == acc["accepted"] + acc["rejected"]
        lines.append(_("{table}: read {read} = accepted {accepted} + rejected {rejected}").format(
            table=_(TABLE_WORDS.get(table_name, table_name)),
            **{k: format_number(acc[k], lang) for k in ("read", "accepted", "rejected")})
            + ("" if ok else "  ← MISMATCH"))
    return lines


def benefit_names(decisions: pd.DataFrame) -> dict[str, str]:
    """Each benefit's label as the decisions carry it (in the run's language)."""
    if "benefit_label" not in decisions.columns or decisions.empty:
        return {}
    first = decisions.drop_duplicates("benefit")
    return dict(zip(first["benefit"].astype(str), first["benefit_label"].astype(str)))


def reject_lines(register, shown: int = 3, lang: str = "en") -> list[str]:
    """One line per kind of rejected row: how many, and the first one with its reason (the full list
    is in rejects.*). Counted on the rejects table, one line per problem, not per register row."""
    rejects = register.rejects
    if rejects.empty:
        return []
    from .register.model import REJECT_CODES

    _ = translator(lang)
    lines = []
    first = rejects.drop_duplicates("code")
    counts = rejects.groupby("code", observed=True).size()
    for _i, row in first.head(shown * 4).iterrows():  # a handful of codes
        code = row["code"]   # under vi the code's meaning in words (the detail, in English, is in rejects.*)
        reason = row["reason"] if lang == "en" or code not in REJECT_CODES else _(REJECT_CODES[code])
        lines.append(_("  rejected ({code}, {n} problem(s)), e.g. {file} row {row}, column '{column}': {reason}").format(
            code=code, n=format_number(int(counts[code]), lang), file=row["file"], row=int(row["row"]),
            column=row["column"], reason=reason))
    return lines
