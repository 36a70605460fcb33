"""A Parquet register's typed columns are typed straight from their Arrow types (register/stored.py,
storedtypes.py), and text cells held by Arrow (CSV, Parquet text) from their Arrow strings where
they read plainly (textcells.py); what is read and said is exactly what converting the whole table
to pandas first and typing every column with `convert_column` gave (the reading before): the frames
cell for cell (the buffers under missing values too), rejects, cell issues, accounting, notes,
mapping. On typed registers with every kind of bad cell, with and without pandas' metadata, as text
(officers' files converted from Excel), as CSV (in English and Vietnamese spellings, with amounts
grouped, decimal commas, signs, dates in two formats), partitioned with a different dictionary per
part, and for one household."""
from __future__ import annotations

import dataclasses
import functools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal
from register_helpers import AS_OF

from eligibility.api import load_rules
from eligibility.register import read_register, reader, sources, stored, storedtypes, write_register
from eligibility.register.options import ReadOptions
from eligibility.synthetic import generate_sample


@pytest.fixture(scope="module")
def plan():
    return load_rules()


@pytest.fixture(scope="module")
def sample(plan):
    households, members = generate_sample(40, seed=20, as_of=AS_OF, plan=plan)
    return households, members


def _written(tmp_path, households, members, bad: bool = False):
    """The sample as `write_register` writes Parquet (as the bench register), with `bad` cells."""
    folder = tmp_path / "register"
    write_register(households, members, folder, fmt="parquet", schema=_schema())
    if bad:
        frames = _bad_cells(*(pd.read_parquet(folder / f"{n}.parquet") for n in ("households", "members")))
        for name, frame in zip(("households", "members"), frames):
            frame.to_parquet(folder / f"{name}.parquet", index=False, row_group_size=16)
    return folder


@functools.cache
def _schema():
    return load_rules().inputs


