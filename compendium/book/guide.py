"""The editors' guide (MAINTAINING.md, 编辑维护手册): its numbered sections, as error messages name them.

Every error the build gives for bad content (``errors.PageError``) ends with the section of the guide
that says how to fix it: ``见《编辑维护手册》第2节「改正一个字（勘误）」``. A message names its
section explicitly (``PageError(..., step="errata")``) or, by default, by the file it blames
(`FILE_STEPS`). The sections are numbered headings of MAINTAINING.md, ``## 2 改正一个字（勘误）``;
tests/book/test_guide.py holds every section named here to a heading of the guide, and every
step a message names to a section here. Renumbering the guide means changing `STEPS` with it.
"""
from __future__ import annotations

GUIDE = "MAINTAINING.md"

# Step name → (section number, section title) in MAINTAINING.md.
STEPS: dict[str, tuple[int, str]] = {
    "setup": (1, "准备工作和检查命令"),
    "errata": (2, "改正一个字（勘误）"),
    "doubtful": (3, "存疑但照印本保留的数值（疑误未改）"),
    "documents": (4, "增加、替换或撤下一篇文件"),
    "headings": (5, "标题编号和锚点"),
    "added": (6, "印本之外增补的文件"),
    "remark-pairs": (7, "判定一对相近的论述"),
    "targets": (8, "增加指标目标或排除项"),
    "topics": (9, "增加主题对照段落"),
    "english": (10, "英文标题、摘要和术语"),
    "edition": (11, "记录新版本（版本号和修订记录）"),
    "booklets": (12, "制作学习手册（PDF）"),
    "release": (13, "制作和核对发布包"),
}

# The step for a message that names none, by the file it blames (longest prefix first).
FILE_STEPS: dict[str, str] = {
    "data/errata.yml": "errata",
    "data/targets.yml": "targets",
    "data/target-exclusions.yml": "targets",
    "data/targets-en.yml": "english",
    "data/glossary.yml": "english",
    "data/remark-duplicates.yml": "remark-pairs",
    "data/topic-passages.yml": "topics",
    "data/places.yml": "remark-pairs",
    "data/revisions.yml": "edition",
    "pyproject.toml": "edition",
    "source/": "errata",
    "docs/": "documents",
    "data/": "documents",
}


def see(step: str) -> str:
    """The reference to a section of the guide: 见《编辑维护手册》第2节「改正一个字（勘误）」."""
    number, title = STEPS[step]
    return f"见《编辑维护手册》第{number}节「{title}」"


def step_for(path: str) -> str:
    """The guide's step for a message about `path` that names none ("" where none fits)."""
    for prefix in sorted(FILE_STEPS, key=len, reverse=True):
        if path.startswith(prefix):
            return FILE_STEPS[prefix]
    return ""
