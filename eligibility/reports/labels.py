"""Words of the reports: column headers, unit names, value labels and number formats, in vi and en.

Tables are built with stable English column codes and value codes; only the writers (workbook,
HTML, CSV) turn them into the reader's language, through the maps below: each maps a code to its
English words, marked for the catalogue (`N_`), and is read in a language where it is shown
(`in_lang(TITLES, lang)`, `header(column, lang)`). A header whose English another place words
otherwise in Vietnamese carries a context (`NC_("report column", "Decision")`: *Kết quả* here, *Quyết
định* as a kind of legal document).
"""
from __future__ import annotations

import pandas as pd

from ..outputs import values_in
from ..vocabulary import Coverage, Status
from ..wording.catalogue import N_, NC_, in_lang, translator
from ..wording.units import UNIT_WORDS, unit_label

# Units of a benefit's amount, in the order the reports show them. `status` carries no amount.
UNITS = ("vnd_per_month", "vnd_per_year", "vnd_once", "loan", "kg_rice", "share_of_premium")
AMOUNT_PREFIX = "gap_"          # by-unit columns of the aggregates: gap_vnd_per_month, gap_vnd_once, ...
ALL_BENEFITS = "*"              # the benefit code of a row that totals every benefit of its place
MIXED, UNKNOWN = "mixed", "unknown"   # ethnicity of a household with no head recorded / none known

UNIT_LABELS = {lang: {unit: unit_label(unit, lang) for unit in UNIT_WORDS} for lang in ("en", "vi")}

_AMOUNT_HEADERS = {
    "vnd_per_month": N_("Not reaching people: VND/month"), "vnd_per_year": N_("Not reaching people: VND/year"),
    "vnd_once": N_("Not reaching people: VND once"), "loan": N_("Loans not reaching people: VND"),
    "kg_rice": N_("Rice not reaching people: kg"), "share_of_premium": N_("HI premiums not paid (cards)"),
}

HEADERS = {
    "district": N_("District (before 7/2025)"), "commune": N_("Commune"), "village": N_("Village"),
    "ethnicity": N_("Ethnicity"), "benefit": N_("Benefit code"), "benefit_label": N_("Benefit"), "entity": N_("For"),
    "unit": N_("Unit"), "gap_rate": N_("Gap rate"),
    "household_id": N_("Household ID"), "person_id": N_("Person ID"), "name": N_("Name"),
    "status": NC_("report column", "Decision"), "coverage": N_("Coverage"), "amount": NC_("report column", "Amount"),
    "rate": N_("Interest/year"), "rule": N_("Rule"), "rule_label": N_("Rule applied"), "reference": N_("Legal basis"),
    "reason": N_("Reason"), "missing_inputs": N_("Missing data"), "unverified": N_("Unverified values"),
    # targets
    "id": N_("Target"), "label": N_("Indicator"), "measure": N_("Measure"), "numerator": N_("Numerator"),
    "denominator": N_("Denominator"), "unknown": N_("Unknown"), "population_unknown": N_("Population unknown"),
    "value": N_("Value"), "low": N_("Lowest possible"), "high": N_("Highest possible"), "direction": N_("Direction"),
    "target": N_("Target value"), "year": N_("By year"), "baseline": N_("Baseline"), "track": N_("On track?"),
    "to_reach": N_("Still to reach"),
    **{AMOUNT_PREFIX + unit: words for unit, words in _AMOUNT_HEADERS.items()},
}
# count columns are headed by the vocabulary's words (eligible, gap, ...: `headers`)
_COUNTED = [Status.ELIGIBLE, Coverage.COVERED, Coverage.GAP, Coverage.LEAKAGE, Coverage.NEEDS_DATA]


def _count_header(word, lang: str) -> str:
    """A count column's header: the catalogue's label, with its meaning where it has one."""
    label, meaning = word.label(lang), word.describe(lang)
    label = label[:1].upper() + label[1:]
    return label if meaning == word.label(lang) else f"{label} ({meaning})"


