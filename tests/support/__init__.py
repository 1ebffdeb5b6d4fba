"""Helpers the tests import: the project and its builds, Chromium and servers, the search evaluation."""
