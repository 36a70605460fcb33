"""The auditor's pass on the demo register with a hand-made payroll: each status with its money,
worked by hand from POLICIES.md (standard 500,000 from 1 Jul 2024, §1; coefficients §3.1)."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from eligibility.api import screen_register
from eligibility.outputs import write_outputs

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2025, 11, 15)
LISTS = """Chương trình,Mã người,Họ và tên,Năm sinh,Xã,Hưởng đến ngày,Số tiền hằng tháng,Hệ số,Tháng chi trả
monthly_social_allowance,DM13-1,,,,31/12/2026,720000,2,
monthly_social_allowance,DM18-3,,,,,750000,1.5,
monthly_social_allowance,DM34-1,,,,,500000,1,
social_pension,DM11-3,,,,,500000,,
social_pension,DM11-3,,,,,500000,,
social_pension,,Lò Văn Xiêng,1944,Than Uyên,,500000,,
social_pension,DM12-1,,,,,500000,,
monthly_social_allowance,DM12-1,,,,,500000,1,
"""


@pytest.fixture(scope="module")
def screened(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reg")
    shutil.copytree(ROOT / "sample_households" / "demo", folder, dirs_exist_ok=True)
    (folder / "programme_lists.csv").write_text(LISTS, encoding="utf-8")
    return screen_register(folder, AS_OF)


def finding(screened, word, person=None):
    found = screened.extra["audit"].findings
    found = found[found["finding"] == word]
    return found if person is None else found[found["person_id"] == person]


def test_underpaid_at_last_years_standard(screened):
    # DM13-1: Art. 5(5)(a), 80+: 2.0 x 500,000 = 1,000,000 due; the payroll pays 2.0 x 360,000 = 720,000
    row = finding(screened, "underpaid", "DM13-1").iloc[0]
    assert (row["paid"], row["due"], row["money"]) == (720_000, 1_000_000, -280_000)
    assert row["rule"] == "sa_elderly_poor_no_supporter_80"


def test_wrong_level(screened):
    # DM18-3: severe disability, child: coefficient 2.0 (1,000,000) due; paid at 1.5 (750,000)
    row = finding(screened, "wrong_level", "DM18-3").iloc[0]
    assert (row["level_paid"], row["level_due"], row["money"]) == (1.5, 2.0, -250_000)


def test_leakage_duplicate_and_not_in_register(screened):
    assert finding(screened, "leakage", "DM34-1")["money"].tolist() == [500_000]
    twice = finding(screened, "duplicate", "DM11-3")
    assert twice["note"].tolist() == ["same programme twice"] and twice["money"].tolist() == [500_000]
    both = finding(screened, "duplicate", "DM12-1")   # social pension and Decree 20 allowance: one is due
    assert len(both) == 1 and "20/2021" in both["note"].iloc[0]
    ghost = finding(screened, "not_in_register")
    assert ghost["name"].tolist() == ["Lò Văn Xiêng"] and ghost["money"].tolist() == [500_000]


def test_gaps_from_the_list_and_the_decisions_table(screened):
    # DM33-3 is eligible for the social pension and on no list: a gap of 500,000
    assert finding(screened, "gap", "DM33-3")["money"].tolist() == [500_000]
    dec = screened.decisions.set_index(["person_id", "benefit"])["coverage"].astype(str)
    assert dec[("DM13-1", "monthly_social_allowance")] == "underpaid"
    assert dec[("DM11-3", "social_pension")] == "duplicate"
    assert dec[("DM12-1", "monthly_social_allowance")] == "duplicate"   # not eligible, on the list: leakage, and a duplicate


def test_manifest_says_where_coverage_comes_from(screened, tmp_path):
    write_outputs(screened, tmp_path / "out")
    audit = json.loads((tmp_path / "out" / "manifest.json").read_text())["audit"]
    assert audit["coverage_source"]["social_pension"] == "list"
    assert "hi_state_support" in audit["coverage_estimated_from_flags"]
    assert {r["programme"]: r["unmatched"] for r in audit["matching"]} == {"monthly_social_allowance": 0,
                                                                            "social_pension": 1}
    assert pd.read_csv(tmp_path / "out" / "audit_findings.csv")["finding"].nunique() >= 5


def test_without_lists_coverage_is_estimated_from_flags(tmp_path):
    shutil.copytree(ROOT / "sample_households" / "demo", tmp_path / "reg")
    (tmp_path / "reg" / "programme_lists.csv").unlink()
    plain = screen_register(tmp_path / "reg", AS_OF)
    assert set(plain.extra["audit"].sources.values()) == {"flags"}
    assert plain.extra["audit"].findings.empty


def test_gaps_shows_each_status_with_its_money_by_programme_and_place(tmp_path, demo_screened):
    from eligibility.reports.report import write_gap_report

    demo = demo_screened(AS_OF)
    write_gap_report(demo, tmp_path / "gaps", lang="en")
    by_programme = pd.read_csv(tmp_path / "gaps" / "audit_by_programme.csv").set_index("programme")
    pension, allowance = by_programme.loc["social_pension"], by_programme.loc["monthly_social_allowance"]
    # the demo README's payroll: each status once, with the money worked by hand there
    assert (pension["overpaid"], pension["overpaid_money"]) == (1, 40_000)
    assert (pension["deceased_paid"], pension["duplicate"], pension["not_in_register"]) == (1, 1, 1)
    assert (pension["gap"], pension["gap_money"]) == (2, 1_000_000)          # DM23-1, DM33-3
    assert (allowance["underpaid_money"], allowance["wrong_level_money"]) == (280_000, 250_000)
    assert (allowance["leakage"], allowance["leakage_money"]) == (2, 1_000_000)
    by_commune = pd.read_csv(tmp_path / "gaps" / "audit_by_commune.csv")
    assert by_commune["not_in_register"].sum() == 1 and "Than Uyên" in set(by_commune["commune"])
    assert pd.read_csv(tmp_path / "gaps" / "audit_by_ethnicity.csv")["underpaid"].sum() == 1


def test_a_redacted_gap_report_names_nobody_in_the_audit_list(tmp_path, demo_screened):
    from eligibility.reports.report import write_gap_report

    demo = demo_screened(AS_OF)
    write_gap_report(demo, tmp_path / "gaps", lang="en", redact=True)
    listed = (tmp_path / "gaps" / "audit_list.csv").read_text(encoding="utf-8-sig")
    assert "DM13-1" not in listed and "Cầm Thị Kim" not in listed and "underpaid" in listed
