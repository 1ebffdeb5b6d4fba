"""我的学习: what a reader keeps of their study on their own device — reading progress, the place
left in each document, 收藏 (bookmarks), 划线与笔记 (marks and notes) — and the 我的学习 page
(study.html) that lists them in book order and exports them (text, print, backup file).

Nothing of it is kept by the site: the browser stores it (localStorage, one record namespaced by
the site's root, shared by both editions) and the scripts docs/assets/javascripts/study-boot.js
(every page: progress, the place, 继续阅读, the link to 我的学习), study.js (loaded on demand:
bookmarks, marks, notes, re-finding marked text in a new edition) and study-page.js (the 我的学习
page) read and write it. The build gives them what the pages do not carry otherwise:

- ``citation``: the citation of a document's paragraph, table row or target (its 《title》 and
  文号), written on each document page and on the 我的学习 page (remarks cite as 复制引文 does);
- ``page``: the 我的学习 page (both editions), the progress lines of the home and part pages,
  the per-page data of a document page;
- ``scripts``: the labels of data/labels.yml (``study.*``) written into the scripts, and the
  backup file's format name and version.

Reads: the page model and the labels (book). Writes: Markdown and HTML the hook puts on pages
(hooks/study.py) and the scripts' label tables.

Builds on: book.
"""
