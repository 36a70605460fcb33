"""Words of the reports: column headers, unit names, value labels and number formats, in vi and en.

Tables are built with stable English column codes and value codes; only the writers (workbook,
HTML, CSV) turn them into the reader's language, through the maps below.
"""
from __future__ import annotations

import pandas as pd

from ..outputs import HEADERS_VI, VALUES_VI
from ..vocabulary import Coverage, Status
from ..wording.units import UNIT_WORDS, unit_label

# Units of a benefit's amount, in the order the reports show them. `status` carries no amount.
UNITS = ("vnd_per_month", "vnd_per_year", "vnd_once", "loan", "kg_rice", "share_of_premium")
AMOUNT_PREFIX = "gap_"          # by-unit columns of the aggregates: gap_vnd_per_month, gap_vnd_once, ...
ALL_BENEFITS = "*"              # the benefit code of a row that totals every benefit of its place
MIXED, UNKNOWN = "mixed", "unknown"   # ethnicity of a household with no head recorded / none known

UNIT_LABELS = {lang: {unit: unit_label(unit, lang) for unit in UNIT_WORDS} for lang in ("en", "vi")}

_AMOUNT_HEADERS = {
    "en": {"vnd_per_month": "Not reaching people: VND/month", "vnd_per_year": "Not reaching people: VND/year",
           "vnd_once": "Not reaching people: VND once", "loan": "Loans not reaching people: VND",
           "kg_rice": "Rice not reaching people: kg", "share_of_premium": "HI premiums not paid (cards)"},
    "vi": {"vnd_per_month": "Chưa đến tay: đồng/tháng", "vnd_per_year": "Chưa đến tay: đồng/năm",
           "vnd_once": "Chưa đến tay: đồng (một lần)", "loan": "Vốn vay chưa tiếp cận: đồng",
           "kg_rice": "Gạo chưa nhận: kg", "share_of_premium": "Phí BHYT chưa hỗ trợ (số thẻ)"},
}

HEADERS = {
    "en": {
        "district": "District (before 7/2025)", "commune": "Commune", "village": "Village",
        "ethnicity": "Ethnicity", "benefit": "Benefit code", "benefit_label": "Benefit", "entity": "For",
        "unit": "Unit", "gap_rate": "Gap rate",
        "household_id": "Household ID", "person_id": "Person ID", "name": "Name", "status": "Decision",
        "coverage": "Coverage", "amount": "Amount", "rate": "Interest/year", "rule": "Rule",
        "rule_label": "Rule applied", "reference": "Legal basis", "reason": "Reason",
        "missing_inputs": "Missing data", "unverified": "Unverified values",
        # targets
        "id": "Target", "label": "Indicator", "measure": "Measure", "numerator": "Numerator",
        "denominator": "Denominator", "unknown": "Unknown", "population_unknown": "Population unknown",
        "value": "Value", "low": "Lowest possible", "high": "Highest possible", "direction": "Direction",
        "target": "Target value", "year": "By year", "baseline": "Baseline", "track": "On track?",
        "to_reach": "Still to reach",
    },
    "vi": {
        "district": HEADERS_VI["district"], "commune": HEADERS_VI["commune"], "village": HEADERS_VI["village"],
        "ethnicity": "Dân tộc", "benefit": HEADERS_VI["benefit"], "benefit_label": HEADERS_VI["benefit_label"],
        "entity": HEADERS_VI["entity"], "unit": HEADERS_VI["unit"],
        "gap_rate": "Tỷ lệ bỏ sót", "household_id": HEADERS_VI["household_id"],
        "person_id": HEADERS_VI["person_id"], "name": HEADERS_VI["name"], "status": HEADERS_VI["status"],
        "coverage": HEADERS_VI["coverage"], "amount": HEADERS_VI["amount"], "rate": HEADERS_VI["rate"],
        "rule": HEADERS_VI["rule"], "rule_label": HEADERS_VI["rule_label"], "reference": HEADERS_VI["reference"],
        "reason": "Lý do", "missing_inputs": HEADERS_VI["missing_inputs"], "unverified": HEADERS_VI["unverified"],
        "id": "Chỉ tiêu", "label": "Nội dung chỉ tiêu", "measure": "Cách đo", "numerator": "Tử số",
        "denominator": "Mẫu số", "unknown": "Chưa rõ", "population_unknown": "Chưa rõ thuộc đối tượng",
        "value": "Kết quả", "low": "Thấp nhất có thể", "high": "Cao nhất có thể", "direction": "Yêu cầu",
        "target": "Mục tiêu", "year": "Đến năm", "baseline": "Mốc ban đầu", "track": "Đạt tiến độ?",
        "to_reach": "Còn thiếu",
    },
}

