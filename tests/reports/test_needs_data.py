"""What to ask next (`needs_data.xlsx` / `.html`, written by `screen`): every undetermined decision's
missing inputs as questions per household, worded from the inputs' labels, ranked by the decisions
and the money each answer settles; a date known to its year only asks for its day and month."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from report_fixtures import print_to_pdf

from eligibility.api import screen_register
from eligibility.cli import main
from eligibility.reports.needsdata import questionnaire

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sample_households" / "demo"
AS_OF = dt.date(2025, 11, 15)


@pytest.fixture(scope="module")
def demo(demo_screened):
    return demo_screened(AS_OF, lang="vi")


@pytest.fixture(scope="module")
def screened(tmp_path_factory):
    out = tmp_path_factory.mktemp("screen") / "out"
    done = CliRunner().invoke(main, ["screen", str(DEMO), "--as-of", AS_OF.isoformat(), "--out", str(out)])
    assert done.exit_code == 0, done.output
    return out


def test_every_undetermined_decision_has_its_inputs_asked(demo):
    table = questionnaire(demo, "vi")
    undetermined = demo.decisions[demo.decisions["status"].astype(str) == "undetermined"]
    assert len(undetermined) >= 5
    asked = set(zip(table["household_id"], table["input"]))
    for row in undetermined.itertuples():
        for item in str(row.missing_inputs).split(", "):
            name = re.sub(r"^(household|member)\.| \(.*\)$", "", item)
            assert (row.household_id, name) in asked, (row.household_id, item)
    pairs = sum(len(str(m).split(", ")) for m in undetermined["missing_inputs"])
    assert table["decisions"].sum() == pairs          # each (decision, input) counted once
    assert set(table["household_id"]) == set(undetermined["household_id"])


def test_questions_are_worded_from_the_labels_with_their_answers(demo):
    table = questionnaire(demo, "vi")
    status = table[table["input"] == "poverty_list_status"].iloc[0]
    assert status["question"] == demo.plan.inputs.households.columns["poverty_list_status"].label.vi
    assert "Hộ nghèo" in status["answers"] and status["person"] == "cả hộ"
    member = table[table["input"] == "injured_treatment_days"].iloc[0]
    assert member["person"] not in ("", "cả hộ")       # a member's question names the member


def test_questions_are_ranked_within_each_household_and_households_within_each_village(demo):
    table = questionnaire(demo, "vi")
    for _, questions in table.groupby("household_id", sort=False):
        assert list(questions["priority"]) == list(range(1, len(questions) + 1))
        keys = list(zip(-questions["decisions"], -questions["money"]))
        assert keys == sorted(keys)
    assert list(table["village"]) == sorted(table["village"], key=lambda v: list(pd.unique(table["village"])).index(v))
    totals = table.groupby(["commune", "village", "household_id"], sort=False)["decisions"].sum().reset_index()
    for _, village in totals.groupby(["commune", "village"], sort=False):
        assert list(village["decisions"]) == sorted(village["decisions"], reverse=True)
    # the household whose one answer settles three decisions comes first in its village, with money at stake
    top = table[table["input"] == "poverty_list_status"].iloc[0]
    assert (top["priority"], top["decisions"]) == (1, 3) and top["money"] > 0


def test_a_year_of_birth_asks_for_the_day_and_month(tmp_path):
    members = pd.read_csv(DEMO / "members.csv", dtype=str, keep_default_na=False)
    (tmp_path / "households.csv").write_text((DEMO / "households.csv").read_text(encoding="utf-8"), encoding="utf-8")
    column = "date_of_birth" if "date_of_birth" in members.columns else "Ngày sinh"
    person = "person_id" if "person_id" in members.columns else members.columns[0]
    # DM13-1, born 10/08/1944, poor, no supporter: the allowance from 80 is undecided on 30/06/2024
    # when only the year 1944 is known (79 or 80)
    members.loc[members[person] == "DM13-1", column] = "1944"
    members.to_csv(tmp_path / "members.csv", index=False)
    screening = screen_register(tmp_path, dt.date(2024, 6, 30), lang="vi")
    table = questionnaire(screening, "vi")
    asked = table[(table["input"] == "date_of_birth") & (table["household_id"] == "DM13")]
    assert len(asked) == 1
    assert asked["question"].iloc[0] == "Ngày sinh (cần ngày và tháng, mới biết năm)"


def test_screen_writes_both_files_through_the_output_folder(screened):
    manifest = json.loads((screened / "manifest.json").read_text(encoding="utf-8"))
    assert {"needs_data.xlsx", "needs_data.html"} <= set(manifest["files"])
    assert manifest["needs_data"]["written"] and manifest["needs_data"]["questions"] >= 5
    wb = load_workbook(screened / "needs_data.xlsx")
    sheet = wb.worksheets[0]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    headers = [c.value for c in sheet[1]]
    assert "Câu hỏi" in headers and "Mã hộ" in headers and "Ưu tiên" in headers
    assert all(sheet.column_dimensions[c].width for c in "ABCDEFG")
    page = (screened / "needs_data.html").read_text(encoding="utf-8")
    assert "@page" in page and "PHIẾU HỎI" in page and page.count("data-village=") >= 3


def test_no_questions_is_said_in_the_manifest(tmp_path):
    out = tmp_path / "out"
    done = CliRunner().invoke(main, ["screen", str(DEMO), "--as-of", AS_OF.isoformat(), "--out", str(out),
                                     "--no-questions"])
    assert done.exit_code == 0, done.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["needs_data"] == {"written": False, "reason": "--no-questions"}
    assert not (out / "needs_data.xlsx").exists()


@pytest.mark.slow
def test_chromium_prints_the_questionnaire_a_page_group_per_village(chromium, screened, tmp_path):
    page = screened / "needs_data.html"
    _, pages = print_to_pdf(chromium, page, tmp_path)
    assert pages >= page.read_text(encoding="utf-8").count("data-village=")


def test_the_money_column_is_a_number_formatted_in_dong(screened):
    sheet = load_workbook(screened / "needs_data.xlsx").worksheets[0]
    headers = [c.value for c in sheet[1]]
    money = headers.index("Số tiền liên quan (đồng/năm, tối đa)") + 1
    cells = [sheet.cell(row=r, column=money) for r in range(2, sheet.max_row + 1)]
    assert any(isinstance(c.value, (int, float)) and c.value > 0 for c in cells)
    assert all(c.number_format == "#,##0" for c in cells if isinstance(c.value, (int, float)))
