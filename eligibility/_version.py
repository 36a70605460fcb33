"""The package's version, in one place: pyproject.toml reads it (setuptools `dynamic`), the
package, the CLI's --version and every manifest import it from here. A module of its own, so
that `outputs` and `cli` need not import the package's `__init__` (which imports them)."""
__version__ = "0.1.0"
