"""The edition: its version and build date, and the 修订记录 of what changed between editions.

- ``build_info``: the version (pyproject.toml), the commit (+dirty for uncommitted changes) and the build
  date (SOURCE_DATE_EPOCH);
- ``revisions``: ``data/revisions.yml``, checked (every version has its entry) and rendered on the
  版本说明 page;
- ``additions``: the documents added after the print, each held to an edition of the record, listed
  on the 版本说明 page;
- ``release_tag``: a release's tag held to the edition (v<version of pyproject.toml>, with its
  修订记录 entry), for the release workflow (tools/check_release_tag.py), and the release's notes.

Builds on: book.
"""
