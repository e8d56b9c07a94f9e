/* The menu drawer on phones is a checkbox toggled by the menu icon: it opens by tap without
 * JavaScript. This makes the icon a button for the keyboard and screen readers (Enter or Space
 * opens the menu and moves into it, Escape closes it), and closes the menu after a link in it
 * leads elsewhere on the same page or the reader comes back to the page. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  var nav = drawer.querySelector("nav[aria-label]");
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  if (nav) button.setAttribute("aria-label", nav.getAttribute("aria-label"));

  function show(open) {
    if (toggle.checked !== open) toggle.checked = open;
    button.setAttribute("aria-expanded", String(open));
  }

  show(false);
  toggle.addEventListener("change", function () { show(toggle.checked); });
  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    show(!toggle.checked);
    var first = drawer.querySelector("a[href]");
    if (toggle.checked && first) first.focus();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !toggle.checked) return;
    show(false);
    button.focus();
  });
  drawer.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a[href]")) show(false);
  });
  window.addEventListener("pageshow", function () { show(false); });
})();
