"""What the site publishes for download, and the 下载与数据 page that lists it.

- ``downloads_page``: ``data/downloads.yml`` (one description per published file), the check that
  every published file is described, and the page's table;
- ``data_files``: how published JSON and CSV are written (the indexes and the target table use it).

Builds on: book.
"""