def _count_header(word, lang: str) -> str:
    """A count column's header: the catalogue's label, with its meaning where it has one."""
    label, meaning = word.label(lang), word.describe(lang)
    label = label[:1].upper() + label[1:]
    return label if meaning == word.label(lang) else f"{label} ({meaning})"


for _lang in ("en", "vi"):
    HEADERS[_lang].update({AMOUNT_PREFIX + u: _AMOUNT_HEADERS[_lang][u] for u in UNITS})
    HEADERS[_lang].update({w.value: _count_header(w, _lang) for w in (Status.ELIGIBLE, Coverage.COVERED, Coverage.GAP,
                                                                      Coverage.LEAKAGE, Coverage.NEEDS_DATA)})

SPECIAL_VALUES = {
    "en": {ALL_BENEFITS: "All benefits", MIXED: "Mixed (no head recorded)", UNKNOWN: "Not recorded", "": "(blank)"},
    "vi": {ALL_BENEFITS: "Tất cả chính sách", MIXED: "Nhiều dân tộc (không rõ chủ hộ)", UNKNOWN: "Chưa ghi",
           "": "(trống)"},
}

TRACK = {
    "en": {"on_track": "on track", "off_track": "off track", "undetermined": "cannot tell (missing data)"},
    "vi": {"on_track": "đạt", "off_track": "chưa đạt", "undetermined": "chưa xác định (thiếu dữ liệu)"},
}

SHEETS = {
    "en": {"by_benefit": "By benefit", "by_district": "By district", "by_commune": "By commune",
           "by_village": "By village", "by_ethnicity": "By ethnicity", "gap_list": "Gap list",
           "leakage_list": "Leakage list", "needs_data_list": "Needs data", "manifest": "manifest"},
    "vi": {"by_benefit": "Theo chính sách", "by_district": "Theo huyện", "by_commune": "Theo xã",
           "by_village": "Theo thôn bản", "by_ethnicity": "Theo dân tộc", "gap_list": "Danh sách bỏ sót",
           "leakage_list": "Danh sách hưởng sai", "needs_data_list": "Cần bổ sung dữ liệu",
           "manifest": "Tái lập số liệu"},
}

TITLES = {
    "en": {"report": "Coverage gaps and leakage", "by_benefit": "Summary by benefit",
           "by_district": "By district (before 7/2025) and benefit", "by_commune": "By commune and benefit",
           "by_village": "By village and benefit", "by_ethnicity": "By ethnicity and benefit",
           "gap_list": "Eligible but not covered (gap)", "leakage_list": "Covered but not eligible (leakage: to review)",
           "needs_data_list": "Cannot decide: data needed", "manifest": "Reproducing these figures",
           "chart_rate": "Gap rate by commune (all benefits)",
           "chart_amount": "Amounts not reaching people, by benefit", "targets": "Plan targets"},
    "vi": {"report": "Bỏ sót và hưởng sai chính sách", "by_benefit": "Tổng hợp theo chính sách",
           "by_district": "Theo huyện (trước 7/2025) và chính sách", "by_commune": "Theo xã và chính sách",
           "by_village": "Theo thôn/bản và chính sách", "by_ethnicity": "Theo dân tộc và chính sách",
           "gap_list": "Đủ điều kiện nhưng chưa được hưởng (bỏ sót)",
           "leakage_list": "Đang hưởng nhưng không đủ điều kiện (cần rà soát)",
           "needs_data_list": "Chưa kết luận được: cần bổ sung dữ liệu", "manifest": "Thông tin để tái lập số liệu",
           "chart_rate": "Tỷ lệ bỏ sót theo xã (mọi chính sách)",
           "chart_amount": "Số tiền/hiện vật chưa đến tay người dân, theo chính sách", "targets": "Chỉ tiêu kế hoạch"},
}