SPECIAL_VALUES = {ALL_BENEFITS: N_("All benefits"), MIXED: N_("Mixed (no head recorded)"), UNKNOWN: N_("Not recorded"),
                  "": N_("(blank)")}

TRACK = {"on_track": N_("on track"), "off_track": N_("off track"), "undetermined": N_("cannot tell (missing data)")}

SHEETS = {"by_benefit": N_("By benefit"), "by_district": N_("By district"), "by_commune": N_("By commune"),
          "by_village": N_("By village"), "by_ethnicity": N_("By ethnicity"), "gap_list": N_("Gap list"),
          "leakage_list": N_("Leakage list"), "needs_data_list": N_("Needs data"), "manifest": N_("manifest")}

TITLES = {
    "report": N_("Coverage gaps and leakage"), "by_benefit": N_("Summary by benefit"),
    "by_district": N_("By district (before 7/2025) and benefit"), "by_commune": N_("By commune and benefit"),
    "by_village": N_("By village and benefit"), "by_ethnicity": N_("By ethnicity and benefit"),
    "gap_list": N_("Eligible but not covered (gap)"),
    "leakage_list": N_("Covered but not eligible (leakage: to review)"),
    "needs_data_list": N_("Cannot decide: data needed"), "manifest": N_("Reproducing these figures"),
    "chart_rate": N_("Gap rate by commune (all benefits)"),
    "chart_amount": N_("Amounts not reaching people, by benefit"), "targets": N_("Plan targets"),
}

NOTES = [
    N_("Counts are decisions: one per person (person benefits) or household (household benefits) and benefit. "
       "A row with benefit 'All benefits' adds up the decisions of every benefit for that place."),
    N_("Gap rate = gap ÷ eligible. Eligible decisions whose enrolment is not recorded count as 'needs data'."),
    N_("Amounts not reaching people = the sum of the amounts of the gap decisions, per unit; amounts that "
       "cannot be computed (missing data) are left out."),
    N_("Ethnicity: a person benefit uses the person's ethnicity; a household benefit uses the head of "
       "household's. Where no head is recorded (or the head's ethnicity is blank), the members' common "
       "ethnicity is used, 'Mixed' when they differ and 'Not recorded' when none is known."),
    N_("Leakage means covered but not eligible under the rules: a case to review, not proof of fraud."),
]


def notes(lang: str) -> list[str]:
    """How to read the gap report, in `lang`."""
    _ = translator(lang)
    return [_(note) for note in NOTES]


# Excel number formats by column code (by-unit amount columns are added below).
FORMATS = {"eligible": "#,##0", "covered": "#,##0", "gap": "#,##0", "leakage": "#,##0", "needs_data": "#,##0",
           "gap_rate": "0.0%", "rate": "0.00%", "numerator": "#,##0", "denominator": "#,##0", "unknown": "#,##0",
           "population_unknown": "#,##0", "to_reach": "#,##0", "money": "#,##0", "decisions": "#,##0"}
UNIT_FORMATS = {"vnd_per_month": "#,##0", "vnd_per_year": "#,##0", "vnd_once": "#,##0", "loan": "#,##0",
                "kg_rice": "#,##0", "share_of_premium": "0%"}
FORMATS.update({AMOUNT_PREFIX + u: ("#,##0.00" if u == "share_of_premium" else "#,##0") for u in UNITS})


def value_labels(plan=None, lang: str = "en") -> dict[str, dict[str, str]]:
    """{column: {code: label}} for the coded columns a report shows (district, ethnicity, status, ...)."""
    out: dict[str, dict[str, str]] = {"unit": dict(UNIT_LABELS[lang])}
    if lang == "vi":
        for column, mapping in values_in(lang).items():
            out[column] = {k: v for k, v in mapping.items() if v}
    special = in_lang(SPECIAL_VALUES, lang)
    out["benefit_label"] = {ALL_BENEFITS: special[ALL_BENEFITS]}
    out["ethnicity"] = {MIXED: special[MIXED], UNKNOWN: special[UNKNOWN]}
    if plan is not None:
        for column, table in (("district", plan.inputs.households), ("ethnicity", plan.inputs.members)):
            spec = table.columns.get(column)
            if spec is not None and spec.values:
                out.setdefault(column, {}).update({code: getattr(v, lang) for code, v in spec.values.items()})
    return out


