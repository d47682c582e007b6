// citegraph Papers page: builds cards from the embedded JSON, filters, sorts, pages.
// Every string from the report goes through textContent or a checked href, never innerHTML.
(function () {
  "use strict";
  const PAGE = 50;
  const EXCERPT = 300;
  const SITES_SHOWN = 8;
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($("citegraph-data").textContent);
  const { files, symbols, papers } = data;
  const repositories = data.repositories || null;  // an index of several repositories
  const byId = new Map();
  const cardCache = new Map();
  let matches = papers;
  let shown = PAGE;
  let codeShown = PAGE;
  let modules = null;

  const top = (path) => (path.indexOf("/") === -1 ? "." : path.slice(0, path.indexOf("/")));
  const isHttp = (url) => typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url);
  const display = (p) => p.title || p.hint || p.id;

  papers.forEach((p, index) => {
    const syms = new Set();
    p.langs = new Set();
    p.dirs = new Set();
    p.repos = new Set();
    p.sites.forEach((site) => {
      const file = files[symbols[site[0]][2]];
      syms.add(site[0]);
      p.langs.add(file[1]);
      p.dirs.add(top(file[0]));
      if (file[2] !== undefined && file[2] !== null) { p.repos.add(file[2]); }
    });
    const words = [p.title, p.hint, p.authors.join(" "), p.abstract, p.id, p.ids.join(" "), p.venue];
    syms.forEach((s) => words.push(symbols[s][0], files[symbols[s][2]][0]));
    p.n = syms.size;
    p.text = words.join(" ").toLowerCase();
    p.sortTitle = display(p).toLowerCase();
    p.index = index;
    byId.set(p.id, p);
  });

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function link(text, url) {
    if (!isHttp(url)) { return el("span", null, text); }
    const a = el("a", null, text);
    a.href = url;
    a.rel = "noopener noreferrer";
    return a;
  }

  function sourceUrl(path, line) {
    if (!data.source) { return null; }
    const values = {
      rev: data.revision,
      path: encodeURIComponent(path).replace(/%2F/g, "/"),
      line: String(line),
    };
    const url = data.source.map((piece, i) => (i % 2 ? values[piece] || "" : piece)).join("");
    return isHttp(url) ? url : null;
  }

  function siteItem(site) {
    const symbol = symbols[site[0]];
    const path = files[symbol[2]][0];
    const li = el("li");
    li.append(el("code", "symbol", symbol[0]), " ");
    const where = el("span", "where");
    where.append(link(path + ":" + site[1], sourceUrl(path, site[1])));
    li.append(where, " ", el("span", "ctx", site[2]));
    return li;
  }

  function buildCard(p) {
    const card = el("article", "card" + (p.resolved ? "" : " unresolved"));
    card.dataset.paperId = p.id;
    const h2 = el("h2", "title");
    h2.append(link(display(p), p.url));
    if (!p.title && p.hint) { h2.append(" ", el("span", "badge soft", "title as written in the code")); }
    card.append(h2);
    const byline = el("p", "byline");
    if (p.authors.length) {
      const names = p.authors.slice(0, 6).join(", ") + (p.authors.length > 6 ? " et al." : "");
      byline.append(el("span", "authors", names));
    }
    if (p.year) { byline.append(el("span", "year", p.year)); }
    if (p.venue) { byline.append(el("span", "venue", p.venue)); }
    if (byline.childNodes.length) { card.append(byline); }
    const ids = el("p", "ids");
    ids.append(el("code", "key", p.id));
    p.ids.forEach((id) => ids.append(el("code", null, id)));
    if (!p.resolved) { ids.append(el("span", "badge", p.status.replace(/-/g, " "))); }
    if (p.confidence !== undefined) {
      ids.append(el("span", "badge soft", "match " + Math.round(p.confidence * 100) + "%"));
    }
    card.append(ids);
    if (p.abstract.length > EXCERPT) {
      const details = el("details", "abstract");
      const cut = p.abstract.lastIndexOf(" ", EXCERPT);
      details.append(el("summary", null, p.abstract.slice(0, cut > 0 ? cut : EXCERPT) + "…"));
      details.append(el("p", null, p.abstract));
      card.append(details);
    } else if (p.abstract) {
      card.append(el("p", "abstract", p.abstract));
    }
    const sites = el("div", "sites");
    const places = p.sites.length === 1 ? "1 place" : p.sites.length + " places";
    let heading = `Cited by ${p.n} symbol${p.n === 1 ? "" : "s"} in ${places}`;
    if (repositories) {
      heading += ` in ${p.repos.size} repositor${p.repos.size === 1 ? "y" : "ies"}`;
      sites.append(el("h3", null, heading));
      // One group per repository, in the index's order, each with its own citing symbols.
      Array.from(p.repos).sort((a, b) => a - b).forEach((r) => {
        const own = p.sites.filter((site) => files[symbols[site[0]][2]][2] === r);
        const group = el("div", "repo");
        group.dataset.repository = repositories[r];
        const count = new Set(own.map((site) => site[0])).size;
        const h4 = el("h4");
        h4.append(el("strong", "repo-name", repositories[r]), " ",
          el("span", "ctx", `${count} symbol${count === 1 ? "" : "s"}`));
        group.append(h4);
        siteList(group, own);
        sites.append(group);
      });
    } else {
      sites.append(el("h3", null, heading));
      siteList(sites, p.sites);
    }
    card.append(sites);
    return card;
  }

  function siteList(parent, all) {
    const list = el("ul");
    all.slice(0, SITES_SHOWN).forEach((site) => list.append(siteItem(site)));
    parent.append(list);
    if (all.length > SITES_SHOWN) {
      const rest = el("details", "rest");
      rest.append(el("summary", null, `${all.length - SITES_SHOWN} more`));
      const more = el("ul");
      rest.addEventListener("toggle", () => {
        if (!more.childNodes.length) {
          all.slice(SITES_SHOWN).forEach((site) => more.append(siteItem(site)));
        }
      }, { once: true });
      rest.append(more);
      parent.append(rest);
    }
  }

  function card(p) {
    if (!cardCache.has(p.id)) { cardCache.set(p.id, buildCard(p)); }
    return cardCache.get(p.id);
  }

  function number(id) {
    const value = parseInt($(id).value, 10);
    return isNaN(value) ? null : value;
  }

  function words() {
    return $("q").value.toLowerCase().split(/\s+/).filter(Boolean);
  }

  const SORTS = {
    repos: (a, b) => b.repos.size - a.repos.size || b.n - a.n || a.index - b.index,
    refs: (a, b) => b.n - a.n || b.sites.length - a.sites.length || a.index - b.index,
    year: (a, b) => (b.year || 0) - (a.year || 0) || a.index - b.index,
    title: (a, b) => (a.sortTitle < b.sortTitle ? -1 : a.sortTitle > b.sortTitle ? 1 : a.index - b.index),
  };

  function filter() {
    const terms = words();
    const kind = $("kind").value, status = $("status").value;
    const language = $("language").value, directory = $("directory").value;
    const repository = $("repository") ? $("repository").value : "";
    const from = number("year-min"), to = number("year-max");
    matches = papers.filter((p) =>
      terms.every((w) => p.text.indexOf(w) !== -1) &&
      (!kind || p.kind === kind) &&
      (!status || (status === "resolved") === p.resolved) &&
      (!language || p.langs.has(language)) &&
      (!directory || p.dirs.has(directory)) &&
      (!repository || p.repos.has(Number(repository))) &&
      (from === null || (p.year && p.year >= from)) &&
      (to === null || (p.year && p.year <= to)));
    matches.sort(SORTS[$("sort").value] || SORTS.refs);
    shown = PAGE;
    codeShown = PAGE;
    render();
  }

  function moreButton(button, left) {
    button.hidden = left <= 0;
    button.textContent = `Show ${Math.min(left, PAGE)} more (${left} not shown)`;
  }

  function render() {
    const cards = matches.slice(0, shown).map(card);
    $("cards").replaceChildren(...cards);
    $("empty").hidden = matches.length !== 0;
    moreButton($("more-papers"), matches.length - cards.length);
    const total = papers.length;
    if ($("papers").hidden) { renderCode(); return; }
    $("count").textContent = matches.length === total
      ? `${total} paper${total === 1 ? "" : "s"}`
      : `${matches.length} of ${total} papers`;
  }

  // The Code view: files, the symbols in them, and the papers each symbol cites.
  function buildModules() {
    const bySymbol = new Map();
    papers.forEach((p) => p.sites.forEach((site) => {
      if (!bySymbol.has(site[0])) { bySymbol.set(site[0], new Set()); }
      bySymbol.get(site[0]).add(p);
    }));
    const byFile = new Map();
    bySymbol.forEach((cited, s) => {
      const f = symbols[s][2];
      if (!byFile.has(f)) { byFile.set(f, []); }
      const text = [symbols[s][0], files[f][0]];
      cited.forEach((p) => text.push(display(p), p.id));
      byFile.get(f).push({ s, cited: Array.from(cited), text: text.join(" ").toLowerCase() });
    });
    return Array.from(byFile, ([f, rows]) => ({ f, rows }))
      .sort((a, b) => (files[a.f][0] < files[b.f][0] ? -1 : 1));
  }

  function moduleNode(module, rows) {
    const section = el("section", "module");
    const [path, language] = files[module.f];
    const cited = new Set();
    module.rows.forEach((row) => row.cited.forEach((p) => cited.add(p)));
    const head = el("h3");
    head.append(el("code", null, path), " ", el("span", "badge soft", language),
      " ", el("span", "ctx", `relies on ${cited.size} paper${cited.size === 1 ? "" : "s"}`));
    section.append(head);
    const table = el("table");
    rows.forEach((row) => {
      const tr = el("tr");
      const name = el("td");
      name.append(el("code", null, symbols[row.s][0]), " ", el("span", "ctx", symbols[row.s][1]));
      const refs = el("td");
      const list = el("ul");
      row.cited.forEach((p) => {
        const li = el("li", p.resolved ? null : "unresolved");
        const a = el("a", null, display(p));
        a.href = "#";
        a.dataset.goto = p.id;
        li.append(a);
        list.append(li);
      });
      refs.append(list);
      tr.append(name, refs);
      table.append(tr);
    });
    section.append(table);
    return section;
  }

  function renderCode() {
    if (!modules) { modules = buildModules(); }
    const terms = words();
    const hits = [];
    modules.forEach((module) => {
      const rows = module.rows.filter((row) => terms.every((w) => row.text.indexOf(w) !== -1));
      if (rows.length) { hits.push([module, rows]); }
    });
    $("modules").replaceChildren(...hits.slice(0, codeShown).map(([m, rows]) => moduleNode(m, rows)));
    $("code-empty").hidden = hits.length !== 0;
    const count = hits.reduce((n, hit) => n + hit[1].length, 0);
    $("count").textContent = `${count} symbol${count === 1 ? "" : "s"} in ${hits.length} file${hits.length === 1 ? "" : "s"}`;
    moreButton($("more-code"), hits.length - codeShown);
  }

  function show(view) {
    document.querySelectorAll(".views button").forEach((button) => {
      const on = button.dataset.view === view;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      $(button.dataset.view).hidden = !on;
    });
    document.body.dataset.view = view;
    $("q").hidden = view === "problems";
    $("count").hidden = view === "problems";
    if (view === "code") { renderCode(); }
  }

  function clearFilters() {
    ["q", "year-min", "year-max"].forEach((id) => { $(id).value = ""; });
    ["kind", "status", "language", "directory", "repository"].forEach((id) => {
      if ($(id)) { $(id).value = ""; }
    });
  }

  function goto(id) {
    const p = byId.get(id);
    if (!p) { return; }
    show("papers");
    if (matches.indexOf(p) === -1) { clearFilters(); filter(); }
    const position = matches.indexOf(p);
    if (position >= shown) { shown = position + 1; render(); }
    const node = card(p);
    node.classList.remove("flash");
    void node.offsetWidth;  // restart the highlight animation
    node.classList.add("flash");
    node.scrollIntoView({ block: "center" });
  }

  let timer = null;
  ["q", "kind", "status", "language", "directory", "repository", "year-min", "year-max", "sort"].forEach((id) => {
    if (!$(id)) { return; }  // the repository facet exists only on an index page
    $(id).addEventListener(id === "q" || id.startsWith("year") ? "input" : "change", () => {
      clearTimeout(timer);
      // Large reports wait for a pause in typing; small ones filter on every keystroke.
      if (papers.length > 500 && id === "q") { timer = setTimeout(filter, 60); } else { filter(); }
    });
  });
  document.querySelectorAll(".views button").forEach((button) => {
    button.addEventListener("click", () => show(button.dataset.view));
  });
  $("more-papers").addEventListener("click", () => { shown += PAGE; render(); });
  $("more-code").addEventListener("click", () => { codeShown += PAGE; renderCode(); });
  document.addEventListener("click", (event) => {
    const target = event.target.closest("[data-goto]");
    if (!target) { return; }
    event.preventDefault();
    goto(target.dataset.goto);
  });
  filter();
  if (location.hash.indexOf("#paper=") === 0) { goto(decodeURIComponent(location.hash.slice(7))); }
})();
