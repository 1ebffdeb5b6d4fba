"""The baseline: plain Material for MkDocs over the same Markdown, as a user would otherwise set it up.

Material with `use_directory_urls: false` and its default search, no hooks, no i18n, no template
overrides, and only the Markdown extensions the pages need to render.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from compendium.hosting.nginx import DEFAULT_ROOT, LISTEN

PLAIN_CONFIG = {
    "site_name": "plain Material",
    "use_directory_urls": False,
    # Chinese interface, as anyone publishing these pages would choose; no web fonts, because the
    # intranet (and this machine) cannot reach Google Fonts and a hanging request would skew the
    # page weight and Lighthouse.
    "theme": {"name": "material", "language": "zh", "font": False},
    "plugins": ["search"],  # default options
    # The remark blocks of parts 1 and 4 need the project's block extension; its paragraph ids and
    # dash lists are the site's own features, so plain Material gets the remark block alone.
    "markdown_extensions": ["attr_list", "md_in_html", "tables", "toc", "pymdownx.blocks.admonition",
                            "compendium.markup.extension:RemarkExtension"],
}


# How plain Material is served (compendium.hosting.nginx.serve runs it): gzip as the site's shipped
# configuration has it, nothing else (no cache lifetimes, no security headers).
PLAIN_NGINX = f"""server {{
    {LISTEN}
    include mime.types;
    gzip on;
    gzip_comp_level 6;
    gzip_min_length 512;
    gzip_types text/css text/plain text/xml application/javascript application/json application/xml
               image/svg+xml;
    location / {{
        alias {DEFAULT_ROOT};
        index index.html;
    }}
}}
"""


def write_plain_project(project: Path, dest: Path) -> Path:
    """A plain Material project in `dest` over a copy of `project`'s docs/; returns `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    if (dest / "docs").exists():
        shutil.rmtree(dest / "docs")
    shutil.copytree(project / "docs", dest / "docs")
    text = yaml.safe_dump(PLAIN_CONFIG, allow_unicode=True, sort_keys=False)
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest
