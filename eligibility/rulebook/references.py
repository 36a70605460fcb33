"""Convert references of the old one-string form (`{instrument: Decree 20/2021/NĐ-CP, article: "5"}`)
into the structured form (`{kind: decree, number: 20/2021/NĐ-CP, article: "5"}`), in place.

    python -m eligibility.rulebook.references rules/policies/new_benefit.yaml [...]

Only the flow mapping around each `instrument:` is rewritten; every other byte of the file stays as
it was (comments, order, line numbers), and the file is re-read afterwards to check it still parses
to the same data apart from the reference. An instrument the converter cannot read is reported
with its file:line and left for a person to write by hand.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

KIND_WORDS = {"Law": "law", "Ordinance": "ordinance", "Resolution": "resolution", "Decree": "decree",
              "Decision": "decision", "Circular": "circular", "Plan": "plan", "Conclusion": "conclusion"}

# Names of the laws and ordinances the pack cites (a Vietnamese citation names a law: "Luật Bảo hiểm y tế").
TITLES = {
    "51/2024/QH15": ("Bảo hiểm y tế", "Health Insurance"),
    "41/2024/QH15": ("Bảo hiểm xã hội", "Social Insurance"),
    "102/2016/QH13": ("Trẻ em", "Children"),
    "02/2020/UBTVQH14": ("Ưu đãi người có công với cách mạng", "Preferential Treatment of People with Meritorious "
                         "Services to the Revolution"),
}
# Sources that are not numbered instruments: their Vietnamese wording.
OTHERS = {
    "VBSP Board of Directors decision (2022)":
        "Quyết định của Hội đồng quản trị Ngân hàng Chính sách xã hội (2022)",
    "Rule-pack convention (no legal instrument)":
        "Quy ước của bộ quy tắc (không phải văn bản pháp luật)",
    "2024-2025 campaign to eliminate temporary and dilapidated houses":
        "Phong trào thi đua xóa nhà tạm, nhà dột nát giai đoạn 2024-2025",
}
MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                      "Dec"), start=1)}
ONE = re.compile(r"^(?P<kind>[A-Z][a-z]+) (?P<number>\d+/[^\s;()]+)(?: on (?P<on>[^()]+?))?"
                 r"(?: \((?P<when>[^)]*)\))?$")
FLOW = re.compile(r"\{instrument: (?P<value>[^,}]+)(?P<rest>[^}]*)\}")


def structured(instrument: str) -> dict[str, object]:
    """The fields of one old instrument string (raises ValueError if it cannot be read)."""
    parts = [p.strip() for p in instrument.split(";")]
    if len(parts) > 1:
        first = structured(parts[0])
        first["also"] = [structured(p) for p in parts[1:]]
        return first
    text = parts[0]
    if text in OTHERS:
        return {"kind": "other", "title": {"vi": OTHERS[text], "en": text}}
    if text.startswith("Test"):           # test fixtures: a made-up source, the same in both languages
        return {"kind": "other", "title": text}
    match = ONE.match(text)
    if not match or match["kind"] not in KIND_WORDS:
        raise ValueError(f"cannot read the instrument '{text}'")
    out: dict[str, object] = {"kind": KIND_WORDS[match["kind"]], "number": match["number"]}
    if match["number"] in TITLES:
        vi, en = TITLES[match["number"]]
        out["title"] = {"vi": vi, "en": en}
    when = match["when"]
    if when and re.fullmatch(r"\d{4}", when):
        out["year"] = int(when)
    elif when:
        day, month, year = when.split()
        out["date"] = dt.date(int(year), MONTHS[month[:3]], int(day))
    return out


def _flow(fields: dict[str, object]) -> str:
    items = []
    for key, value in fields.items():
        if isinstance(value, dict):
            value = "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
        elif isinstance(value, list):
            value = "[" + ", ".join("{" + _flow(v) + "}" for v in value) + "]"
        else:
            value = _scalar(value)
        items.append(f"{key}: {value}")
    return ", ".join(items)


def _scalar(value: object) -> str:
    if isinstance(value, (int, dt.date)):
        return str(value)
    text = str(value)
    return f'"{text}"' if re.search(r"[:#,\[\]{}]|^\d", text) else text


def convert_text(text: str, where: str = "") -> tuple[str, list[str]]:
    """The text with every `{instrument: ...}` rewritten; and the problems found (file:line)."""
    problems: list[str] = []

    def rewrite(match: re.Match[str]) -> str:
        rest = match["rest"]
        try:
            fields = structured(match["value"].strip().strip("'\""))
        except ValueError as err:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"{where}:{line}: {err}")
            return match.group(0)
        if fields.get("kind") == "plan":      # plans are cited by section and point, not article and clause
            rest = re.sub(r"article: (\"?\w+\"?), clause: (\"?\w+\"?)", r"section: \1, point: \2", rest)
        return "{" + _flow(fields) + rest + "}"

    return FLOW.sub(rewrite, text), problems


def convert_file(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    new, problems = convert_text(text, str(path))
    if new != text:
        path.write_text(new, encoding="utf-8")
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    problems = []
    for name in argv:
        path = Path(name)
        for file in sorted(path.rglob("*.yaml")) if path.is_dir() else [path]:
            problems += convert_file(file)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
