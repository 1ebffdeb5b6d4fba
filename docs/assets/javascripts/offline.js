/* Offline reading on phones: registers the service worker (sw.js at the site root) where browsers
 * allow one (https, or localhost), shows the notice 已更新到新版本 when the worker has taken up a
 * new edition, runs the buttons of the 版本说明 page that save the site (one language at a time,
 * saying first how much that will fetch) and, on the offline page the worker shows for a page not
 * saved, lists the pages that are.
 * Where there is no service worker (plain-http intranets, file://, old browsers) it does nothing:
 * the site works as it is. The notice and the button are written by the build (hooks/offline.py),
 * hidden; their words come from data/labels.yml.
 */
(function () {
  "use strict";
  var container = navigator.serviceWorker;
  if (!container || !window.isSecureContext || !/^https?:$/.test(location.protocol)) return;
  // This file is assets/javascripts/offline.js: the site root is two folders up.
  var root = new URL("../../", document.currentScript.src).href;
  var EDITION = "offline-edition " + root; // localStorage: the edition this browser last read

  // Send a message to the active worker about the editions `editions` (languages; by default the
  // worker's default); `progress` gets its progress reports, the promise its answer.
  function ask(type, progress, editions) {
    return container.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data.type === "progress") {
            if (progress) progress(event.data);
          } else {
            resolve(event.data);
          }
        };
        registration.active.postMessage({type: type, editions: editions}, [channel.port2]);
      });
    });
  }

  // --- a new edition ---------------------------------------------------------------------------

  // Tell the reader when the worker's edition is not the one this browser read last.
  function compareEdition() {
    ask("status").then(function (status) {
      var seen = null;
      try {
        seen = localStorage.getItem(EDITION);
        localStorage.setItem(EDITION, status.version);
      } catch (e) {
        return; // no storage (a private window): no notice
      }
      // The notice follows the page's content (it is written at the end of <body>).
      var notice = document.getElementById("offline-notice");
      if (seen && seen !== status.version && notice && notice.hidden) {
        notice.querySelector("button").addEventListener("click", function () { location.reload(); });
        notice.hidden = false;
      }
    });
  }

  container.addEventListener("controllerchange", compareEdition);
  window.addEventListener("load", function () {
    if (container.controller) compareEdition();
    // Look for a new edition at every page view (a conditional request, answered 304 while there is
    // none): browsers check by themselves only now and then. Offline, or on failure, the site stays
    // as it is.
    container.register(root + "sw.js", {scope: root}).then(function (registration) {
      if (container.controller) return registration.update();
    }).catch(function () {});
  });

  // --- the offline page: the pages saved on this device ------------------------------------------

  // The list of the offline page (offline.html of this language's folder) gets every page of that
  // folder saved on the device, titled as its saved copy is (read through the worker's cache).
  var list = document.querySelector(".offline-pages");
  if (list) {
    var here = location.href.split("?")[0].split("#")[0];
    var folder = here.slice(root.length, here.lastIndexOf("/") + 1); // "" or "en/"
    var home = folder + "index.html";
    ask("status", null, [saveBoxLanguage()]).then(function (status) {
      // The worker answers with the pages of this language's edition.
      var mine = status.pages.filter(function (p) {
        return p !== home && !/(^|\/)(offline|404)\.html$/.test(p);
      }).sort();
      if (!mine.length && status.pages.indexOf(home) < 0) {
        list.innerHTML = "";
        var none = document.createElement("li");
        none.textContent = list.parentNode.getAttribute("data-none") || "";
        list.appendChild(none);
        return;
      }
      mine.forEach(function (path) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = root + path;
        link.textContent = path;
        item.appendChild(link);
        list.appendChild(item);
        fetch(root + path).then(function (response) { return response.text(); }).then(function (text) {
          var title = /<title>([^<]*)<\/title>/.exec(text);
          if (title) link.textContent = title[1].split(" - ")[0].replace(/&amp;/g, "&").replace(/&quot;/g, "\"");
        }).catch(function () {});
      });
    });
  }

  // The language of the page's 保存全站 box (the offline page has one), or none: the worker's default.
  function saveBoxLanguage() {
    var b = document.querySelector("[data-offline-save]");
    return b ? b.getAttribute("data-lang") : undefined;
  }

  // --- the buttons that save the site, one language at a time ------------------------------------

  var box = document.querySelector("[data-offline-save]");
  if (!box) return;
  var buttons = Array.prototype.slice.call(box.querySelectorAll("button[data-edition]"));
  var output = box.querySelector("[role=status]");
  var own = [box.getAttribute("data-lang")];

  function size(bytes) {
    return bytes >= 1e6 ? (bytes / 1e6).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1e3)) + " kB";
  }

  function say(template, message) {
    output.textContent = template.replace("{done}", message.done).replace("{total}", message.total)
      .replace("{size}", size(message.bytes || 0));
  }

  box.hidden = false;
  ask("status", null, own).then(function (message) { say(box.dataset.status, message); });
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var editions = [button.getAttribute("data-edition")];
      buttons.forEach(function (b) { b.disabled = true; });
      ask("save-all", function (message) { say(box.dataset.saving, message); }, editions).then(function (message) {
        say(message.type === "saved" ? box.dataset.saved : box.dataset.partial, message);
        buttons.forEach(function (b) { b.disabled = false; });
      });
    });
  });
})();
