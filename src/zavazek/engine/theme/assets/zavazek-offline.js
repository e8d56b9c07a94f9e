/* Keep the pages a reader opens for reading without a connection (the site's own service worker,
 * zavazek-sw.js at the site root), and, on a list of services, "keep this list on my phone": the list
 * and its services' pages (site/templates/_keep.j2). Where there are no service workers (a copy opened
 * from disk, an old browser) the site works as before and the keep button stays hidden. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var worker = new URL("../zavazek-sw.js", script.src).href;

  /* Ask the worker; ``progress`` hears of each page kept. Resolves with its answer. */
  function ask(message, progress) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          var data = event.data || {};
          if (data.progress !== undefined) { if (progress) progress(data); }
          else if (data.failed) reject(new Error("failed"));
          else resolve(data.done);
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function day(iso) {
    try {
      return new Date(iso).toLocaleString(document.documentElement.lang || undefined, { dateStyle: "long", timeStyle: "short" });
    } catch (e) { return iso; }
  }

  function keeper(box) {
    var words = box.dataset; // the block's words, in the page's language: keeping, kept, full, failed, forgotten
    var keep = box.querySelector("[data-keep-button]");
    var forget = box.querySelector("[data-keep-forget]");
    var status = box.querySelector("[role=status]");
    var list = location.href;
    function fill(text, values) {
      return text.replace(/\{(\w+)\}/g, function (all, name) { return values[name] !== undefined ? values[name] : all; });
    }
    function show(state) {
      forget.hidden = !state.saved;
      if (!state.saved) return;
      var count = state.of !== undefined ? state.of : pages().length;
      var lines = [fill(words.kept, { date: day(state.saved), kept: state.kept, count: count })];
      if (state.kept < count) lines.push(words.full);
      status.textContent = lines.join(" ");
    }
    function pages() {
      var links = document.querySelectorAll(".zv-cards .zv-card__title a[href]");
      return Array.prototype.map.call(links, function (a) { return a.href; });
    }
    keep.addEventListener("click", function () {
      var urls = pages();
      keep.disabled = true;
      status.textContent = fill(words.keeping, { done: 0, count: urls.length + 1 });
      ask({ action: "keep", list: list, pages: urls }, function (step) {
        status.textContent = fill(words.keeping, { done: step.progress, count: step.of });
      }).then(function (state) {
        if (!state.saved) status.textContent = words.failed; else show(state);
      }, function () {
        status.textContent = words.failed;
      }).then(function () { keep.disabled = false; });
    });
    forget.addEventListener("click", function () {
      ask({ action: "forget", list: list }).then(function () {
        forget.hidden = true;
        status.textContent = words.forgotten;
      });
    });
    box.hidden = false;
    ask({ action: "state", list: list }).then(show, function () { /* nothing kept */ });
  }

  window.addEventListener("load", function () {
    navigator.serviceWorker.register(worker).then(function () {
      Array.prototype.forEach.call(document.querySelectorAll("[data-keep]"), keeper);
    }).catch(function () { /* the pages work without it */ });
  });
})();
