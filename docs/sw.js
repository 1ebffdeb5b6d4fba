/* Service worker of the site: offline reading on phones, over https (or on localhost).
 *
 * The build (hooks/offline.py) writes the manifest of its edition into the line below: every file
 * a reader may need, with a hash of its content and its size, and the "shell" every page loads.
 * Files are cached under their hash, checked when fetched, so that what a reader has offline is
 * exactly one edition, and a new edition (a new sw.js, because its manifest changed) replaces
 * exactly the files that changed.
 *
 * - install: saves the shell, the pages open in the browser (with what they load beyond the
 *   shell), and the new version of every file the reader had saved before; then takes over at once.
 *   What a page has just loaded is taken from the browser's cache, not fetched again. The offline
 *   page of an edition is saved at the next page the reader opens in it, so that a first view
 *   fetches nothing but the page and the shell.
 * - fetch: a site file from the cache when it is there, else from the network (and kept). A page
 *   that is neither, with no network, is answered by the site's offline page of its edition
 *   (offline.html, en/offline.html: 本页尚未保存, the pages that are, and 保存全站).
 * - messages from the page (assets/javascripts/offline.js): "status" of an edition (files saved,
 *   bytes still to fetch), "saved" (the pages saved), and "save-all" (the buttons of the 版本说明
 *   page) which fetches every file of the editions asked for.
 *
 * An edition is a language: its pages (those under its folder, en/ for English; the default
 * language's are the others) and every other file but those the manifest gives to another
 * language only (MANIFEST.only: the other language's search index).
 */
"use strict";

var MANIFEST = null; // written by the build (hooks/offline.py)

var SCOPE = self.registration.scope; // the site root, ending in "/"
var CACHE = "offline " + SCOPE;
var PARALLEL = 4;

// --- files and their keys -----------------------------------------------------------------------

function has(path) {
  return Object.prototype.hasOwnProperty.call(MANIFEST.files, path);
}

function keyOf(path) {
  return SCOPE + path + "?v=" + MANIFEST.files[path][0];
}

// The manifest path of a URL of this site ("part1/index.html"), or null for anything else.
function pathOf(url) {
  var u = new URL(url);
  var href = u.origin + u.pathname;
  if (href.indexOf(SCOPE) !== 0) return null;
  var path = href.slice(SCOPE.length);
  if (path === "" || path.charAt(path.length - 1) === "/") path += "index.html";
  return has(path) ? path : null;
}

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
    return ("0" + b.toString(16)).slice(-2);
  }).join("");
}

// A copy of `response` to keep, or null when its body is not the file of this edition.
function checked(path, response) {
  return response.arrayBuffer().then(function (body) {
    return crypto.subtle.digest("SHA-256", body).then(function (digest) {
      if (hex(digest).slice(0, MANIFEST.files[path][0].length) !== MANIFEST.files[path][0]) return null;
      var headers = new Headers(response.headers);
      headers.delete("Content-Encoding"); // the body is kept decoded
      headers.delete("Content-Length");
      return new Response(body, {status: response.status, statusText: response.statusText, headers: headers});
    });
  });
}

// A copy of the file of this edition, or null: from the `mode` of the browser's HTTP cache.
function fetched(path, mode) {
  return fetch(SCOPE + path, {cache: mode, credentials: "same-origin"}).then(function (response) {
    if (!response.ok) throw new Error(path + ": HTTP " + response.status);
    return checked(path, response);
  });
}

// Fetch a file of the manifest and keep it; rejects when it cannot be fetched or is of another edition.
// The copy the page has just loaded is taken from the browser's cache without asking the server
// again (its hash says whether it is of this edition); the server is asked only when it is not.
function save(cache, path) {
  return cache.match(keyOf(path)).then(function (hit) {
    if (hit) return;
    return fetched(path, "force-cache").then(function (copy) {
      return copy || fetched(path, "no-cache");
    }).then(function (copy) {
      if (!copy) throw new Error(path + ": not the file of this edition");
      return cache.put(keyOf(path), copy);
    });
  });
}

// Run `work` on every path, a few at a time; resolves with the number of paths that failed.
function each(paths, work, progress) {
  var next = 0, done = 0, failed = 0;
  function run() {
    if (next >= paths.length) return Promise.resolve();
    var path = paths[next++];
    return work(path).catch(function () { failed++; }).then(function () {
      done++;
      if (progress) progress(done, paths.length);
      return run();
    });
  }
  var runners = [];
  for (var i = 0; i < PARALLEL; i++) runners.push(run());
  return Promise.all(runners).then(function () { return failed; });
}

function savedPaths(cache) {
  return cache.keys().then(function (requests) {
    return requests.map(function (r) { return pathOf(r.url); }).filter(Boolean);
  });
}

// --- editions -----------------------------------------------------------------------------------

