/* Directory lists and service pages: each place's hours for today and "open now", computed
 * for the Prague time zone when the page is read (a page built days ago must not show a
 * stale "today"), and instant filtering of the services on a region page, its choices kept
 * in the page's address (Back, a reload or a shared link show the same list).
 * Without JavaScript a card (and a centre on the home page) shows the week's hours and the page offers
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

  /* The next opening after today (day), or null. */
  function nextOpening(hours, day) {
    for (var ahead = 1; ahead <= 7; ahead += 1) {
      if ((hours[(day + ahead) % 7] || []).length) return (day + ahead) % 7;
    }
    return null;
  }

  /* What today brings at one place: its hours today and "open now" or "closed now"; "by appointment"
   * where it has no hours (the reader arranges a time: it is never "closed"); or when it opens next.
   * The times are written by the build, as in the place's timetable:
   * {"place": name (where there are several), "week": {day: [[from, to], …]}, "text": {day: "9:00–12:00"}}
   * (zavazek.site.directory.listing.place_for_browser); a day's first opening is its text up to "–". */
  function placeLine(place, labels, now, line) {
    var english = labels.ui !== labels.lang; /* a language without a catalog: the words are English */
    var hours = place.week;
    if (place.place) {
      var name = document.createElement("span");
      name.className = "zv-today__place";
      name.textContent = place.place + ": ";
      line.appendChild(name);
    }
    var text = document.createElement("span");
    text.className = "zv-today__hours";
    line.appendChild(text);
    if ((hours[now.day] || []).length) {
      var open = isOpen(hours, now.day, now.minute);
      var badge = document.createElement("span");
      badge.className = "zv-open-now" + (open ? " zv-open-now--open" : "");
      text.textContent = place.text[now.day];
      badge.textContent = open ? labels.open : labels.closed;
      if (english) badge.lang = labels.ui;
      line.appendChild(document.createTextNode(" "));
      line.appendChild(badge);
    } else if (!Object.keys(hours).length) {
      text.textContent = labels.appointment;
      if (english) text.lang = labels.ui;
    } else {
      var next = nextOpening(hours, now.day);
      /* a page kept offline from a build before 2026-12 still names it */
      var opens = place.opens ? place.opens[next] : place.text[next].split("\u2013")[0];
      text.textContent = labels.closedUntil.replace("{day}", labels.days[next]).replace("{time}", opens);
      if (english) text.lang = labels.ui;
    }
  }

  /* A card's week for the filters "open now" and "open on": its places' ranges together. */
  function weekOf(places) {
    var week = {};
    places.forEach(function (place) {
      Object.keys(place.week).forEach(function (day) {
        week[day] = (week[day] || []).concat(place.week[day]);
      });
    });
    return week;
  }

  function todayTerm(labels, tag) {
    var term = document.createElement(tag);
    term.textContent = labels.today;
    if (labels.ui !== labels.lang) term.lang = labels.ui;
    return term;
  }

  /* A line for today on each card of a list, after the week's hours the card shows: one per place
   * of the region, named where there are several; and on a service page, one in each place's section. */
  function annotate(container) {
    var labels = JSON.parse(container.getAttribute("data-today") || "null");
    if (!labels) return;
    var now = pragueTime(new Date());
    Array.prototype.forEach.call(container.querySelectorAll("[data-service]"), function (card) {
      /* [place, …] (listing.hours_for_browser); {"places": [place, …], …} on a page kept offline
       * from a build before 2026-12 */
      var data = JSON.parse(card.getAttribute("data-hours") || "[]");
      var places = Array.isArray(data) ? data : data.places || [];
      card._hours = weekOf(places);
      var when = card.querySelector("dt.zv-when");
      if (!when || !places.length) return;
      var after = when.nextElementSibling;
      while (after && after.tagName === "DD") after = after.nextElementSibling;
      var term = todayTerm(labels, "dt");
      term.className = "zv-today";
      when.parentNode.insertBefore(term, after);
      places.forEach(function (place) {
        var line = document.createElement("dd");
        line.className = "zv-today";
        placeLine(place, labels, now, line);
        when.parentNode.insertBefore(line, after);
      });
    });
    Array.prototype.forEach.call(container.querySelectorAll("[data-place-hours]"), function (section) {
      var place = JSON.parse(section.getAttribute("data-place-hours"));
      var line = section.querySelector("[data-today-line]");
      if (!line) return;
      var term = todayTerm(labels, "strong");
      line.appendChild(term);
      line.appendChild(document.createTextNode(": "));
      placeLine(place, labels, now, line);
      line.hidden = false;
      /* the home page shows a centre's week without JavaScript; today's line takes its place */
      var week = section.querySelector("[data-week-line]");
      if (week) week.hidden = true;
    });
  }

  function setup(form) {
    var list = document.getElementById(form.getAttribute("data-list"));
    if (!list) return;
    var cards = Array.prototype.slice.call(list.querySelectorAll("[data-service]"));
    var status = form.querySelector("[role=status]");
    var template = status.getAttribute("data-template");
    var names = ["category", "language", "interpreted", "free", "when"];

    function valueOf(field) {
      return field.type === "checkbox" ? (field.checked ? "1" : "0") : field.value;
    }

    function initial(field) {
      return field.type === "checkbox" ? (field.defaultChecked ? "1" : "0") : "";
    }

    /* The choices from the address (?category=legal_counselling&when=1), where they are kept. */
    function restore() {
      var params = new URLSearchParams(location.search);
      names.forEach(function (name) {
        var field = form.elements[name];
        var value = params.get(name);
        if (!field || value === null) return;
        if (field.type === "checkbox") field.checked = value === "1";
        else if (Array.prototype.some.call(field.options, function (o) { return o.value === value; })) field.value = value;
      });
    }

    /* The choices into the address, without a new history entry: Back leads to the page before. */
    function remember() {
      var params = new URLSearchParams(location.search);
      names.forEach(function (name) {
        var field = form.elements[name];
        if (!field) return;
        if (valueOf(field) === initial(field)) params.delete(name);
        else params.set(name, valueOf(field));
      });
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

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

    form.addEventListener("change", function () { remember(); apply(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); remember(); apply(); });
    form.hidden = false;
    restore();
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-today]"), annotate);
  Array.prototype.forEach.call(document.querySelectorAll("form[data-directory-filter]"), setup);
})();
