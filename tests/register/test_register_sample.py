"""The synthetic Lai Châu register: deterministic, reads back clean, plausible."""
from __future__ import annotations


import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from register_helpers import AS_OF

from eligibility.synthetic import generate_sample, write_sample
from eligibility.synthetic.places import COMMUNES, DISTRICTS

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

N = 2_000


@pytest.fixture(scope="module")
def sample():
    return generate_sample(N, seed=11)


@pytest.fixture(scope="module")
def sample_read(tmp_path_factory, schema, read):
    folder = tmp_path_factory.mktemp("sample")
    write_sample(folder, N, seed=11, fmt="csv", headers="vi", schema=schema)
    return read(folder)


def test_same_seed_same_register_other_seed_other_register():
    h1, m1 = generate_sample(300, seed=5)
    h2, m2 = generate_sample(300, seed=5)
    assert_frame_equal(h1, h2)
    assert_frame_equal(m1, m2)
    h3, _ = generate_sample(300, seed=6)
    assert not h1["income_per_capita"].equals(h3["income_per_capita"])


def test_columns_are_the_declared_ones(sample, schema):
    """The columns a register's files give: the pack's, less those computed from the merit records."""
    households, members = sample
    assert list(households.columns) == list(schema.as_read().households.columns)
    assert list(members.columns) == list(schema.as_read().members.columns)


def test_sample_reads_back_with_zero_rejects(sample_read, sample, schema):
    households, members = sample
    assert sample_read.rejects.empty, sample_read.rejects.head(20).to_string()
    assert sample_read.accounting["households"]["accepted"] == N
    assert sample_read.accounting["members"]["accepted"] == len(members)
    assert sample_read.warnings == []
    # a column the sample leaves wholly unknown is not written where a blank would read as no / 0
    unknown = {name: [c for c, col in getattr(schema, name).columns.items()
                      if col.blank != "unknown" and frame[c].isna().all()]
               for name, frame in (("households", households), ("members", members))}
    assert sample_read.missing_columns == unknown


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["parquet", "xlsx"])
def test_sample_reads_back_from_parquet_and_excel(tmp_path, schema, read, fmt):
    write_sample(tmp_path, 150, seed=3, fmt=fmt, schema=schema)
    reg = read(tmp_path)
    assert reg.ok, reg.rejects.head(20).to_string()
    assert reg.accounting["households"]["read"] == 150


def test_read_back_equals_the_generated_values(sample_read, sample):
    households, members = sample
    got = sample_read.members.set_index("person_id")
    want = members.set_index("person_id")
    assert (got["date_of_birth"] == want["date_of_birth"]).sum() == want["date_of_birth"].notna().sum()
    assert got["ethnicity"].astype(str).equals(want["ethnicity"].astype(str))
    assert (got["hi_card"] == want["hi_card"]).fillna(True).all()


def test_plausible_rates(sample):
    households, members = sample
    status = households["poverty_list_status"].value_counts(normalize=True, dropna=True)
    assert 0.15 <= status["poor"] <= 0.23
    assert 0.06 <= status["near_poor"] <= 0.13
    sizes = members.groupby("household_id").size()
    assert sizes.min() >= 1 and sizes.max() <= 9 and 4.0 <= sizes.mean() <= 4.8
    ethnic = members["ethnicity"].value_counts(normalize=True)
    assert 0.27 <= ethnic["thai"] <= 0.38 and 0.17 <= ethnic["mong"] <= 0.26
    assert 0.11 <= ethnic["kinh"] <= 0.20 and 0.10 <= ethnic["dao"] <= 0.17
    age = (pd.Timestamp(AS_OF) - members["date_of_birth"]).dt.days / 365.25
    assert 0.25 <= (age < 15).mean() <= 0.42 and (age >= 80).sum() > 0
    assert 0.90 <= members["hi_card"].mean() <= 0.97
    serious = members["disability_level"].isin(["severe", "especially_severe"]).mean()
    assert 0.015 <= serious <= 0.035
    assert set(households["district"].dropna()) == set(DISTRICTS)
    assert set(households["commune"]) <= {c for c, _, _ in COMMUNES}
    assert households["village"].str.startswith(("Bản ", "Tổ dân phố")).all()
    assert (members["merit_category"] == "war_invalid").sum() > 0
    assert members["injury_rate"].dropna().between(0, 100).all()
    assert households["disaster_date"].notna().sum() > 0
    assert (households["disaster_date"].dropna() <= pd.Timestamp(AS_OF)).all()


def test_about_one_percent_missing_in_optional_columns(sample):
    households, members = sample
    assert households[["household_id", "commune"]].notna().all().all()
    assert members[["person_id", "household_id", "date_of_birth"]].notna().all().all()
    share = households["income_per_capita"].isna().mean()
    assert 0.002 <= share <= 0.03
    share = members["hi_card"].isna().mean()
    assert 0.002 <= share <= 0.03


def test_list_and_standard_mostly_agree_with_deliberate_disagreements(sample):
    households, _ = sample
    deprivations = [c for c in households.columns if c.startswith("dep_") and c != "dep_health_access"]
    h = households.dropna(subset=["income_per_capita", "poverty_list_status", *deprivations])
    line = np.where(h["area_type"] == "urban", 2_000_000, 1_500_000)
    count = h[deprivations].astype(int).sum(axis=1)
    below = h["income_per_capita"].to_numpy(dtype=float) <= line
    standard = np.where(below, np.where(count >= 3, "poor", "near_poor"), "none")
    listed = h["poverty_list_status"].astype(str).to_numpy()
    agree = (standard == listed).mean()
    assert 0.85 <= agree < 1.0
    assert ((standard != "none") & (listed == "none")).sum() > 0  # left off the list (gap)
    assert ((standard == "none") & (listed == "poor")).sum() > 0  # listed above the line (leakage)


def test_enrolment_gaps_and_leakage_exist(sample):
    households, members = sample
    age = (pd.Timestamp(AS_OF) - members["date_of_birth"]).dt.days / 365.25
    old = (age >= 75) & (members["receives_pension"] == False)  # noqa: E712
    on_pension = members.loc[old, "receives_social_pension"].mean()
    assert 0.6 <= on_pension < 0.98  # most, not all: some eligible people are not enrolled
    no_ground = ((age >= 18) & (age < 60) & (members["disability_level"] == "none")
                 & (members["single_parent"] == False) & (members["hiv"] == False))  # noqa: E712
    leak = members.loc[no_ground, "receives_social_allowance"].mean()
    assert 0 < leak < 0.03


@pytest.mark.slow
def test_twenty_thousand_households_read_back_without_a_reject(tmp_path, schema, read):
    """The size the README's benchmark and the acceptance runs use (timings live in bench/)."""
    write_sample(tmp_path, 20_000, seed=1, fmt="parquet", schema=schema)
    reg = read(tmp_path)
    assert reg.ok and len(reg.households) == 20_000 and reg.rejects.empty
