"""The parsed-rule-file cache (rulebook/yamlcache.py): a warm cache gives the same pack, an edited file is
never served from it, a tampered or unreadable entry is ignored, and a broken file is never cached."""
from __future__ import annotations

import datetime as dt

import pytest

from eligibility.errors import RuleErrors
from eligibility.rulebook.compile import compile_pack
from eligibility.rulebook.yamlcache import load_yaml_cached
from eligibility.yamlio import load_yaml
from shared import ROOT

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

PARAMS = "parameters/support.yaml"


@pytest.fixture
def cache(cache_root):
    return cache_root / "rules"


def standard_on(pack, day=dt.date(2025, 1, 1)):
    return compile_pack(pack).parameters["support.standard"].at(day).value


def same_document(a, b):
    """Equal values, types and the line of every key and item (what file:line messages need)."""
    assert type(a) is type(b) and a == b
    if isinstance(a, (dict, list)):
        assert (a.line, a.lines) == (b.line, b.lines)
        for x, y in zip(a.values(), b.values()) if isinstance(a, dict) else zip(a, b):
            same_document(x, y)


def test_every_file_of_the_shipped_pack_comes_back_from_the_cache_as_parsed(cache):
    files = sorted((ROOT / "rules").rglob("*.yaml"))
    for path in files:
        load_yaml_cached(path)
    assert len(list(cache.glob("*.json"))) == len(files)
    for path in files:
        same_document(load_yaml_cached(path), load_yaml(path))


def test_an_edited_pack_is_never_served_from_the_cache(make_pack, cache):
    pack = make_pack()
    assert standard_on(pack) == 500000
    assert list(cache.glob("*.json"))  # the cache is warm
    params = pack / PARAMS
    params.write_text(params.read_text(encoding="utf-8").replace("value: 500000", "value: 510000"), encoding="utf-8")
    assert standard_on(pack) == 510000
    params.write_text(params.read_text(encoding="utf-8").replace("value: 510000", "value: 500000"), encoding="utf-8")
    assert standard_on(pack) == 500000  # the first text again: its own entry, still right


def test_a_tampered_entry_is_not_used(make_pack, cache):
    pack = make_pack()
    standard_on(pack)
    for entry in cache.glob("*.json"):
        text = entry.read_text(encoding="utf-8")
        if "500000" in text:
            entry.write_text(text.replace("500000", "999999"), encoding="utf-8")
    assert standard_on(pack) == 500000
    for entry in cache.glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert standard_on(pack) == 500000


def test_a_broken_file_is_reported_every_time_and_never_cached(make_pack, cache):
    pack = make_pack()
    params = pack / PARAMS
    params.write_text(params.read_text(encoding="utf-8") + "  support.standard: {}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleErrors) as err:
            load_yaml_cached(params)
        assert err.value.issues[0].code == "E-YAML-DUPLICATE-KEY"
    assert len(list(cache.glob("*.json"))) == 0


def test_the_cache_can_be_turned_off(make_pack, tmp_path, monkeypatch):
    monkeypatch.setenv("ELIGIBILITY_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert standard_on(make_pack()) == 500000
    assert not (tmp_path / "xdg").exists()
