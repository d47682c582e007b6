(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var list = $("papers");
  var cards = Array.prototype.slice.call(list.querySelectorAll("article.card"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("#symbols tbody tr"));
  var controls = ["q", "kind", "language", "directory", "year-min", "year-max", "sort"];

  function number(id) {
    var value = parseInt($(id).value, 10);
    return isNaN(value) ? null : value;
  }

  function apply() {
    var words = $("q").value.toLowerCase().split(/\s+/).filter(Boolean);
    var kind = $("kind").value, language = $("language").value, directory = $("directory").value;
    var from = number("year-min"), to = number("year-max");
    var shown = 0;
    cards.forEach(function (card) {
      var d = card.dataset, year = parseInt(d.year, 10);
      var ok = words.every(function (w) { return d.search.indexOf(w) !== -1; }) &&
        (!kind || d.kind === kind) &&
        (!language || (" " + d.languages + " ").indexOf(" " + language + " ") !== -1) &&
        (!directory || (" " + d.dirs + " ").indexOf(" " + directory + " ") !== -1) &&
        (from === null || (!isNaN(year) && year >= from)) &&
        (to === null || (!isNaN(year) && year <= to));
      card.hidden = !ok;
      if (ok) { shown += 1; }
    });
    rows.forEach(function (row) {
      row.hidden = !words.every(function (w) { return row.dataset.search.indexOf(w) !== -1; });
    });
    $("count").textContent = shown + (shown === 1 ? " paper" : " papers");
    $("empty").hidden = shown !== 0;
  }

  function sort() {
    var by = $("sort").value;
    var sorted = cards.slice().sort(function (a, b) {
      var x = a.dataset, y = b.dataset;
      if (by === "year") { return (parseInt(y.year, 10) || 0) - (parseInt(x.year, 10) || 0) || (x.title < y.title ? -1 : 1); }
      if (by === "title") { return x.title < y.title ? -1 : x.title > y.title ? 1 : 0; }
      return (parseInt(y.refs, 10) - parseInt(x.refs, 10)) || (x.title < y.title ? -1 : 1);
    });
    var fragment = document.createDocumentFragment();
    sorted.forEach(function (card) { fragment.appendChild(card); });
    fragment.appendChild($("empty"));
    list.appendChild(fragment);
  }

  function show(view) {
    Array.prototype.forEach.call(document.querySelectorAll(".views button"), function (button) {
      var on = button.getAttribute("data-view") === view;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      $(button.getAttribute("data-view")).hidden = !on;
    });
  }

  var timer = null;
  controls.forEach(function (id) {
    $(id).addEventListener(id === "sort" ? "change" : "input", function () {
      if (id === "sort") { sort(); return; }
      clearTimeout(timer);
      timer = setTimeout(apply, cards.length > 500 ? 120 : 0);
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".views button"), function (button) {
    button.addEventListener("click", function () { show(button.getAttribute("data-view")); });
  });
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-goto]") : null;
    if (!target) { return; }
    event.preventDefault();
    show("papers");
    var card = cards.filter(function (c) { return c.dataset.paperId === target.dataset.goto; })[0];
    if (card) { card.hidden = false; card.scrollIntoView({ block: "center" }); }
  });
  apply();
})();