def present(frame: pd.DataFrame, labels: dict[str, dict[str, str]] | None) -> pd.DataFrame:
    """Codes replaced by their labels (column by column, vectorised); headers unchanged."""
    if not labels:
        return frame
    out = frame.copy(deep=False)   # columns are replaced, never written into (copy-on-write): no copy of the data
    for column, mapping in labels.items():
        if column in out.columns and mapping:
            series = out[column]
            if isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow":
                relabelled = _relabel_text(series, mapping)
                if relabelled is not None:
                    out[column] = relabelled
            elif series.dtype == object or pd.api.types.is_string_dtype(series):
                values = series.astype(object)
                hit = values.isin(list(mapping))
                if hit.any():
                    out[column] = values.where(~hit, values.map(mapping))
    return out


def _relabel_text(series: pd.Series, mapping: dict[str, str]) -> pd.Series | None:
    """A text column with its codes as labels, looked up once per distinct value (a column of 1 M
    decisions holds a few dozen); same dtype. None when no value is a code."""
    import pyarrow as pa

    from ..csvout import arrow_values

    values = arrow_values(series)
    coded = values.dictionary_encode()
    distinct = coded.dictionary.to_pylist()
    shown = [mapping.get(v, v) for v in distinct]
    if shown == distinct:
        return None
    relabelled = pa.array(shown, values.type).take(coded.indices)
    return pd.Series(type(series.array)(relabelled, dtype=series.dtype), index=series.index, name=series.name)

# ---------------------------------------------------------------- the diff report (`eligibility diff`)
HEADERS.update({
    "kind": NC_("report column", "What changes"), "status_old": N_("Decision before"), "status_new": N_("Decision after"),
    "coverage_old": N_("Coverage before"), "coverage_new": N_("Coverage after"), "amount_old": N_("Amount before"),
    "amount_new": N_("Amount after"), "rule_old": N_("Rule before"), "rule_new": N_("Rule after"),
    "rule_label_old": N_("Rule applied before"), "rule_label_new": N_("Rule applied after"),
    "cause": N_("Because of"), "what_changed": N_("What changed (before → after)"),
    "gain": N_("Becoming eligible"), "loss": N_("No longer eligible"), "amount_up": N_("Amount rises"),
    "amount_down": N_("Amount falls"), "amount_unknown": N_("Amount known on one side only"),
    "rate_old": N_("Interest/year before"), "rate_new": N_("Interest/year after"),
    "rate_change": N_("Interest rate changes"), "rule_change": N_("Another rule"),
    "status_change": N_("Other change of decision"), "coverage_change": N_("Coverage changes"),
    "monthly_old": N_("Monthly cost before (VND)"), "monthly_new": N_("Monthly cost after (VND)"),
    "monthly_change": NC_("report column", "Monthly cost change (VND)"), "yearly_old": N_("Yearly cost before (VND)"),
    "yearly_new": N_("Yearly cost after (VND)"), "yearly_change": NC_("report column", "Yearly cost change (VND)"),
    "once_change": N_("One-off payments change (VND)"), "amount_unknown_new": N_("Eligible after, amount unknown"),
    "households_gaining": N_("Households gaining"), "households_losing": N_("Households losing"),
    "decisions": NC_("report column", "Decisions"),
})
FORMATS.update({"rate_old": "0.00%", "rate_new": "0.00%"})
FORMATS.update(dict.fromkeys(("rate_change", "gain", "loss", "amount_up", "amount_down", "amount_unknown", "rule_change", "status_change", "coverage_change", "monthly_old", "monthly_new", "monthly_change", "yearly_old", "yearly_new", "yearly_change", "once_change", "amount_unknown_new", "households_gaining", "households_losing", "decisions", "amount_old", "amount_new"), "#,##0"))

