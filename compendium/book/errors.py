"""The one error type the core raises for bad content: it names the file, the line, the fix and
the section of the editors' guide (MAINTAINING.md) that explains it."""
from __future__ import annotations

from compendium.book.guide import see, step_for


class PageError(ValueError):
    """Bad content in a page or data file, reported as ``path:line: field: problem. fix 见《编辑维护手册》第N节「…」``.

    `step` names the guide's section (compendium.book.guide.STEPS); by default the one for the file.
    """

    def __init__(self, path: str, line: int, field: str, problem: str, fix: str = "", step: str = "") -> None:
        self.path, self.line, self.field, self.problem, self.fix = path, line, field, problem, fix
        self.step, self.explicit_step = step or step_for(path), bool(step)
        where = f"{path}:{line}" if line else path
        text = f"{where}: {field}: {problem}" if field else f"{where}: {problem}"
        text = f"{text}. {fix}" if fix else text
        if self.step:
            text = f"{text.rstrip()} ({see(self.step)})"
        super().__init__(text)

    def in_step(self, step: str) -> PageError:
        """The same error naming `step` of the guide, unless it names one of its own (a hook that
        knows the task: the English edition's checks of a page name the step for English)."""
        if self.explicit_step:
            return self
        return PageError(self.path, self.line, self.field, self.problem, self.fix, step)
