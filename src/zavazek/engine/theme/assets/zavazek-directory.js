/* Directory lists: each card's hours for today and "open now", computed for the
 * Prague time zone when the page is read (a page built days ago must not show a
 * stale "today"), and instant filtering of the services on a region page.
 * Without JavaScript a card shows the week's hours and the page offers
 * pre-built lists instead (the form stays hidden). */
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

  /* "8:30", "8:30 AM", "08:30" as the page's language writes a minute of the day. */
  function timeFormat(lang) {
    var format = new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "2-digit", timeZone: "UTC" });
    return function (minute) {
      return minute >= 1440 ? "24:00" : format.format(new Date(Date.UTC(2026, 0, 5, 0, minute)));
    };
  }

  /* The next opening after today (day offset and minute), or null. */
  function nextOpening(hours, day) {
    for (var ahead = 1; ahead <= 7; ahead += 1) {
      var ranges = hours[(day + ahead) % 7] || [];
      if (ranges.length) return { day: (day + ahead) % 7, minute: ranges[0][0] };
    }
    return null;
  }

  /* A line for today on each card of a list, after the week's hours the card shows. */
  function annotate(list) {
    var labels = JSON.parse(list.getAttribute("data-today") || "null");
    if (!labels) return;
    var time = timeFormat(labels.lang);
    var now = pragueTime(new Date());
    Array.prototype.forEach.call(list.querySelectorAll("[data-service]"), function (card) {
      /* {"week": {day: [[from, to], …]}, "appointment": bool} (zavazek.model.hours.for_browser) */
      var data = JSON.parse(card.getAttribute("data-hours") || "{}");
      var hours = data.week || {};
      card._hours = hours;
      var when = card.querySelector("dt.zv-when");
      if (!when || (!Object.keys(hours).length && !data.appointment)) return;
      var term = document.createElement("dt");
      var line = document.createElement("dd");
      term.className = line.className = "zv-today";
      term.textContent = labels.today;
      var english = labels.ui !== labels.lang; /* a language without a catalog: the words are English */
      if (english) term.lang = labels.ui;
      line.innerHTML = "<span class=\"zv-today__hours\"></span> <span class=\"zv-open-now\" hidden></span>";
      var text = line.querySelector(".zv-today__hours");
      var badge = line.querySelector(".zv-open-now");
      var today = hours[now.day] || [];
      var next = nextOpening(hours, now.day);
      if (today.length) {
        var open = isOpen(hours, now.day, now.minute);
        text.textContent = today.map(function (r) { return time(r[0]) + "\u2013" + time(r[1]); }).join(", ");
        /* a place open by appointment is never "closed": the reader arranges a time */
        badge.textContent = open ? labels.open : data.appointment ? labels.appointment : labels.closed;
        if (english) badge.lang = labels.ui;
        badge.classList.toggle("zv-open-now--open", open);
        badge.hidden = false;
      } else if (data.appointment) {
        text.textContent = labels.appointment;
        if (english) text.lang = labels.ui;
      } else {
        text.textContent = labels.closedToday.replace("{day}", labels.days[next.day]).replace("{time}", time(next.minute));
        if (english) text.lang = labels.ui;
      }
      var after = when.nextElementSibling;
      while (after && after.tagName === "DD") after = after.nextElementSibling;
      when.parentNode.insertBefore(term, after);
      when.parentNode.insertBefore(line, after);
    });
  }

  function setup(form) {
    var list = document.getElementById(form.getAttribute("data-list"));
    if (!list) return;
    var cards = Array.prototype.slice.call(list.querySelectorAll("[data-service]"));
    var status = form.querySelector("[role=status]");
    var template = status.getAttribute("data-template");

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

  Array.prototype.forEach.call(document.querySelectorAll("ul[data-today]"), annotate);
  Array.prototype.forEach.call(document.querySelectorAll("form[data-directory-filter]"), setup);
})();
