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
 *   What a page has just loaded is taken from the browser's cache, not fetched again.
 * - fetch: a site file from the cache when it is there, else from the network (and kept).
 * - messages from the page (assets/javascripts/offline.js): "status", and "save-all" (the button
 *   of the 版本说明 page) which fetches every file of the manifest.
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
      return fetch(request).then(function (response) {
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

function status(cache) {
  return savedPaths(cache).then(function (paths) {
    return {type: "status", done: paths.length, total: Object.keys(MANIFEST.files).length, version: MANIFEST.version};
  });
}

self.addEventListener("message", function (event) {
  var port = event.ports && event.ports[0];
  var type = event.data && event.data.type;
  if (!port) return;
  if (type === "status") {
    event.waitUntil(caches.open(CACHE).then(status).then(function (s) { port.postMessage(s); }));
  } else if (type === "save-all") {
    event.waitUntil(caches.open(CACHE).then(function (cache) {
      var paths = Object.keys(MANIFEST.files);
      return each(paths, function (p) { return save(cache, p); }, function (done, total) {
        port.postMessage({type: "progress", done: done, total: total});
      }).then(function (failed) {
        return status(cache).then(function (s) {
          s.type = failed ? "partial" : "saved";
          s.failed = failed;
          port.postMessage(s);
        });
      });
    }));
  }
});
