"""Compute the six variables with OpenFisca on a converted register (convert.py) and write them out.

    python bench/peers/openfisca/run.py CONVERTED --out FILE.parquet

What the benchmark times: start-up, reading the converted Parquet, building the simulation, computing
age, income per capita, poverty status by the standard, the monthly social allowance, the social pension
and the HI state share for the month of the as-of date, and writing one row a person.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))

from openfisca_core.simulations import SimulationBuilder  # noqa: E402

import openfisca_laichau  # noqa: E402
from openfisca_laichau.variables import HOUSEHOLD_BOOLS, PERSON_BOOLS  # noqa: E402

OUTPUTS = ["age", "income_per_capita", "poverty_status_by_standard", "monthly_social_allowance", "social_pension",
           "hi_state_share"]


def run(folder: Path, out: Path) -> None:
    as_of = dt.date.fromisoformat((folder / "as_of.txt").read_text().strip())
    if not openfisca_laichau.SPAN[0] <= as_of.isoformat() <= openfisca_laichau.SPAN[1]:
        raise SystemExit(f"as-of {as_of} is outside the span this package encodes {openfisca_laichau.SPAN}")
    persons = pq.read_table(folder / "persons.parquet")
    households = pq.read_table(folder / "households.parquet")
    system = openfisca_laichau.CountryTaxBenefitSystem()
    builder = SimulationBuilder()
    builder.create_entities(system)
    person_ids = persons["person_id"].to_numpy(zero_copy_only=False)
    household_ids = households["household_id"].to_numpy(zero_copy_only=False)
    builder.declare_person_entity("person", person_ids)
    household = builder.declare_entity("household", household_ids)
    index = persons["household_index"].to_numpy()
    builder.join_with_persons(household, household_ids[index], np.full(len(index), "member", dtype=object))
    simulation = builder.build(system)
    period = f"{as_of:%Y-%m}"
    inputs = {name: persons[name].to_numpy() for name in [*PERSON_BOOLS, "parent_invalid_rate", "date_of_birth"]
              if name in persons.column_names}
    inputs.update({name: households[name].to_numpy() for name in [*HOUSEHOLD_BOOLS, "household_income_per_capita"]})
    inputs["as_of"] = np.full(len(person_ids), np.datetime64(as_of, "D"))
    for name, values in inputs.items():
        simulation.set_input(name, period, values)
    result = {"person_id": person_ids}
    for name in OUTPUTS:
        values = simulation.calculate(name, period)
        if name in ("income_per_capita", "poverty_status_by_standard"):  # household variables, given to each member
            values = values[index]
        if name == "poverty_status_by_standard":
            values = values.decode_to_str()
        result[name] = values
    pq.write_table(pa.table(result), out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("converted", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    run(args.converted, args.out)


if __name__ == "__main__":
    main()
