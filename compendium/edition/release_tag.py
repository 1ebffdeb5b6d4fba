"""A release's tag, held to the edition it publishes.

The release workflow (.github/workflows/release.yml) runs on a tag v<version>. Before it builds
anything, tools/check_release_tag.py asks this module whether the tag may be released: it must name
the version of pyproject.toml, and that version must be the newest entry of the 修订记录
(data/revisions.yml), which the build demands anyway. Otherwise the release stops with the reason
and what to do. The entry also gives the release its notes.
"""
from __future__ import annotations

from compendium.book.labels import Labels
from compendium.edition.revisions import WHERE, Revision

TAG_PREFIX = "v"


class ReleaseTagError(ValueError):
    """A tag that cannot be released; the message says why and what to do."""


def tag_version(tag: str) -> str:
    """The version a release tag names: v0.2.0 → 0.2.0."""
    if not tag.startswith(TAG_PREFIX) or len(tag) == len(TAG_PREFIX):
        raise ReleaseTagError(f"{tag!r} is not a release tag: a release is tagged v<version>, as v0.1.0")
    return tag[len(TAG_PREFIX):]


def check_release_tag(tag: str, version: str, revisions: list[Revision]) -> Revision:
    """The 修订记录 entry that `tag` releases, when the tag names `version` (pyproject.toml's) and
    `revisions` (newest first) start with that version's entry; ReleaseTagError otherwise."""
    named = tag_version(tag)
    if named != version:
        raise ReleaseTagError(
            f"tag {tag} names version {named}, but pyproject.toml says {version}: set version = \"{named}\" "
            f"in pyproject.toml (with its entry in {WHERE}) and tag that commit, or tag this one "
            f"{TAG_PREFIX}{version}")
    entry = next((r for r in revisions if r.version == version), None)
    if entry is None:
        raise ReleaseTagError(
            f"version {version} has no entry in {WHERE} (修订记录): add one at the top, with the day it is "
            f"published and what changed for readers, then tag the commit that adds it")
    if entry is not revisions[0]:
        raise ReleaseTagError(
            f"version {version} is not the newest entry of {WHERE}: {revisions[0].version} is above it. "
            f"Tag the commit whose pyproject.toml says {revisions[0].version}")
    return entry


def release_notes(entry: Revision, labels: Labels) -> str:
    """The release's notes (Markdown): its 修订记录 entry, the Chinese changes, then the English."""
    date = entry.date.isoformat()
    zh, en = labels.in_language("zh"), labels.in_language("en")
    lines = [f"**{zh('revisions.changes')}**（{date}）", "", *(f"- {c}" for c in entry.changes)]
    if entry.changes_en:
        lines += ["", f"**{en('revisions.changes')}** ({date})", "", *(f"- {c}" for c in entry.changes_en)]
    return "\n".join(lines) + "\n"
