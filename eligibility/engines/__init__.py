"""The engines: a compiled plan evaluated over a register (vectorised; scalar; durable_rules)."""