// The language of a page of the manifest, by its folder ("en/…" → "en"; others: the default).
function pageLanguage(path) {
  var folder = path.split("/")[0] + "/";
  for (var lang in MANIFEST.editions) {
    if (MANIFEST.editions[lang] === folder) return lang;
  }
  return MANIFEST.default;
}

// Is a file of the manifest part of the edition of `lang`?
function inEdition(path, lang) {
  if (/\.html$/.test(path)) return pageLanguage(path) === lang;
  return !MANIFEST.only[path] || MANIFEST.only[path] === lang;
}

function editionPaths(langs) {
  return Object.keys(MANIFEST.files).filter(function (p) {
    return langs.some(function (lang) { return inEdition(p, lang); });
  });
}

// The offline page of the edition a path belongs to.
function offlinePage(path) {
  return MANIFEST.offline[pageLanguage(path)] || MANIFEST.offline[MANIFEST.default];
}

// --- life cycle ---------------------------------------------------------------------------------

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    var windows = self.clients.matchAll({type: "window", includeUncontrolled: true});
    return Promise.all([savedPaths(cache), windows]).then(function (found) {
      var wanted = {};
      MANIFEST.shell.concat(found[0]).forEach(function (p) { wanted[p] = true; });
      found[1].forEach(function (c) {
        var p = pathOf(c.url);
        if (p) [p].concat(MANIFEST.pages[p] || []).forEach(function (q) { wanted[q] = true; });
      });
      return each(Object.keys(wanted), function (p) { return save(cache, p); });
    });
  }).then(function (failed) {
    // An edition half saved is no edition: try again at the next visit.
    if (failed) throw new Error(failed + " files could not be saved");
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.filter(function (r) {
        var p = pathOf(r.url);
        return !p || r.url !== keyOf(p);
      }).map(function (r) { return cache.delete(r); }));
    });
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.headers.has("range")) return;
  var path = pathOf(request.url);
  if (!path) return; // not a file of this edition: the network, as without a worker
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(keyOf(path)).then(function (hit) {
      if (hit) return hit;
      return fetch(request).catch(function (error) {
        // No network and a page not saved: the offline page of its edition (or, not saved yet, of
        // the default one), told which page it was.
        var offline = [offlinePage(path), MANIFEST.offline[MANIFEST.default]].filter(function (p) { return p !== path; });
        if (request.mode !== "navigate" || !offline.length) throw error;
        return cache.match(keyOf(offline[0])).then(function (page) {
          return page ? offline[0] : offline[1] && cache.match(keyOf(offline[1])).then(function (other) {
            return other ? offline[1] : null;
          });
        }).then(function (shown) {
          if (!shown) throw error;
          return Response.redirect(SCOPE + shown + "?from=" + encodeURIComponent(path), 302);
        });
      }).then(function (response) {
        // Online, a page opened: its edition's offline page is kept for the day the network is gone.
        if (request.mode === "navigate") event.waitUntil(save(cache, offlinePage(path)).catch(function () {}));
        if (response.ok && response.type === "basic" && !response.redirected) {
          var copy = response.clone();
          event.waitUntil(checked(path, copy).then(function (kept) {
            // Another edition on the server: fetch its worker instead of keeping the file.
            return kept ? cache.put(keyOf(path), kept) : self.registration.update();
          }));
        }
        return response;
      });
    });
  }));
});

// --- messages from the page ---------------------------------------------------------------------

// What is saved of the editions `langs`: files saved, files in all, bytes still to fetch, and
// the pages saved.
function status(cache, langs) {
  return savedPaths(cache).then(function (saved) {
    var have = {};
    saved.forEach(function (p) { have[p] = true; });
    var paths = editionPaths(langs);
    var done = paths.filter(function (p) { return have[p]; });
    var left = paths.reduce(function (sum, p) { return have[p] ? sum : sum + MANIFEST.files[p][1]; }, 0);
    return {type: "status", done: done.length, total: paths.length, bytes: left, version: MANIFEST.version,
            pages: done.filter(function (p) { return /\.html$/.test(p); })};
  });
}

self.addEventListener("message", function (event) {
  var port = event.ports && event.ports[0];
  var type = event.data && event.data.type;
  if (!port) return;
  var langs = ((event.data && event.data.editions) || [MANIFEST.default]).filter(function (lang) {
    return Object.prototype.hasOwnProperty.call(MANIFEST.editions, lang);
  });
  if (type === "status") {
    event.waitUntil(caches.open(CACHE).then(function (cache) {
      return status(cache, langs);
    }).then(function (s) { port.postMessage(s); }));
  } else if (type === "save-all") {
    event.waitUntil(caches.open(CACHE).then(function (cache) {
      var paths = editionPaths(langs);
      return each(paths, function (p) { return save(cache, p); }, function (done, total) {
        port.postMessage({type: "progress", done: done, total: total});
      }).then(function (failed) {
        return status(cache, langs).then(function (s) {
          s.type = failed ? "partial" : "saved";
          s.failed = failed;
          port.postMessage(s);
        });
      });
    }));
  }
});
