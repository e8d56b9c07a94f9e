/* Directory filters: instant filtering of the services listed on a region page,
 * and "open now" computed for the Prague time zone. Without JavaScript the
 * page offers pre-built lists instead (the form below stays hidden). */
(function () {
  "use strict";
  var DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  var prague = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Prague", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
  });

  /* Weekday (0 = Monday) and minute of the day in Prague for a moment. */
  function pragueTime(date) {
    var parts = {};
    prague.formatToParts(date).forEach(function (p) { parts[p.type] = p.value; });
    return { day: DAYS.indexOf(parts.weekday), minute: Number(parts.hour) * 60 + Number(parts.minute) };
  }

  function isOpen(hours, day, minute) {
    return (hours[day] || []).some(function (r) { return minute >= r[0] && minute < r[1]; });
  }

  function opensOn(hours, day) {
    return (hours[day] || []).length > 0;
  }

  window.zavazekOpening = { pragueTime: pragueTime, isOpen: isOpen };

  function setup(form) {
    var list = document.getElementById(form.getAttribute("data-list"));
    if (!list) return;
    var cards = Array.prototype.slice.call(list.querySelectorAll("[data-service]"));
    var status = form.querySelector("[role=status]");
    var template = status.getAttribute("data-template");
    var openLabel = form.getAttribute("data-open-label");
    var closedLabel = form.getAttribute("data-closed-label");
    var now = pragueTime(new Date());

    cards.forEach(function (card) {
      var hours = JSON.parse(card.getAttribute("data-hours") || "{}");
      card._hours = hours;
      var badge = card.querySelector(".zv-open-now");
      if (badge && Object.keys(hours).length) {
        var open = isOpen(hours, now.day, now.minute);
        badge.textContent = open ? openLabel : closedLabel;
        badge.classList.toggle("zv-open-now--open", open);
        badge.hidden = false;
      }
    });

    function apply() {
      var category = form.elements.category.value;
      var language = form.elements.language.value;
      var interpreted = form.elements.interpreted.checked;
      var free = form.elements.free.checked;
      var when = form.elements.when.value;
      var current = pragueTime(new Date());
      var shown = 0;
      cards.forEach(function (card) {
        var ok = true;
        if (category && card.getAttribute("data-categories").split(" ").indexOf(category) < 0) ok = false;
        if (ok && language) {
          var spoken = card.getAttribute("data-languages").split(" ");
          var viaInterpreter = card.getAttribute("data-interpreted").split(" ");
          ok = spoken.indexOf(language) >= 0 || (interpreted && viaInterpreter.indexOf(language) >= 0);
        }
        if (ok && free && card.getAttribute("data-free") !== "1") ok = false;
        if (ok && when === "now") ok = isOpen(card._hours, current.day, current.minute);
        else if (ok && when !== "") ok = opensOn(card._hours, Number(when));
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      list.querySelectorAll("[data-group]").forEach(function (group) {
        group.hidden = !group.querySelector("[data-service]:not([hidden])");
      });
      status.textContent = template.replace("{count}", String(shown));
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.hidden = false;
    apply();
  }

  document.querySelectorAll("form[data-directory-filter]").forEach(setup);
})();
