"""Exception types: each says what is wrong and where, in one sentence."""

from __future__ import annotations


class AppendixError(Exception):
    """Base class of every error the helpers raise on purpose."""

    def _render_traceback_(self) -> list[str]:
        """In a notebook, IPython shows this instead of a traceback: the one sentence, as on the command line."""
        return [f"{type(self).__name__}: {self}"]


class DataError(AppendixError):
    """Input data broke the data contract.

    ``str(err)`` is one sentence naming the file and, where they apply, the row
    (the line in the file, header = line 1) and the column.
    """

    def __init__(
        self,
        file: str,
        problem: str,
        *,
        row: int | None = None,
        column: str | None = None,
        more: int = 0,
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        self.problem = problem
        self.more = more
        where = file
        if row is not None:
            where += f", line {row}"
        if column is not None:
            where += f", column '{column}'"
        tail = f" ({more} more problem{'s' if more != 1 else ''} in this file after this one)" if more else ""
        super().__init__(f"{where}: {problem}{tail}.")


class MissingYearError(AppendixError):
    """A year was asked for that has no figures file."""

    def __init__(self, year: int, available: list[int], figures_dir: str) -> None:
        self.year = year
        self.available = available
        years = ", ".join(str(y) for y in available) or "none"
        super().__init__(f"There is no figures file for {year} ({figures_dir}/{year}.csv); years with data: {years}.")


class UsageError(AppendixError):
    """A command-line or function argument is not one of the allowed values."""