def _bad_cells(households: pd.DataFrame, members: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every kind of bad cell a typed file can hold, in typed columns and in columns stored as text."""
    hh, mm = households.copy(), members.copy()
    hh["income_per_capita"] = hh["income_per_capita"].astype("Int64")
    hh.loc[0, "income_per_capita"] = -5                     # R-NEGATIVE
    hh.loc[1, "income_per_capita"] = 10**13                  # out of range
    hh["disaster_deaths"] = pd.array([1.5, np.inf, np.nan] + [2.0] * (len(hh) - 3), dtype="float64")
    dates = hh["area_exited_difficult_date"].astype("datetime64[ns]")
    dates[2] = pd.Timestamp("2020-03-04 10:30")              # a time of day
    dates[3] = pd.Timestamp("1850-01-01")                    # before 1900
    dates[4] = pd.Timestamp("2030-01-01")                    # after the as-of date
    hh["area_exited_difficult_date"] = dates
    district = hh["district"].astype(object)
    district[5] = "Huyện Mới"                                # no such district
    hh["district"] = pd.Categorical(district)
    hh["area_type"] = hh["area_type"].astype(object).where(hh.index != 6, "Nông thôn").astype("string")
    hh.loc[7, "area_type"] = "ven biển"                      # an enum stored as text, unknown
    hh["poor_commune"] = pd.array(["có", "không", "x", "maybe", None] * (len(hh) // 5), dtype="string")
    hh["hardship_household"] = pd.array([0, 1, 2, None] * (len(hh) // 4), dtype="Int64")  # yes/no as numbers
    hh["food_short_tet"] = pd.array(["x", None, "✓", None] * (len(hh) // 4), dtype="string")  # a tick-box column
    hh.loc[8, "household_id"] = hh.loc[9, "household_id"]    # a duplicate ID
    hh.loc[10, "household_id"] = "  " + hh.loc[10, "household_id"] + " "
    hh.loc[11, "head_name"] = "   "
    hh.loc[12, "head_name"] = None
    mm.loc[0, "person_id"] = mm.loc[1, "person_id"]          # a duplicate person
    mm.loc[2, "person_id"] = None                            # a generated ID
    mm.loc[3, "household_id"] = "NO-SUCH-HOUSEHOLD"          # an orphan
    sex = mm["sex"].astype(object)
    sex[4], sex[5] = "nữ", "female?"                         # a Vietnamese label, an unknown spelling
    mm["sex"] = pd.Categorical(sex)
    distance = mm["school_distance_km"].astype("Float64")
    distance[6], distance[7] = np.inf, -3.0
    mm["school_distance_km"] = distance
    mm["martyr_count"] = mm["martyr_count"].astype("Int64")
    mm.loc[8, "martyr_count"] = 10**10
    births = mm["date_of_birth"].astype(object).astype("string")
    mm["date_of_birth"] = births.where(mm.index > 10, pd.array(["1944", "03/1944", "năm 1950", "31/02/2000",
                                                                 "hôm qua", "", None, "45292", "2001-05-06",
                                                                 "06/05/2001", "  "] + [None] * (len(mm) - 11),
                                                                dtype="string"))
    return hh, mm


def _without_pandas_metadata(folder) -> None:
    """As written by another tool: pyarrow's types, no pandas dtypes recorded."""
    for path in folder.glob("*.parquet"):
        table = pq.read_table(path)
        pq.write_table(table.replace_schema_metadata(None), path, row_group_size=16)


def _as_text(folder) -> None:
    """As an officer's workbook converted to Parquet: every column text."""
    for path in folder.glob("*.parquet"):
        frame = pd.read_parquet(path)
        text = frame.apply(lambda c: c.astype("string").astype(object).where(c.notna(), None))
        text.to_parquet(path, index=False)


def _as_csv(folder, vi: bool = False) -> None:
    """As an officer's CSV files: every cell text, with spellings, amounts and dates as officers write
    them in some cells (each of which the plain Arrow typing leaves to the usual way)."""
    for name in ("households", "members"):
        frame = pd.read_parquet(folder / f"{name}.parquet").astype("string").astype(object)
        (folder / f"{name}.parquet").unlink()
        if name == "households":
            frame.loc[0, "income_per_capita"] = "1.500.000"       # grouped
            frame.loc[1, "income_per_capita"] = "  2 000 000 đ"    # spaced, with its unit
            frame.loc[2, "income_per_capita"] = "-0"
            frame.loc[3, "income_per_capita"] = "1e3"
            frame.loc[4, "disaster_deaths"] = "2,5"               # a decimal comma in a count
            frame.loc[5, "poor_commune"] = " Có "
            frame.loc[6, "poor_commune"] = "KHÔNG"
            frame.loc[7, "poverty_exit_date"] = "24/12/2023"      # a second date format
            frame.loc[8, "poverty_list_since"] = "1899-12-31"     # before 1900, the column's only bad cell
        else:
            frame.loc[10, "school_distance_km"] = "3,5"
            frame.loc[11, "school_distance_km"] = "12345678901234567"   # more digits than float64 holds
            frame.loc[12, "martyr_count"] = "+2"
            frame.loc[13, "disability_certified_date"] = "2026-01-01"   # after the as-of date, its only bad cell
        if vi:
            frame = frame.replace({"True": "có", "False": "không"})
        frame.to_csv(folder / f"{name}.csv", index=False)


def _read(folder, whole: bool, monkeypatch, **kwargs):
    """`whole`: the reading before (the whole table converted to pandas, every column typed from it)."""
    with monkeypatch.context() as patch:
        if whole:
            patch.setattr(stored, "stored_table", stored.whole_table)
            patch.setattr(sources.RawTable, "stored", lambda self, header: None)
            for how in storedtypes.TEXT_TYPINGS:
                patch.setitem(storedtypes.TEXT_TYPINGS, how, lambda *args: None)
        return read_register(folder, _schema(), AS_OF, **kwargs)


def _assert_same(new, old) -> None:
    for field in dataclasses.fields(new):
        a, b = getattr(new, field.name), getattr(old, field.name)
        if isinstance(a, pd.DataFrame):
            assert_frame_equal(a, b, check_exact=True, obj=field.name)
            for column in a.columns:   # the values under missing cells too: the engine reads the buffers
                data = getattr(a[column].array, "_data", None)
                if data is not None and not isinstance(data, pa.ChunkedArray):
                    assert np.array_equal(data, b[column].array._data), (field.name, column)
        elif isinstance(a, dict) and any(isinstance(v, pd.DataFrame) for v in a.values()):
            assert a.keys() == b.keys()
            for key in a:
                assert_frame_equal(a[key], b[key], check_exact=True, obj=f"{field.name}[{key}]")
        else:
            assert a == b, field.name


@pytest.fixture
def used(monkeypatch):
    """The columns typed straight from Arrow, and the columns converted to pandas, as they happen."""
    seen: dict[str, list] = {"typed": [], "pandas": []}
    convert, column = reader.convert_stored, stored.StoredTable.column

    def spy_convert(raw, header, spec, as_of):
        out = convert(raw, header, spec, as_of)
        if out is not None:
            seen["typed"].append(header)
        return out

    def spy_column(self, header):
        seen["pandas"].append(header)
        return column(self, header)

    monkeypatch.setattr(reader, "convert_stored", spy_convert)
    monkeypatch.setattr(stored.StoredTable, "column", spy_column)
    return seen


def test_a_typed_register_is_typed_from_arrow_converting_only_its_dates(sample, tmp_path, monkeypatch, used):
    folder = _written(tmp_path, *sample)
    new = _read(folder, False, monkeypatch)
    schema = _schema()
    declared = {**schema.households.columns, **schema.members.columns}
    assert len(used["typed"]) == sum(h in declared for h in used["typed"]) >= 80
    assert {declared[h].type for h in used["pandas"]} == {"date"}   # dates are typed on pandas' own column
    assert new.ok
    _assert_same(new, _read(folder, True, monkeypatch))


def test_columns_typed_from_pandas_are_converted_together(sample, tmp_path, monkeypatch):
    """An officer's register as text: its columns converted in one call per table, as before (pandas'
    conversion costs a few milliseconds a call, a tenth of a second on a small register if per column)."""
    folder = _written(tmp_path, *sample)
    _as_text(folder)
    calls = []
    convert = stored.as_pandas
    monkeypatch.setattr(stored, "as_pandas", lambda table: calls.append(table.num_rows) or convert(table))
    assert _read(folder, False, monkeypatch).ok
    # besides a zero-row look at each table's columns: one call per table, and one for a yes/no
    # column of yes only, whose cells are looked at to see whether it is a tick-box column
    assert len([n for n in calls if n]) <= 3, calls


@pytest.mark.slow   # six reads of a register with every kind of bad cell, three ways
@pytest.mark.parametrize("variant", ["pandas metadata", "no pandas metadata", "text", "csv", "csv vi"])
def test_bad_cells_read_and_said_as_before(sample, tmp_path, monkeypatch, variant, used):
    folder = _written(tmp_path, *sample, bad=True)
    if variant == "no pandas metadata":
        _without_pandas_metadata(folder)
    if variant == "text":
        _as_text(folder)
    if variant.startswith("csv"):
        _as_csv(folder, vi=variant == "csv vi")
    new = _read(folder, False, monkeypatch)
    old = _read(folder, True, monkeypatch)
    _assert_same(new, old)
    codes = set(new.rejects["code"]) | set(new.cell_issues["code"])
    assert {"R-DUPLICATE-ID", "R-ORPHAN-MEMBER", "R-ENUM", "R-TYPE", "R-RANGE", "R-DATE",
            "C-ID-GENERATED"} <= codes, codes
    if variant != "text" and not variant.startswith("csv"):
        assert {"R-NEGATIVE", "R-DATE-FUTURE"} <= codes, codes
        assert len(used["typed"]) >= 50   # without pandas metadata, yes/no columns with blanks go the usual way
    else:   # text cells: typed from Arrow where they read plainly, the bad ones the usual way
        assert len(used["typed"]) >= 60, used["typed"]
    told = ReadOptions(blank_means_no=("farming_household", "hardship_household", "poor_commune"))
    _assert_same(_read(folder, False, monkeypatch, options=told), _read(folder, True, monkeypatch, options=told))
    one = str(sample[0]["household_id"].iloc[20])
    _assert_same(_read(folder, False, monkeypatch, household=one), _read(folder, True, monkeypatch, household=one))


@pytest.mark.slow
def test_partitioned_parts_with_their_own_dictionaries(sample, tmp_path, monkeypatch):
    folder = _written(tmp_path, *sample, bad=True)
    members = pd.read_parquet(folder / "members.parquet")
    (folder / "members.parquet").unlink()
    parts = folder / "members"
    parts.mkdir()
    half = len(members) // 2
    for i, rows in enumerate([members.iloc[:half], members.iloc[half:]]):
        rows = rows.copy()
        for column in ("sex", "ethnicity", "relation_to_head"):   # each part's own categories
            rows[column] = pd.Categorical(rows[column].astype(object))
        rows.to_parquet(parts / f"part-{i}.parquet", index=False, row_group_size=7)
    assert pq.read_table(parts)["ethnicity"].num_chunks > 2
    _assert_same(_read(folder, False, monkeypatch), _read(folder, True, monkeypatch))


def test_text_cells_held_by_arrow_follow_their_frame(tmp_path):
    """A CSV table's Arrow strings, kept per column, are those of the frame as it is now (a footer
    trimmed replaces it); cells pandas holds otherwise are not given as Arrow."""
    location = sources.Location("households", tmp_path / "households.csv", "csv")
    frame = pd.DataFrame({"a": pd.array(["x", "y", "Ký tên"], dtype="str"), "b": pd.array([1, 2, 3], dtype="Int64")})
    raw = sources.RawTable(location, frame, np.array([2, 3, 4]))
    assert raw.stored("a").to_pylist() == ["x", "y", "Ký tên"] and raw.stored("b") is None
    raw.frame = raw.frame.iloc[:2]
    assert raw.stored("a").to_pylist() == ["x", "y"]
