"""Hosting the built site: on an intranet behind nginx, offline on phones, as a zip from file://.

- ``html_scan``: the scripts and links of a built page, found without parsing it whole;
- ``csp``: the Content-Security-Policy, with the hashes of the inline scripts Material writes;
- ``nginx``: ``deploy/nginx.conf`` rendered for a build, and a private nginx that serves a site
  with it (``python -m compendium.hosting.nginx site/``);
- ``offline``: the service worker's manifest, the update notice and the 保存全站 box;
- ``release``: the release zip and its checksum (``python -m compendium.hosting.release``);
- ``unused_files``: the files of a build no page loads, left out of the site;
- ``unused_css``: Material's stylesheets without the rules no page or script of the site can match;
- ``vendored_scripts``: the npm packages' browser scripts the site serves itself.

Reads: the finished site (post-build), ``deploy/nginx.conf.in``, ``node_modules/``.
Writes: ``deploy/nginx.conf``, ``sw.js``'s manifest and Material's trimmed stylesheets in the built
site, ``dist/`` releases.

Builds on: book (errors, labels) and edition (a release is named by its version).
"""
