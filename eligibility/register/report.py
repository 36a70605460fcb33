"""What a register read leaves for the outputs: the column mapping (`columns.*`), the rows skipped
as not data, and the manifest's record of both (hooks for `outputs.py`)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

COLUMN_HEADERS_VI = {
    "table": "Bảng", "file": "Tệp", "position": "Cột số", "source_header": "Tiêu đề cột trong tệp",
    "input": "Dữ liệu đầu vào", "how": "Cách khớp (en)", "how_vi": "Cách khớp", "blank": "Ô trống nghĩa là",
    "note": "Ghi chú",
}


def register_record(register) -> dict:
    """The manifest's part: mapping rows and skipped rows (empty when the screening read no files)."""
    if register is None:
        return {}
    out: dict = {}
    mapping = getattr(register, "mapping", None)
    if mapping is not None and not mapping.empty:
        out["columns"] = _records(mapping)
    skipped = getattr(register, "skipped", None)
    if skipped is not None and not skipped.empty:
        out["skipped_rows"] = _records(skipped)
    return out


def _records(frame: pd.DataFrame) -> list[dict]:
    clean = frame.astype(object).where(frame.notna(), None)
    records = clean.to_dict("records")
    for record in records:  # a few hundred at most: JSON wants plain ints
        for key, value in record.items():
            if isinstance(value, float) and value.is_integer():
                record[key] = int(value)
    return records


def register_tables(register, out: Path, fmt: str, lang: str, write_table) -> dict[str, Path]:
    """`columns.<fmt>`: the mapping table, headers in `lang`."""
    mapping = getattr(register, "mapping", None)
    if mapping is None or mapping.empty:
        return {}
    frame = mapping.copy()
    frame["position"] = frame["position"].astype("Int64")
    if lang == "vi":
        frame = frame.rename(columns=COLUMN_HEADERS_VI)
    return {"columns": write_table(frame, out / "columns", fmt)}
