/*
 * The search worker Material's bundle starts on every page (overrides/main.html points it here).
 * It answers the bundle's SETUP at once and loads the engine (search-engine.js, ?engine=) only
 * when the reader first searches, so that a page view without search fetches nothing more than
 * this file; the engine then loads the index (?index=) and answers every message after.
 * Both names are relative to this script; from file:// it runs in iframe-worker's iframe, where
 * importScripts returns a promise.
 */
"use strict";

(function (global) {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

  /* This script's own URL (iframe-worker adds a second query, ?<time>: only the first is ours). */
  var SELF = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src : global.location.href;
  var params = new URLSearchParams(SELF.split("?")[1] || "");
  var server = null, loading = null;

  /* Load the engine and hand it the index's URL (once; again after a failure). */
  function load() {
    if (!loading) loading = Promise.resolve().then(function () {
      return importScripts(new URL(params.get("engine"), SELF).href);
    }).then(function () {
      server = global.__compendiumSearchEngine.serve(new URL(params.get("index"), SELF).href, function (m) { postMessage(m); });
      return server.load();
    }).catch(function (err) {
      loading = null;
      throw err;
    });
    return loading;
  }

  global.addEventListener("message", function (ev) {
    var message = ev.data || {};
    if (message.type === SETUP) {
      postMessage({ type: READY });
      if (SELF.indexOf("file:") === 0) load().catch(function (err) { console.warn("search:", err); });
      return;
    }
    if (message.type !== QUERY) return;
    if (!loading && !/\S/.test(typeof message.data === "string" ? message.data : "")) {
      postMessage({ type: RESULT, data: { items: [] } }); // the empty box the bundle sends at load
      return;
    }
    load().then(function () { return server.onMessage(message); }, function (err) {
      console.warn("search:", err);
      postMessage({ type: RESULT, data: { items: [] } });
    });
  });
})(typeof self !== "undefined" ? self : globalThis);
