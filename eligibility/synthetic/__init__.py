"""Synthetic Lai Châu registers for demos, tests and benchmarks (`eligibility sample`).

    from eligibility.synthetic import generate_sample, write_sample
    households, members = generate_sample(20_000, seed=1)

`generator.py` runs the rooms in the order they draw from the random stream (households, people,
circumstances, merit, incomes, enrolment) and `frames.py` makes the frames; `places.py` holds the
province's districts, communes, villages and ethnic groups, `figures.py` reads the legal figures
from the compiled rule pack; `partitioned.py` writes a register part by part, `lists.py` the
programme lists and merit records beside a register.
"""
from .generator import DEFAULT_AS_OF, generate_sample, write_sample

__all__ = ["DEFAULT_AS_OF", "generate_sample", "write_sample"]
