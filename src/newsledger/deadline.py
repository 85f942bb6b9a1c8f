"""A time budget for one page's work, checked at coarse steps of extraction and attribution.

``extract(..., deadline=5)`` and ``attribute(..., deadline=5)`` take seconds from now, or one
:class:`Deadline` shared by both (``Deadline.after(5)``) to give a page five seconds in all. Work
past the deadline ends with :class:`~newsledger.errors.DeadlineExceeded`, which names the input
and the step that was running. The clock is :func:`time.monotonic`; a check costs one call.
"""

from __future__ import annotations

import time

from newsledger.errors import DeadlineExceeded

__all__ = ["Deadline", "DeadlineLike", "as_deadline"]


class Deadline:
    """A moment on the monotonic clock after which a page's work stops."""

    __slots__ = ("at", "input_name", "seconds")

    def __init__(self, at: float, *, seconds: float | None = None, input_name: str | None = None) -> None:
        self.at = at
        self.seconds = seconds
        self.input_name = input_name

    @classmethod
    def after(cls, seconds: float, *, input_name: str | None = None) -> Deadline:
        """The deadline ``seconds`` from now."""
        return cls(time.monotonic() + seconds, seconds=seconds, input_name=input_name)

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def check(self, step: str) -> None:
        """Raise :class:`DeadlineExceeded` when the deadline has passed, naming ``step``."""
        if time.monotonic() > self.at:
            budget = f" of {self.seconds:g} s" if self.seconds is not None else ""
            raise DeadlineExceeded(
                f"stopped during {step}: the time budget{budget} ran out",
                step=step,
                input_name=self.input_name,
            )

    def naming(self, input_name: str | None) -> Deadline:
        """The same moment, naming an input in the error it raises."""
        if input_name is None or input_name == self.input_name:
            return self
        return Deadline(self.at, seconds=self.seconds, input_name=input_name)


DeadlineLike = Deadline | float | int | None


def as_deadline(value: DeadlineLike, input_name: str | None = None) -> Deadline | None:
    """A :class:`Deadline` from seconds from now, a deadline, or None (no limit)."""
    if value is None:
        return None
    if isinstance(value, Deadline):
        return value.naming(input_name)
    return Deadline.after(float(value), input_name=input_name)
