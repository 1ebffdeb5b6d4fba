/*
 * The search box as readers use it on a phone, beside the site's search worker
 * (search-worker.js, which loads search-engine.js; hooks/search.py writes the index):
 *
 * - Text that arrives without a key release (pasted, dictated, or committed by an input method
 *   that sends no key events) is searched too: Material reads the box on key release only.
 * - Over http(s), opening search fetches the engine and the index, so that they are on their way
 *   by the time the first query reaches the worker; a page view without search fetches neither.
 *   From file://, the worker loads them itself when search opens.
 */
"use strict";

(function () {
  const input = document.querySelector("input.md-search__input");
  if (!input) return;

  input.addEventListener("input", () => input.dispatchEvent(new KeyboardEvent("keyup")));

  let fetched = false;

  /* Fetch the engine and the index the worker's URL names (relative to the worker), once. */
  function prefetch() {
    if (fetched || location.protocol === "file:") return;
    fetched = true;
    const config = JSON.parse(document.getElementById("__config").textContent);
    const worker = new URL(config.search, location.href);
    for (const name of ["engine", "index"]) {
      const url = worker.searchParams.get(name);
      if (url) fetch(new URL(url, worker)).catch(() => { fetched = false; });
    }
  }

  input.addEventListener("focus", prefetch);
  const toggle = document.getElementById("__search");
  if (toggle) toggle.addEventListener("change", () => toggle.checked && prefetch());
})();
