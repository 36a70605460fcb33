"""Kinship terms as household books write them, and tick-box columns (x = yes, blank = no)."""
from __future__ import annotations

import pytest

from eligibility.errors import DataError
from eligibility.register.convert import did_you_mean, enum_spellings
from eligibility.register.options import ReadOptions

pytestmark = pytest.mark.slow   # `make test-fast` keeps the CPU budget: this area has its fast tests elsewhere

KINSHIP = {
    "Con dâu": "child_in_law", "Con rể": "child_in_law", "Cháu nội": "grandchild", "Cháu ngoại": "grandchild",
    "Bố vợ": "parent_in_law", "Mẹ vợ": "parent_in_law", "Bố chồng": "parent_in_law", "Mẹ chồng": "parent_in_law",
    "Anh": "sibling", "Chị": "sibling", "Em": "sibling", "Ông": "grandparent", "Bà": "grandparent",
    "Cô": "aunt_uncle", "Dì": "aunt_uncle", "Chú": "aunt_uncle", "Bác": "aunt_uncle", "con dau": "child_in_law",
    "Vợ": "spouse", "Con": "child", "Chủ hộ": "head",
}


def _register(tmp_path, households: str, members: str):
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "households.csv").write_text(households, encoding="utf-8")
    (folder / "members.csv").write_text(members, encoding="utf-8")
    return folder


def test_kinship_terms_map_to_declared_relations(read, tmp_path):
    rows = "".join(f"P{i},H1,01/01/1980,{term}\n" for i, term in enumerate(KINSHIP))
    folder = _register(tmp_path, "Mã hộ,Xã/phường\nH1,Bum Tở\n", "Mã người,Mã hộ,Ngày sinh,Quan hệ với chủ hộ\n" + rows)
    reg = read(folder)
    assert reg.cell_issues.empty, reg.cell_issues.to_string()
    assert reg.members["relation_to_head"].astype(str).tolist() == list(KINSHIP.values())


def test_an_unknown_term_is_an_unknown_cell_with_no_guess(read, tmp_path):
    folder = _register(tmp_path, "Mã hộ,Xã/phường\nH1,Bum Tở\n",
                       "Mã người,Mã hộ,Ngày sinh,Quan hệ với chủ hộ\nP1,H1,01/01/1980,Chủ hộ\n"
                       "P2,H1,01/01/1990,Con nuôi dâu\nP3,H1,01/01/1990,Cháu họ\n")
    reg = read(folder)
    issues = reg.cell_issues.set_index("value")
    assert set(issues.index) == {"Con nuôi dâu", "Cháu họ"}
    assert not issues["reason"].str.contains("did you mean").any()  # no 'Con', no 'Cháu'
    assert reg.members["relation_to_head"].isna().sum() == 2 and len(reg.members) == 3


def test_did_you_mean_never_offers_a_shorter_first_word(schema):
    _, _, shown = enum_spellings(schema.members.columns["relation_to_head"])
    assert did_you_mean("Con dâuu", shown) == "Con dâu"   # a typo: close enough
    for value in ("Con dâu nuôi", "Cháu họ", "Con út"):
        hit = did_you_mean(value, shown)
        assert hit is None or not value.lower().startswith(hit.lower() + " "), (value, hit)
    assert did_you_mean("Con cả", shown) is None


def test_a_column_of_x_marks_is_a_tick_box(read, tmp_path):
    folder = _register(tmp_path, "Mã hộ,Xã/phường,Hộ khó khăn,Có nơi ở khác\nH1,Bum Tở,x,có\nH2,Bum Tở,,\nH3,Bum Tở,X,không\n",
                       "Mã người,Mã hộ,Ngày sinh,Sống cô đơn\nP1,H1,01/01/1980,✓\nP2,H2,01/01/1980,\nP3,H3,01/01/1980,\n")
    reg = read(folder)
    assert reg.households["hardship_household"].tolist() == [True, False, True]
    assert reg.households["has_other_home"].tolist()[1] is not False  # có/không: blank stays unknown
    assert reg.members["lives_alone"].tolist() == [True, False, False]
    rows = reg.mapping.set_index("input")
    assert rows.loc["hardship_household", "blank"] == "blank = no (tick-box column: only tick marks); 1 empty cell(s) read so"
    assert rows.loc["has_other_home", "blank"] == "blank = unknown"
    # the cell accounting counts the blank as empty, not as a value read
    assert reg.cell_accounting["households"]["empty"] >= 2


def test_declared_blank_no_and_the_option(read, tmp_path):
    folder = _register(tmp_path, "Mã hộ,Xã/phường,Thiếu đói Tết,Có nơi ở khác\nH1,Bum Tở,có,có\nH2,Bum Tở,,\n",
                       "Mã người,Mã hộ,Ngày sinh\nP1,H1,01/01/1980\nP2,H2,01/01/1980\n")
    reg = read(folder)
    assert reg.households["food_short_tet"].tolist() == [True, False]  # blank: no (rules/inputs)
    assert reg.mapping.set_index("input").loc["food_short_tet", "blank"].startswith("blank = no (declared)")
    assert reg.households["has_other_home"].isna().tolist() == [False, True]
    reg = read(folder, options=ReadOptions(blank_means_no=("Có nơi ở khác",)))
    assert reg.households["has_other_home"].tolist() == [True, False]
    assert reg.mapping.set_index("input").loc["has_other_home", "blank"].startswith("blank = no (--blank-means-no)")
    with pytest.raises(DataError, match="--blank-means-no names no column of the register: Có nhà"):
        read(folder, options=ReadOptions(blank_means_no=("Có nhà",)))


def test_a_bad_tick_cell_stays_unknown(read, tmp_path):
    folder = _register(tmp_path, "Mã hộ,Xã/phường,Thiếu đói Tết\nH1,Bum Tở,có lẽ\nH2,Bum Tở,\n",
                       "Mã người,Mã hộ,Ngày sinh\nP1,H1,01/01/1980\nP2,H2,01/01/1980\n")
    reg = read(folder)
    assert reg.households["food_short_tet"].isna().tolist() == [True, False]
    assert reg.cell_issues["value"].tolist() == ["có lẽ"]
