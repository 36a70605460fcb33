"""What `screen` says at its end is made while the entitlements are still being written beside it (the
output folder's writer thread), and said only once the folder is in place: a run whose writing fails
says its error, not a summary of files that are not there."""
from __future__ import annotations

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import eligibility.cli as cli
from eligibility import outfolder

from shared import DEMO

pytestmark = pytest.mark.slow   # two screenings of the demo


def screen(out, *more):
    return CliRunner().invoke(cli.main, ["screen", str(DEMO), "--as-of", "2025-11-15", "--out", str(out),
                                         "--format", "parquet", "--lang", "en", *more])


def test_the_report_is_made_before_the_run_waits_for_its_writer_and_said_after(tmp_path, monkeypatch):
    order: list[str] = []
    made, finish = cli.screen_report, outfolder.Staging.finish

    def report(*args, **kwargs):
        order.append("report made")
        return made(*args, **kwargs)

    def finished(self):
        order.append("writer waited for")
        return finish(self)
    monkeypatch.setattr(cli, "screen_report", report)
    monkeypatch.setattr(outfolder.Staging, "finish", finished)
    result = screen(tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert order == ["report made", "writer waited for"]
    said = result.output
    assert "written: " in said and said.index("benefit") < said.index("written: ")     # the table, then the files
    assert str(tmp_path / "out" / "entitlements.parquet") in said
    assert (tmp_path / "out" / "entitlements.parquet").exists()


def test_a_run_whose_entitlements_cannot_be_written_says_no_summary(tmp_path, monkeypatch):
    write_table = pq.write_table

    def disk_full(table, where, *args, **kwargs):
        if str(where).endswith("entitlements.parquet"):
            raise OSError(28, "No space left on device", str(where))
        return write_table(table, where, *args, **kwargs)
    monkeypatch.setattr(pq, "write_table", disk_full)    # the demo's entitlements: one row group, written whole
    result = screen(tmp_path / "out")
    assert result.exit_code == 1
    assert "error: the disk is full while writing" in result.output
    assert "written: " not in result.output and "amount (eligible)" not in result.output
    assert not (tmp_path / "out").exists()
