/* Offline reading on phones: registers the service worker (sw.js at the site root) where browsers
 * allow one (https, or localhost), shows the notice 已更新到新版本 when the worker has taken up a
 * new edition, and runs the button of the 版本说明 page that saves the whole site.
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

  // Send a message to the active worker; `progress` gets its progress reports, the promise its answer.
  function ask(type, progress) {
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
        registration.active.postMessage({type: type}, [channel.port2]);
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

  // --- the button that saves the whole site ---------------------------------------------------

  var box = document.querySelector("[data-offline-save]");
  if (!box) return;
  var button = box.querySelector("button");
  var output = box.querySelector("[role=status]");

  function say(template, message) {
    output.textContent = template.replace("{done}", message.done).replace("{total}", message.total);
  }

  box.hidden = false;
  ask("status").then(function (message) { say(box.dataset.status, message); });
  button.addEventListener("click", function () {
    button.disabled = true;
    ask("save-all", function (message) { say(box.dataset.saving, message); }).then(function (message) {
      say(message.type === "saved" ? box.dataset.saved : box.dataset.partial, message);
      button.disabled = false;
    });
  });
})();
