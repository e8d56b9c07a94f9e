/* Keep the pages a reader opens for reading without a connection (the site's own service worker,
 * zavazek-sw.js at the site root). Where there are no service workers (a copy opened from disk,
 * an old browser) the site works as before. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var worker = new URL("../zavazek-sw.js", script.src).href;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(worker).catch(function () { /* the pages work without it */ });
  });
})();
