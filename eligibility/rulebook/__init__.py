"""The rule pack: load (YAML) → validate (pydantic) → compile (typed expressions, dependency order)."""
