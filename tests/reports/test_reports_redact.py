"""--redact: stable HMAC pseudonyms; no name or register ID left in any report file."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest
from report_fixtures import IDS, NAMES

from eligibility.reports import derive_key, pseudonym, pseudonymise, redact_tables, write_gap_report
from eligibility.reports.redact import key_from_text
from eligibility.reports.report import redaction_key
from eligibility.reports.tables import sort_list

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out


@pytest.fixture(scope="module")
def key(screening):
    return redaction_key(screening)


@pytest.fixture(scope="module")
def redacted(screening, tables, key):
    return redact_tables(tables, key, screening.evaluation.members)


def _in_another_process(person_id: str, screening) -> str:
    """The pseudonym as another run computes it (another process, another hash seed)."""
    code = ("import sys; from eligibility.reports.redact import derive_key, pseudonym; "
            "print(pseudonym(sys.argv[1], derive_key(sys.argv[2], sys.argv[3]), 'person'))")
    done = subprocess.run([sys.executable, "-c", code, person_id, screening.plan.digest, screening.as_of.isoformat()],
                          capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    return done.stdout.strip()


def test_pseudonyms_are_stable_keyed_and_distinct(screening):
    k = derive_key(screening.plan.digest, screening.as_of)
    assert pseudonym("PPX-0001", k, "person") == _in_another_process("PPX-0001", screening)   # stable
    assert pseudonym("PPX-0001", k, "person") != pseudonym("PPX-0002", k, "person")
    assert pseudonym("PPX-0001", k, "person") != pseudonym("PPX-0001", key_from_text("secret"), "person")
    assert pseudonym("X1", k, "person") != pseudonym("X1", k, "household")
    assert derive_key(screening.plan.digest, screening.as_of) != derive_key(screening.plan.digest, "2025-11-16")
    assert pseudonym("PPX-0001", k, "person").startswith("P-") and len(pseudonym("PPX-0001", k, "person")) == 18
    import pandas as pd
    s = pseudonymise(pd.Series(["a", None, "b", "a"]), k, "person")
    assert s[0] == s[3] != s[2] and s[1] == ""


def test_one_person_has_one_pseudonym_in_every_view(redacted, key):
    p2 = pseudonym("PPX-0002", key, "person")
    gap = redacted["gap_list"]
    assert (gap["person_id"] == p2).sum() == 2 and set(gap.loc[gap["person_id"] == p2, "name"]) == {p2}
    # a household decision carries the head's person pseudonym as its name
    h1 = pseudonym("HHX-0001", key, "household")
    assert set(gap.loc[(gap["household_id"] == h1) & (gap["person_id"] == ""), "name"]) == \
        {pseudonym("PPX-0001", key, "person")}
    # a household without a recorded head is named by its household pseudonym, the same in every list
    h3 = pseudonym("HHX-0003", key, "household")
    needs, leak = redacted["needs_data_list"], redacted["leakage_list"]
    assert set(needs.loc[(needs["household_id"] == h3) & (needs["person_id"] == ""), "name"]) == {h3}
    assert h3 in set(leak["household_id"]) and h3 in set(gap["household_id"])
    p6 = pseudonym("PPX-0006", key, "person")
    assert p6 in set(leak["person_id"]) and p6 in set(needs["person_id"])


def test_redaction_leaves_the_figures_alone(tables, redacted):
    for view in ("by_benefit", "by_district", "by_commune", "by_village", "by_ethnicity"):
        assert redacted[view].equals(tables[view])
    for view in ("gap_list", "leakage_list", "needs_data_list"):   # the same rows, in pseudonym order
        assert sorted(redacted[view]["amount"].fillna(-1)) == sorted(tables[view]["amount"].fillna(-1))
        assert len(redacted[view]) == len(tables[view])


def test_a_redacted_list_is_not_in_the_order_of_the_real_ids(redacted):
    """Sorted by the real IDs, the pseudonyms would give the IDs' order away: they are sorted by pseudonym."""
    gap = redacted["gap_list"]
    assert gap.equals(sort_list(gap))


def _all_text(folder) -> str:
    parts = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                parts += [z.read(n).decode("utf-8") for n in z.namelist()]
        else:
            parts.append(path.read_text(encoding="utf-8-sig"))
    return "\n".join(parts)


def test_no_name_or_id_survives_in_any_file(screening, tmp_path):
    write_gap_report(screening, tmp_path, "en", redact=True)
    text = _all_text(tmp_path)
    for secret in IDS + NAMES:
        assert secret not in text, secret
        escaped = secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert escaped not in text, secret
    assert "HMAC-SHA256" in text and pseudonym("PPX-0002", redaction_key(screening), "person") in text


def test_without_redact_the_names_are_there(screening, tmp_path):
    write_gap_report(screening, tmp_path, "en", redact=False)
    text = _all_text(tmp_path)
    assert "HHX-0001" in text and "Lý Thị Năm" in text


def test_a_secret_key_gives_other_pseudonyms_and_is_not_written(screening, tmp_path):
    write_gap_report(screening, tmp_path, "en", redact=True, redact_key="s3cret-key-of-the-department")
    text = _all_text(tmp_path)
    assert "s3cret-key-of-the-department" not in text
    assert pseudonym("PPX-0002", key_from_text("s3cret-key-of-the-department"), "person") in text
    assert pseudonym("PPX-0002", redaction_key(screening), "person") not in text
