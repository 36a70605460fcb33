"""Hypothesis strategies of the tests, in one place: registers drawn from a rule pack's declared
columns (any optional value may be missing, any date may be known to its year or month only), for
the differential and property tests."""
from __future__ import annotations

from hypothesis import strategies as st


def column_values(column, pool):
    """Values of one declared column: its enum codes, booleans, or dates, texts and numbers drawn
    from `pool` (an object with `.dates`, `.texts` and `.numbers`, e.g. durable_helpers.RandomRegister,
    which takes them from the pack's thresholds so that conditions fall on both sides)."""
    kind, codes = column.type, list(column.values or ())
    if kind == "enum":
        options = st.sampled_from(codes)
    elif kind == "bool":
        options = st.booleans()
    elif kind == "date":   # exact, or known only to the year (1944) or the month ('1944-03'), as registers write
        exact = st.sampled_from(pool.dates)
        options = st.one_of(exact, exact.map(lambda d: d.year), exact.map(lambda d: f"{d.year}-{d.month:02d}"))
    elif kind == "text":
        options = st.sampled_from(pool.texts)
    elif kind == "int":
        whole = [int(n) for n in pool.numbers if float(n).is_integer() and 0 <= n < 1e9]
        options = st.one_of(st.integers(0, 12), st.sampled_from(whole))
    else:
        options = st.one_of(st.sampled_from([abs(n) for n in pool.numbers]),
                            st.floats(0, 5e6, allow_nan=False, allow_infinity=False))
    return options if column.required else st.one_of(st.none(), options)


def register_records(plan, pool, max_households=3):
    """A register of 1 to `max_households` households of 1-5 members each, as (households, members)
    lists of records keyed by the pack's column names."""
    hh_cols, m_cols = plan.inputs.households.columns, plan.inputs.members.columns
    household = st.fixed_dictionaries({name: column_values(col, pool) for name, col in hh_cols.items()})
    member = st.fixed_dictionaries({name: column_values(col, pool) for name, col in m_cols.items()})
    family = st.tuples(household, st.lists(member, min_size=1, max_size=5))

    def shape(families):
        hh, mm = [], []
        for i, (h, people) in enumerate(families):
            h = dict(h, household_id=f"H{i}")
            hh.append(h)
            mm.extend(dict(p, household_id=h["household_id"], person_id=f"H{i}-{j}") for j, p in enumerate(people))
        return hh, mm

    return st.lists(family, min_size=1, max_size=max_households).map(shape)