NOTES = {
    "en": [
        "Counts are decisions: one per person (person benefits) or household (household benefits) and benefit. "
        "A row with benefit 'All benefits' adds up the decisions of every benefit for that place.",
        "Gap rate = gap ÷ eligible. Eligible decisions whose enrolment is not recorded count as 'needs data'.",
        "Amounts not reaching people = the sum of the amounts of the gap decisions, per unit; amounts that "
        "cannot be computed (missing data) are left out.",
        "Ethnicity: a person benefit uses the person's ethnicity; a household benefit uses the head of "
        "household's. Where no head is recorded (or the head's ethnicity is blank), the members' common "
        "ethnicity is used, 'Mixed' when they differ and 'Not recorded' when none is known.",
        "Leakage means covered but not eligible under the rules: a case to review, not proof of fraud.",
    ],
    "vi": [
        "Số liệu đếm theo quyết định: mỗi người (chính sách cá nhân) hoặc mỗi hộ (chính sách hộ) với mỗi chính "
        "sách. Dòng 'Tất cả chính sách' cộng các quyết định của mọi chính sách tại địa bàn đó.",
        "Tỷ lệ bỏ sót = số bỏ sót ÷ số đủ điều kiện. Trường hợp đủ điều kiện nhưng chưa ghi tình trạng "
        "thụ hưởng được tính là 'cần bổ sung dữ liệu'.",
        "Số tiền chưa đến tay = tổng mức hưởng của các trường hợp bỏ sót, theo từng đơn vị; mức hưởng chưa "
        "tính được (thiếu dữ liệu) không được cộng.",
        "Dân tộc: chính sách cá nhân theo dân tộc của người đó; chính sách hộ theo dân tộc của chủ hộ. Nếu "
        "không ghi chủ hộ (hoặc dân tộc chủ hộ để trống) thì lấy dân tộc chung của các thành viên, "
        "'Nhiều dân tộc' nếu khác nhau, 'Chưa ghi' nếu không có.",
        "Hưởng sai là đang hưởng nhưng không đủ điều kiện theo quy định: trường hợp cần rà soát, không phải "
        "kết luận vi phạm.",
    ],
}

# Excel number formats by column code (by-unit amount columns are added below).
FORMATS = {"eligible": "#,##0", "covered": "#,##0", "gap": "#,##0", "leakage": "#,##0", "needs_data": "#,##0",
           "gap_rate": "0.0%", "rate": "0.00%", "numerator": "#,##0", "denominator": "#,##0", "unknown": "#,##0",
           "population_unknown": "#,##0", "to_reach": "#,##0", "money": "#,##0", "decisions": "#,##0"}
UNIT_FORMATS = {"vnd_per_month": "#,##0", "vnd_per_year": "#,##0", "vnd_once": "#,##0", "loan": "#,##0",
                "kg_rice": "#,##0", "share_of_premium": "0%"}
FORMATS.update({AMOUNT_PREFIX + u: ("#,##0.00" if u == "share_of_premium" else "#,##0") for u in UNITS})


def header(column: str, lang: str) -> str:
    return HEADERS[lang].get(column, column)


