"""The one error type the core raises for bad content: it names the file, the line and the fix."""
from __future__ import annotations


class PageError(ValueError):
    """Bad content in a page or data file, reported as ``path:line: field: problem. fix``."""

    def __init__(self, path: str, line: int, field: str, problem: str, fix: str = "") -> None:
        self.path, self.line, self.field, self.problem, self.fix = path, line, field, problem, fix
        where = f"{path}:{line}" if line else path
        text = f"{where}: {field}: {problem}" if field else f"{where}: {problem}"
        super().__init__(f"{text}. {fix}" if fix else text)
