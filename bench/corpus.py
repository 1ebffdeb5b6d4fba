"""The corpus a benchmark run builds: a temporary copy of the project, multiplied when asked.

At N× every document page of parts 1–5 gets N−1 synthetic copies beside it, with a new slug,
order, title and 文号 (same year, so that the schema still accepts it), so that the hooks see a
larger but valid compilation. Part landing pages, the home page and the pages about the edition
stay one each. The data that must name every remark printed twice (data/remark-duplicates.yml)
gets the judgements the copies need, derived from those of the originals.
"""
from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import yaml

from compendium.book.frontmatter import split_front_matter
from compendium.book.pages import is_document_path, parse_remarks
from compendium.edition.build_info import project_version

# What a copy of the project leaves out: version control, outputs and caches. The set-up's
# virtualenv and Node tools are linked instead, so that tools/*.sh run in the copy as they are.
_IGNORE = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "build", "__pycache__",
                                 ".pytest_cache", "*.egg-info")
_LINKED = (".venv", "node_modules")
# A synthetic copy's file name: <slug>-copy<k>.md (or .<lang>.md).
_COPY = re.compile(r"-copy\d+(\.[a-z]+)?\.md$")
# Remarks with close texts must be judged by hand (compendium/indexes/remark_duplicates.py); below this line the
# judgements that the copies need are written.
DUPLICATES = Path("data") / "remark-duplicates.yml"
_JUDGED_BY_BENCH = "# --- written by bench/corpus.py: the remarks of the synthetic copies ---"
# A 文号 as printed: issuer code and year in 〔〕, number, 号 (compendium.book.schema checks the same form).
_DOC_NO = re.compile(r"^(\S+〔\d{4}〕)(\d+)号$")


def copy_project(root: Path, dest: Path) -> Path:
    """Copy the project's sources to `dest` (a new folder), linking its .venv and node_modules."""
    root = root.resolve()
    shutil.copytree(root, dest, ignore=_IGNORE, symlinks=True)
    for name in _LINKED:
        if (root / name).exists():
            (dest / name).symlink_to(root / name, target_is_directory=True)
    return dest


def document_pages(docs: Path) -> list[Path]:
    """The document pages of parts 1–5 (not the parts' landing pages, not synthetic copies)."""
    return [p for p in sorted(docs.glob("part[1-5]/*.md"))
            if is_document_path(p.relative_to(docs).as_posix()) and not _COPY.search(p.name)]


def multiply(project: Path, factor: int) -> int:
    """Give every document page of `project` factor−1 synthetic copies (a larger factor later adds
    to them); returns the document count."""
    docs = project / "docs"
    originals = document_pages(docs)
    version = project_version(project)
    for page in originals:
        # A translation beside the page (`slug.en.md`) is copied with it, under the same new slug.
        for source in [page, *sorted(page.parent.glob(f"{page.stem}.*.md"))]:
            suffix = source.name[len(page.stem):]
            for k in range(2, factor + 1):
                target = page.parent / f"{page.stem}-copy{k}{suffix}"
                target.write_text(synthetic_copy(source, k, version), encoding="utf-8")
    judge_copies(project, originals, factor)
    return len(originals) * factor


def synthetic_copy(page: Path, k: int, version: str) -> str:
    """The text of copy number `k` of a page: new title, order and 文号; the body unchanged. A copy
    is a document beyond the print, added in the project's `version` (its source lines are the
    original's: the print holds each line once)."""
    fm = split_front_matter(page.as_posix(), page.read_text(encoding="utf-8"))
    fields = dict(fm.fields)
    if "source_lines" in fields:
        del fields["source_lines"]
        fields.update(source="added", added_in=version)
    if fields.get("title"):
        fields["title"] = f"{fields['title']}（副本{k}）"
    if isinstance(fields.get("order"), int):
        fields["order"] += 1000 * (k - 1)  # book orders are below 1000: the copies never collide
    if m := _DOC_NO.match(str(fields.get("doc_no") or "")):
        fields["doc_no"] = f"{m.group(1)}{int(m.group(2)) + 10000 * k}号"
    header = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, default_flow_style=None)
    return f"---\n{header}---\n{fm.body}"


def judge_copies(project: Path, originals: list[Path], factor: int) -> None:
    """Judge the close remarks the copies make: a remark and its copies are the same remark, and
    the copies of a judged pair are judged as that pair is."""
    path = project / DUPLICATES
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8").split(_JUDGED_BY_BENCH)[0].rstrip() + "\n"
    remarks = [key for page in originals for key in _remark_keys(project / "docs", page)]
    entries = [{"remarks": [_copy_key(key, i), _copy_key(key, j)], "same": True,
                "reason": "synthetic copy (benchmark)"}
               for key in remarks for i, j in itertools.combinations(range(1, factor + 1), 2)]
    for judged in yaml.safe_load(text) or []:
        a, b = judged["remarks"]
        entries += [{**judged, "remarks": [_copy_key(a, i), _copy_key(b, j)]}
                    for i, j in itertools.product(range(1, factor + 1), repeat=2) if (i, j) != (1, 1)]
    if entries:
        text += f"\n{_JUDGED_BY_BENCH}\n" + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")


def _remark_keys(docs: Path, page: Path) -> list[str]:
    """The remarks of a page as the duplicates file names them: partN/slug.md#r-…"""
    body = split_front_matter(page.as_posix(), page.read_text(encoding="utf-8")).body
    return [f"{page.relative_to(docs).as_posix()}#{r.id}" for r in parse_remarks(page.as_posix(), body, 1)]


def _copy_key(key: str, k: int) -> str:
    """page.md#anchor of a remark → the same remark in copy `k` (copy 1 is the original)."""
    return key if k == 1 else key.replace(".md#", f"-copy{k}.md#", 1)