def value_labels(plan=None, lang: str = "en") -> dict[str, dict[str, str]]:
    """{column: {code: label}} for the coded columns a report shows (district, ethnicity, status, ...)."""
    out: dict[str, dict[str, str]] = {"unit": dict(UNIT_LABELS[lang])}
    if lang == "vi":
        for column, mapping in VALUES_VI.items():
            out[column] = {k: v for k, v in mapping.items() if v}
    special = SPECIAL_VALUES[lang]
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
_DIFF_HEADERS = {
    "en": {"kind": "What changes", "status_old": "Decision before", "status_new": "Decision after",
           "coverage_old": "Coverage before", "coverage_new": "Coverage after", "amount_old": "Amount before",
           "amount_new": "Amount after", "rule_old": "Rule before", "rule_new": "Rule after",
           "rule_label_old": "Rule applied before", "rule_label_new": "Rule applied after",
           "cause": "Because of", "what_changed": "What changed (before → after)",
           "gain": "Becoming eligible", "loss": "No longer eligible", "amount_up": "Amount rises",
           "amount_down": "Amount falls", "amount_unknown": "Amount known on one side only",
           "rate_old": "Interest/year before", "rate_new": "Interest/year after", "rate_change": "Interest rate changes",
           "rule_change": "Another rule", "status_change": "Other change of decision",
           "coverage_change": "Coverage changes", "monthly_old": "Monthly cost before (VND)",
           "monthly_new": "Monthly cost after (VND)", "monthly_change": "Monthly cost change (VND)",
           "yearly_old": "Yearly cost before (VND)", "yearly_new": "Yearly cost after (VND)",
           "yearly_change": "Yearly cost change (VND)", "once_change": "One-off payments change (VND)",
           "amount_unknown_new": "Eligible after, amount unknown", "households_gaining": "Households gaining",
           "households_losing": "Households losing", "decisions": "Decisions"},
    "vi": {"kind": "Thay đổi", "status_old": "Kết quả trước", "status_new": "Kết quả sau",
           "coverage_old": "Thụ hưởng trước", "coverage_new": "Thụ hưởng sau", "amount_old": "Mức hưởng trước",
           "amount_new": "Mức hưởng sau", "rule_old": "Mã quy định trước", "rule_new": "Mã quy định sau",
           "rule_label_old": "Quy định áp dụng trước", "rule_label_new": "Quy định áp dụng sau",
           "cause": "Nguyên nhân", "what_changed": "Nội dung thay đổi (trước → sau)",
           "gain": "Được hưởng mới", "loss": "Thôi hưởng", "amount_up": "Mức hưởng tăng",
           "amount_down": "Mức hưởng giảm", "amount_unknown": "Mức hưởng chỉ xác định ở một bên",
           "rate_old": "Lãi suất/năm trước", "rate_new": "Lãi suất/năm sau", "rate_change": "Lãi suất thay đổi",
           "rule_change": "Chuyển quy định", "status_change": "Kết quả khác thay đổi",
           "coverage_change": "Tình trạng thụ hưởng thay đổi", "monthly_old": "Chi phí tháng trước (đồng)",
           "monthly_new": "Chi phí tháng sau (đồng)", "monthly_change": "Chi phí tháng thay đổi (đồng)",
           "yearly_old": "Chi phí năm trước (đồng)", "yearly_new": "Chi phí năm sau (đồng)",
           "yearly_change": "Chi phí năm thay đổi (đồng)", "once_change": "Chi trả một lần thay đổi (đồng)",
           "amount_unknown_new": "Đủ ĐK sau, chưa tính được mức", "households_gaining": "Số hộ được hưởng mới",
           "households_losing": "Số hộ thôi hưởng", "decisions": "Số trường hợp"},
}
for _lang in ("en", "vi"):
    HEADERS[_lang].update(_DIFF_HEADERS[_lang])
FORMATS.update({"rate_old": "0.00%", "rate_new": "0.00%"})
FORMATS.update(dict.fromkeys(("rate_change", "gain", "loss", "amount_up", "amount_down", "amount_unknown", "rule_change", "status_change", "coverage_change", "monthly_old", "monthly_new", "monthly_change", "yearly_old", "yearly_new", "yearly_change", "once_change", "amount_unknown_new", "households_gaining", "households_losing", "decisions", "amount_old", "amount_new"), "#,##0"))

# ---------------------------------------------------------------- the audit of the programme lists (`gaps`)
_AUDIT_WORDS = [Coverage.GAP, Coverage.LEAKAGE, Coverage.UNDERPAID, Coverage.OVERPAID, Coverage.WRONG_LEVEL,
                Coverage.DECEASED_PAID, Coverage.NOT_IN_REGISTER, Coverage.DUPLICATE, Coverage.NEEDS_DATA]
