/* Send a page on (site/templates/_share.j2): where the browser has the system's share sheet
 * (navigator.share), one button opens it instead of the links; otherwise the links stay and a
 * button copies the message. Without JavaScript the links work as they are. Nothing is sent
 * anywhere until the reader chooses an app and sends it there. */
(function () {
  "use strict";
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {  /* a page opened from disk or over plain http */
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand && document.execCommand("copy");
      document.body.removeChild(area);
      if (done) resolve(); else reject(new Error("not copied"));
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-share]"), function (box) {
    var data = JSON.parse(box.getAttribute("data-share"));
    var native = box.querySelector("[data-share-native]");
    var links = box.querySelector("[data-share-links]");
    var copyButton = box.querySelector("[data-share-copy]");
    var status = box.querySelector("[role=status]");
    var shared = { title: data.title, text: data.text };
    if (data.url) shared.url = data.url;
    if (typeof navigator.share === "function" && (!navigator.canShare || navigator.canShare(shared))) {
      native.hidden = false;
      links.hidden = true;
      native.addEventListener("click", function () {
        navigator.share(shared).catch(function () { /* the reader closed the share sheet */ });
      });
      return;
    }
    copyButton.hidden = false;
    copyButton.addEventListener("click", function () {
      copy(data.message).then(function () {
        status.textContent = copyButton.getAttribute("data-copied");
      }, function () {
        status.textContent = data.message;  /* shown, to be selected and copied by hand */
      });
    });
  });
})();
