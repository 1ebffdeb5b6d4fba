"""The labels and constants the study scripts need, written into them by the build, which also
leaves out their comments (and those of the study stylesheets): what every page loads must be small.

Each script (docs/assets/javascripts/study-boot.js, study.js, study-page.js) holds the line
``var LABELS = null; // written by the build (hooks/study.py)``; the build replaces it with the
``study.*`` labels that script uses, in one language, and writes one copy of the script per
language (study.js for Chinese, study.en.js: `script_path`), so that no label is a string in the
code and a page loads only its own language's. The backup file's format
name and version have their home here too.
"""
from __future__ import annotations

import json
import re

from compendium.book.errors import PageError
from compendium.book.labels import LANGUAGES, Labels

LABELS_LINE = "var LABELS = null; // written by the build (hooks/study.py)"
# A backup file says what it is: {"format": FORMAT, "version": VERSION, ...}
FORMAT = "xuexi-study"
VERSION = 1

# The labels each script uses, by its path under docs/.
SCRIPT_LABELS = {
    "assets/javascripts/study-boot.js": (),
    "assets/javascripts/study.js": (
        "study.bookmark", "study.highlight", "study.note", "study.note_flag", "study.note_label",
        "study.save", "study.cancel", "study.delete", "study.changed_here", "study.no_storage", "study.full",
        "study.saved", "study.too_newer", "study.resume_here", "study.resume", "reader.copy_cite"),
    "assets/javascripts/study-page.js": (
        "study.export_title", "study.empty", "study.changed", "study.changed_note", "study.go", "study.note_prefix",
        "study.delete", "study.restored", "study.bad_file", "study.newer_file", "study.no_storage", "study.full",
        "study.too_newer", "study.bookmarks", "study.marks", "study.exported", "study.is_read", "study.copied",
        "study.copy_failed"),
}


def script_labels(labels: Labels, keys: tuple[str, ...]) -> dict[str, str]:
    """{name: label} for `keys` in the language of `labels` (``study.save`` → ``save``)."""
    return {key.split(".", 1)[1]: labels(key) for key in keys}


def script_path(path: str, lang: str) -> str:
    """Where the build writes a script in a language: study.js (Chinese, the site's default) and
    study.en.js; a script without labels has one path."""
    return path if lang == LANGUAGES[0] or not SCRIPT_LABELS[path] else path[: -len(".js")] + f".{lang}.js"


def compact(script: str) -> str:
    """The script without its comments, indentation and blank lines: what a reader's browser needs.

    For the study scripts only, written so that this is safe: a comment is a ``/* … */`` block that
    starts a line or follows a space on one line, a line that starts with ``//``, or `` // `` after
    code outside quotation marks (these scripts write no such sequence in a regular expression)."""
    out, in_block = [], False
    for line in script.splitlines():
        stripped = line.strip()
        if in_block:
            in_block = "*/" not in stripped
            continue
        if stripped.startswith("/*"):
            in_block = "*/" not in stripped
            continue
        if not stripped or stripped.startswith("//"):
            continue
        out.append(_without_trailing_comment(_INLINE.sub("", stripped)))
    return "\n".join(out) + "\n"


def _without_trailing_comment(line: str) -> str:
    """`line` without a `` // …`` comment after its code: the first `` // `` outside quotes."""
    for m in re.finditer(r"\s+//\s", line):
        before = line[: m.start()]
        if before.count('"') % 2 == 0 and before.count("'") % 2 == 0:
            return before
    return line


_INLINE = re.compile(r"\s/\*[^*]*\*/")

# The study stylesheets: study.css on every page, study-tools.css with study.js, study-page.css
# on the study page.
STYLESHEETS = ("assets/stylesheets/study.css", "assets/stylesheets/study-tools.css",
               "assets/stylesheets/study-page.css")


def compact_css(css: str) -> str:
    """A stylesheet without its comments, indentation and line breaks (its strings hold none)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = "".join(line.strip() for line in css.splitlines())
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    return re.sub(r":\s+", ":", css).replace(";}", "}") + "\n"


def with_labels(script: str, path: str, labels: Labels) -> str:
    """The script at `path` with its labels in the language of `labels` (and the backup format)
    written in place of LABELS_LINE, compacted (`compact`); a script without labels
    (study-boot.js) is only compacted."""
    if not SCRIPT_LABELS[path]:
        return compact(script)
    if LABELS_LINE not in script:
        raise PageError(f"docs/{path}", 0, "LABELS", "the script has no line for its labels",
                        f"Put '{LABELS_LINE}' near its top.")
    table = {"labels": script_labels(labels, SCRIPT_LABELS[path]), "format": FORMAT, "version": VERSION}
    line = "var LABELS = " + json.dumps(table, ensure_ascii=False, separators=(",", ":")) + ";"
    return compact(script.replace(LABELS_LINE, line, 1))