_AUDIT_TITLES = {
    "en": {"audit_by_programme": "Audit of the programme lists: by programme",
           "audit_by_commune": "Audit of the programme lists: by commune",
           "audit_by_village": "Audit of the programme lists: by village",
           "audit_by_ethnicity": "Audit of the programme lists: by ethnicity",
           "audit_underpaid": "Paid less than due (underpaid)", "audit_overpaid": "Paid more than due (overpaid)",
           "audit_wrong_level": "Enrolled at another level than due (wrong level)",
           "audit_deceased_paid": "Paid after death", "audit_not_in_register": "On a list, in no register (to verify)",
           "audit_duplicate": "Paid twice (same programme, or two that pay only one)",
           "list_matching": "How the list entries were matched to the register"},
    "vi": {"audit_by_programme": "Đối chiếu danh sách chi trả: theo chương trình",
           "audit_by_commune": "Đối chiếu danh sách chi trả: theo xã",
           "audit_by_village": "Đối chiếu danh sách chi trả: theo thôn/bản",
           "audit_by_ethnicity": "Đối chiếu danh sách chi trả: theo dân tộc",
           "audit_underpaid": "Chi trả thấp hơn mức được hưởng", "audit_overpaid": "Chi trả cao hơn mức được hưởng",
           "audit_wrong_level": "Hưởng sai mức (hệ số, nhóm thẻ)", "audit_deceased_paid": "Vẫn chi trả sau khi chết",
           "audit_not_in_register": "Có trong danh sách nhưng không có trong sổ hộ (cần xác minh)",
           "audit_duplicate": "Chi trả trùng (cùng chương trình, hoặc hai chương trình chỉ được hưởng một)",
           "list_matching": "Kết quả ghép danh sách với sổ hộ"},
}
_AUDIT_SHEETS = {
    "en": {"audit_by_programme": "Audit by programme", "audit_by_commune": "Audit by commune",
           "audit_by_village": "Audit by village", "audit_by_ethnicity": "Audit by ethnicity",
           "audit_underpaid": "Underpaid", "audit_overpaid": "Overpaid", "audit_wrong_level": "Wrong level",
           "audit_deceased_paid": "Paid after death", "audit_not_in_register": "Not in register",
           "audit_duplicate": "Duplicates", "list_matching": "List matching"},
    "vi": {"audit_by_programme": "Đối chiếu theo chương trình", "audit_by_commune": "Đối chiếu theo xã",
           "audit_by_village": "Đối chiếu theo thôn bản", "audit_by_ethnicity": "Đối chiếu theo dân tộc",
           "audit_underpaid": "Chi thấp hơn mức", "audit_overpaid": "Chi cao hơn mức", "audit_wrong_level": "Sai mức",
           "audit_deceased_paid": "Chi sau khi chết", "audit_not_in_register": "Không có trong sổ hộ",
           "audit_duplicate": "Chi trùng", "list_matching": "Ghép danh sách"},
}
_AUDIT_HEADERS = {
    "en": {"programme": "Programme", "finding": "Finding", "paid": "Paid (VND)", "due": "Due (VND)",
           "money": "Money involved (VND)", "level_paid": "Level paid", "level_due": "Level due",
           "parameter_values": "Values used", "match": "How matched", "candidates": "Register's nearest names",
           "file": "List file", "row": "List row", "note": "Note", "entries": "Entries", "by_id": "Matched by ID",
           "by_name": "Matched by name, birth year and commune", "ambiguous": "Ambiguous (several people fit)",
           "unmatched": "Unmatched (nobody fits)"},
    "vi": {"programme": "Chương trình", "finding": "Kết quả đối chiếu", "paid": "Đã chi (đồng)",
           "due": "Được hưởng (đồng)", "money": "Số tiền liên quan (đồng)", "level_paid": "Mức/hệ số đang chi",
           "level_due": "Mức/hệ số được hưởng", "parameter_values": "Giá trị áp dụng", "match": "Cách ghép",
           "candidates": "Tên gần nhất trong sổ hộ", "file": "Tệp danh sách", "row": "Dòng trong danh sách",
           "note": "Ghi chú", "entries": "Số dòng", "by_id": "Ghép theo mã",
           "by_name": "Ghép theo họ tên, năm sinh và xã", "ambiguous": "Không rõ (nhiều người trùng)",
           "unmatched": "Không ghép được (không ai trùng)"},
}
_MONEY = {"en": "{label}: money (VND)", "vi": "{label}: số tiền (đồng)"}
for _lang in ("en", "vi"):
    TITLES[_lang].update(_AUDIT_TITLES[_lang])
    SHEETS[_lang].update(_AUDIT_SHEETS[_lang])
    HEADERS[_lang].update(_AUDIT_HEADERS[_lang])
    HEADERS[_lang].update({w.value: _count_header(w, _lang) for w in _AUDIT_WORDS})
    HEADERS[_lang].update({f"{w.value}_money": _MONEY[_lang].format(label=_count_header(w, _lang))
                           for w in _AUDIT_WORDS})
FORMATS.update(dict.fromkeys(["paid", "due", "money", "entries", "by_id", "by_name", "ambiguous", "unmatched"]
                             + [w.value for w in _AUDIT_WORDS] + [f"{w.value}_money" for w in _AUDIT_WORDS], "#,##0"))
FORMATS.update({"level_paid": "0.00##", "level_due": "0.00##"})
