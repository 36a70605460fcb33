"""The pack's examples in a plan served from the cache (`plancache.py`): rebuilt from their JSON when
first asked for. A screening never reads them; only `eligibility test` and `validate` do. They are a
quarter of a kept plan's bytes: reading them with the rest cost some 10-20 ms of every start-up
(3 Dec 2026)."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

Example = tuple[Any, int, Any]   # (source, index in its file, the example), as `Plan.examples` holds them
Examples = tuple[Example, ...]


class KeptExamples(Sequence[Example]):
    """A sequence of (source, index, example), as the plan's `examples` tuple, read once by `read` on
    first use; compared by content, as a tuple is."""

    def __init__(self, read: Callable[[], Examples]):
        self._read_them: Callable[[], Examples] | None = read
        self._examples: Examples | None = None

    @property
    def read(self) -> bool:
        """Whether the examples were rebuilt yet."""
        return self._examples is not None

    def _all(self) -> Examples:
        if self._examples is None:
            assert self._read_them is not None
            self._examples, self._read_them = self._read_them(), None   # the JSON is let go once read
        return self._examples

    def __len__(self) -> int:
        return len(self._all())

    def __getitem__(self, index: Any) -> Any:   # an index or a slice, as a tuple's
        return self._all()[index]

    def __iter__(self) -> Iterator[Example]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and self._all() == tuple(other)

    __hash__ = None   # type: ignore[assignment]   # compared by content, as a list is: never a key