# ---------------------------------------------------------------- the audit of the programme lists (`gaps`)
_AUDIT_WORDS = [Coverage.GAP, Coverage.LEAKAGE, Coverage.UNDERPAID, Coverage.OVERPAID, Coverage.WRONG_LEVEL,
                Coverage.DECEASED_PAID, Coverage.NOT_IN_REGISTER, Coverage.DUPLICATE, Coverage.NEEDS_DATA]
TITLES.update({
    "audit_by_programme": N_("Audit of the programme lists: by programme"),
    "audit_by_commune": N_("Audit of the programme lists: by commune"),
    "audit_by_village": N_("Audit of the programme lists: by village"),
    "audit_by_ethnicity": N_("Audit of the programme lists: by ethnicity"),
    "audit_underpaid": N_("Paid less than due (underpaid)"), "audit_overpaid": N_("Paid more than due (overpaid)"),
    "audit_wrong_level": N_("Enrolled at another level than due (wrong level)"),
    "audit_deceased_paid": N_("Paid after death"), "audit_not_in_register": N_("On a list, in no register (to verify)"),
    "audit_duplicate": N_("Paid twice (same programme, or two that pay only one)"),
    "list_matching": N_("How the list entries were matched to the register"),
})
SHEETS.update({
    "audit_by_programme": N_("Audit by programme"), "audit_by_commune": N_("Audit by commune"),
    "audit_by_village": N_("Audit by village"), "audit_by_ethnicity": N_("Audit by ethnicity"),
    "audit_underpaid": N_("Underpaid"), "audit_overpaid": N_("Overpaid"), "audit_wrong_level": N_("Wrong level"),
    "audit_deceased_paid": NC_("sheet name", "Paid after death"), "audit_not_in_register": N_("Not in register"),
    "audit_duplicate": N_("Duplicates"), "list_matching": N_("List matching"),
})
HEADERS.update({
    "programme": N_("Programme"), "finding": N_("Finding"), "paid": N_("Paid (VND)"), "due": N_("Due (VND)"),
    "money": N_("Money involved (VND)"), "level_paid": N_("Level paid"), "level_due": N_("Level due"),
    "parameter_values": N_("Values used"), "match": N_("How matched"), "candidates": N_("Register's nearest names"),
    "file": N_("List file"), "row": N_("List row"), "note": N_("Note"), "entries": N_("Entries"),
    "by_id": N_("Matched by ID"), "by_name": N_("Matched by name, birth year and commune"),
    "ambiguous": N_("Ambiguous (several people fit)"), "unmatched": N_("Unmatched (nobody fits)"),
})
_MONEY = N_("{label}: money (VND)")
FORMATS.update(dict.fromkeys(["paid", "due", "money", "entries", "by_id", "by_name", "ambiguous", "unmatched"]
                             + [w.value for w in _AUDIT_WORDS] + [f"{w.value}_money" for w in _AUDIT_WORDS], "#,##0"))
FORMATS.update({"level_paid": "0.00##", "level_due": "0.00##"})


def headers(lang: str) -> dict[str, str]:
    """Every column's header in `lang`: the table's words, and the count columns' (with their money)
    in the vocabulary's."""
    out = in_lang(HEADERS, lang)
    out.update({w.value: _count_header(w, lang) for w in _COUNTED})
    money = translator(lang)(_MONEY)
    for word in _AUDIT_WORDS:
        out[word.value] = _count_header(word, lang)
        out[f"{word.value}_money"] = money.format(label=out[word.value])
    return out


def header(column: str, lang: str) -> str:
    if column in HEADERS:
        return translator(lang)(HEADERS[column])
    return headers(lang).get(column, column)
