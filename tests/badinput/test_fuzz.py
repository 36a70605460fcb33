"""Property-based fuzzing, briefly (the long runs are `fuzz/run_fuzz.py`, figures in the README):
the register reader and the expression checker never raise anything but the project's own errors."""
from __future__ import annotations

from fuzzing import (
    check_fuzzed_expression,
    expressions,
    read_fuzzed_register,
    registers,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import pytest

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

BRIEF = settings(max_examples=60, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@BRIEF
@given(registers())
def test_the_register_reader_reads_or_refuses_any_register(example):
    assert read_fuzzed_register(example) in ("read", "refused")


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(expressions(), st.sampled_from(["person", "household"]))
def test_the_expression_checker_accepts_or_refuses_any_expression(source, entity):
    assert check_fuzzed_expression(source, entity) in ("ok", "refused")
