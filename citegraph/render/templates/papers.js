// citegraph Papers page: builds cards from the embedded JSON, filters, sorts, pages.
// Every string from the report goes through textContent or a checked href, never innerHTML.
(function () {
  "use strict";
  const PAGE = 50;
  const EXCERPT = 300;
  const SITES_SHOWN = 8;
  const REPO_SITES_SHOWN = 4;  // per repository, on a page of several
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($("citegraph-data").textContent);
  const { files, symbols, papers } = data;
  const repositories = data.repositories || null;  // an index of several repositories
  const byId = new Map();
  const byIdForm = new Map();
  const cardCache = new Map();
  let matches = papers;
  let shown = PAGE;
  let codeShown = PAGE;
  let modules = null;
  let view = "papers";
  let open = "";  // the paper whose card the URL opens (`paper=` in the hash), or ""

  const isHttp = (url) => typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url);
  // A paper known only by its authors and year reads as the code names it: "Moraglio et al. (2012)".
  const named = (p) => {
    const names = p.authors.length > 2 ? `${p.authors[0]} et al.` : p.authors.join(" and ");
    return p.year ? `${names} (${p.year})` : names;
  };
  // Names as file browsers list them: case ignored (`README.md` among the r's, not before
  // every lower-case name), the exact text breaking ties; as the filters' options are ordered.
  const byName = (a, b) => {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };
  const display = (p) => p.title || p.hint || (p.authors.length ? named(p) : p.id);
  // ... and its status says no more than that no title was there to look up.
  const byAuthorYear = (p) => p.kind === "author-year" && !p.title && !p.hint && p.authors.length > 0;

  // Search ignores case and accents: "Theophile" finds "Théophile", "lukasz" finds "Łukasz".
  const LETTERS = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };
  const fold = (text) => (/[^\x00-\x7f]/.test(text)
    ? text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[ßæœøłđðþı]/g, (c) => LETTERS[c])
    : text.toLowerCase());

  // An identifier as typed or pasted, reduced to its bare form: `arXiv:1706.03762v5`,
  // `https://arxiv.org/abs/1706.03762` and the arXiv DOI all become `1706.03762`, a DOI URL
  // becomes the DOI. Papers carry the bare forms of all their ids, so any of these finds them.
  const ARXIV = /^(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z-]+)?\/\d{7})(?:v\d+)?$/;
  function idForm(text) {
    let id = text.toLowerCase().replace(/^[<("']+|[>)"'.,;]+$/g, "");
    try { id = decodeURIComponent(id); } catch (error) { /* not %-encoded: keep as typed */ }
    id = id.replace(/^https?:\/\/(www\.)?/, "")
      .replace(/^(dx\.)?doi\.org\//, "")
      .replace(/^(export\.)?arxiv\.org\/(abs|pdf|html)\//, "")
      .replace(/^(arxiv|doi|url|isbn):\s*/, "")
      .replace(/\.pdf$/, "")
      .replace(/^10\.48550\/arxiv\./, "");
    const arxiv = ARXIV.exec(id);
    return arxiv ? arxiv[1] : id;
  }

  papers.forEach((p, index) => {
    const syms = new Set();
    p.sites.forEach((site) => syms.add(site[0]));
    const ids = [p.id].concat(p.ids, p.url ? [p.url] : []);
    const forms = ids.map(idForm);
    forms.forEach((form) => { if (!byIdForm.has(form)) { byIdForm.set(form, p); } });
    const words = [p.title, p.hint, p.authors.join(" "), p.abstract, ids.join(" "), forms.join(" "), p.venue];
    syms.forEach((s) => words.push(symbols[s][0], files[symbols[s][2]][0]));
    p.n = syms.size;
    p.text = fold(words.join(" "));
    p.sortTitle = fold(display(p));
    p.index = index;
    p.sets = p.facets.map((values) => new Set(values));
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

  function siteItem(site, prefix) {
    const symbol = symbols[site[0]];
    const path = files[symbol[2]][0];
    const li = el("li");
    // Under its repository's heading, a path is shown without the repository's name.
    const shown = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
    // A citation outside any definition (a document's, a file-level comment's) names no
    // symbol: its "symbol" is its path, shown once, as the terminal and Markdown reports do.
    if (symbol[0] !== path && symbol[0] !== shown) {
      li.append(el("code", "symbol", symbol[0]), " ");
    }
    const where = el("span", "where");
    where.append(link(shown + ":" + site[1], sourceUrl(path, site[1])));
    if (site[3] && site[3].length) where.append(el("span", "ctx", " also " + site[3].join(", ")));
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
    if (p.authors.length && !byAuthorYear(p)) {  // (the heading names its authors and year)
      // names written family name first ("Schubert, Erich") are set apart by semicolons
      const shown = p.authors.slice(0, 6);
      const names = shown.join(shown.some((a) => a.includes(",")) ? "; " : ", ") + (p.authors.length > 6 ? " et al." : "");
      byline.append(el("span", "authors", names));
    }
    if (p.year && !byAuthorYear(p)) { byline.append(el("span", "year", p.year)); }
    if (p.venue) { byline.append(el("span", "venue", p.venue)); }
    if (byline.childNodes.length) { card.append(byline); }
    const ids = el("p", "ids");
    ids.append(el("code", "key", p.id));
    p.ids.forEach((id) => ids.append(el("code", null, id)));
    if (!p.resolved) {
      const status = byAuthorYear(p) ? "cited by author and year" : p.status.replace(/-/g, " ");
      ids.append(el("span", "badge", status));
    }
    const permalink = el("a", "permalink", "link");
    permalink.href = "#paper=" + encode(p.id);
    permalink.dataset.open = p.id;
    permalink.title = "Link to this view with this paper open";
    // How well a title matched the paper found; an unresolved card's score is of a candidate
    // that was turned down ("unresolved title", "match 15%" read as a weak match).
    if (p.confidence !== undefined && p.resolved) {
      ids.append(el("span", "badge soft", "match " + Math.round(p.confidence * 100) + "%"));
    }
    ids.append(permalink);
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
      const repos = new Set(p.sites.map((site) => files[symbols[site[0]][2]][2]));
      repos.delete(null);
      heading += ` in ${repos.size} repositor${repos.size === 1 ? "y" : "ies"}`;
      sites.append(el("h3", null, heading));
      // One group per repository, in the index's order, each with its own citing symbols.
      Array.from(repos).sort((a, b) => a - b).forEach((r) => {
        const own = p.sites.filter((site) => files[symbols[site[0]][2]][2] === r);
        const group = el("div", "repo");
        group.dataset.repository = repositories[r];
        const count = new Set(own.map((site) => site[0])).size;
        const h4 = el("h4");
        h4.append(el("strong", "repo-name", repositories[r]), " ",
          el("span", "ctx", `${count} symbol${count === 1 ? "" : "s"}`));
        group.append(h4);
        siteList(group, own, REPO_SITES_SHOWN, repositories[r] + "/");
        sites.append(group);
      });
    } else {
      sites.append(el("h3", null, heading));
      siteList(sites, p.sites);
    }
    card.append(sites);
    return card;
  }

  function siteList(parent, all, limit = SITES_SHOWN, prefix = "") {
    const list = el("ul");
    all.slice(0, limit).forEach((site) => list.append(siteItem(site, prefix)));
    parent.append(list);
    if (all.length > limit) {
      const rest = el("details", "rest");
      rest.append(el("summary", null, `${all.length - limit} more`));
      const more = el("ul");
      rest.addEventListener("toggle", () => {
        if (!more.childNodes.length) {
          all.slice(limit).forEach((site) => more.append(siteItem(site, prefix)));
        }
      }, { once: true });
      rest.append(more);
      parent.append(rest);
    }
  }

  // Opening a card's abstract or its other citing places makes it the open card in the URL.
  function watchDetails(node, p) {
    node.querySelectorAll("details").forEach((details) => details.addEventListener("toggle", () => {
      if (details.open && open !== p.id) { open = p.id; saveState(false); }
    }));
  }

  function expand(node) {
    node.querySelectorAll("details").forEach((details) => { details.open = true; });
  }

  function card(p) {
    if (!cardCache.has(p.id)) {
      const node = buildCard(p);
      watchDetails(node, p);
      cardCache.set(p.id, node);
    }
    return cardCache.get(p.id);
  }

  function number(id) {
    const value = parseInt($(id).value, 10);
    return isNaN(value) ? null : value;
  }

  function words() {
    return $("q").value.split(/\s+/).filter(Boolean).map((w) => [fold(w), idForm(w)]);
  }

  const SORTS = {
    refs: (a, b) => b.n - a.n || b.sites.length - a.sites.length || a.index - b.index,
    year: (a, b) => (b.year || 0) - (a.year || 0) || a.index - b.index,
    title: (a, b) => (a.sortTitle < b.sortTitle ? -1 : a.sortTitle > b.sortTitle ? 1 : a.index - b.index),
  };

  // `count:<facet>` sorts by how many of that facet's values a paper has (e.g. repositories).
  function sorter(key) {
    const i = key.indexOf("count:") === 0 ? facets.findIndex((f) => f.name === key.slice(6)) : -1;
    if (i === -1) { return SORTS[key] || SORTS.refs; }
    return (a, b) => b.facets[i].length - a.facets[i].length || SORTS.refs(a, b);
  }

  // The facets' select boxes, built from the data: the page knows no facet by name.
  const facets = data.facets.map((facet) => {
    const select = el("select");
    select.id = "facet-" + facet.name;
    select.setAttribute("aria-label", facet.label);
    select.append(new Option(facet.all, ""));
    facet.options.forEach(([value, label, depth]) => {
      select.append(new Option("\u00a0\u00a0".repeat(depth) + label, value));
    });
    $("filters").insertBefore(select, $("filters").querySelector(".years"));
    return { name: facet.name, index: new Map(facet.options.map(([value], i) => [value, i])), select };
  });
  data.sorts.forEach(([key, label]) => $("sort").append(new Option(label, key)));

  function matchesTerms(p, terms) {
    return terms.every(([word, id]) => p.text.indexOf(word) !== -1 || p.text.indexOf(id) !== -1);
  }

  function filter() {
    const started = performance.now();
    const terms = words();
    const chosen = facets.map((f) => (f.select.value === "" ? -1 : f.index.get(f.select.value)));
    const from = number("year-min"), to = number("year-max");
    matches = papers.filter((p) =>
      matchesTerms(p, terms) &&
      chosen.every((c, i) => c === -1 || p.sets[i].has(c)) &&
      (from === null || (p.year && p.year >= from)) &&
      (to === null || (p.year && p.year <= to)));
    matches.sort(sorter($("sort").value));
    shown = PAGE;
    codeShown = PAGE;
    render();
    performance.measure("citegraph:filter", { start: started });
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
    const firstLine = new Map();  // each symbol's first citing line
    papers.forEach((p) => p.sites.forEach((site) => {
      if (!bySymbol.has(site[0])) { bySymbol.set(site[0], new Set()); }
      bySymbol.get(site[0]).add(p);
      firstLine.set(site[0], Math.min(firstLine.get(site[0]) ?? site[1], site[1]));
    }));
    const byFile = new Map();
    bySymbol.forEach((cited, s) => {
      const f = symbols[s][2];
      if (!byFile.has(f)) { byFile.set(f, []); }
      const text = [symbols[s][0], files[f][0]];
      cited.forEach((p) => text.push(display(p), p.id, idForm(p.id)));
      byFile.get(f).push({ s, cited: Array.from(cited), text: fold(text.join(" ")) });
    });
    // A file's symbols in the order the file has them (they came in the order of the papers
    // they cite, most cited first: the module's own row could stand between two methods).
    byFile.forEach((rows) => rows.sort((a, b) => firstLine.get(a.s) - firstLine.get(b.s)
      || byName(symbols[a.s][0], symbols[b.s][0])));
    return Array.from(byFile, ([f, rows]) => ({ f, rows }))
      .sort((a, b) => byName(files[a.f][0], files[b.f][0]));
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
      const rows = module.rows.filter((row) => matchesTerms(row, terms));
      if (rows.length) { hits.push([module, rows]); }
    });
    $("modules").replaceChildren(...hits.slice(0, codeShown).map(([m, rows]) => moduleNode(m, rows)));
    $("code-empty").hidden = hits.length !== 0;
    const count = hits.reduce((n, hit) => n + hit[1].length, 0);
    $("count").textContent = `${count} symbol${count === 1 ? "" : "s"} in ${hits.length} file${hits.length === 1 ? "" : "s"}`;
    moreButton($("more-code"), hits.length - codeShown);
  }

  function show(name, draw = true) {
    const buttons = Array.from(document.querySelectorAll(".views button"));
    view = buttons.some((button) => button.dataset.view === name) ? name : "papers";
    buttons.forEach((button) => {
      const on = button.dataset.view === view;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      $(button.dataset.view).hidden = !on;
    });
    document.body.dataset.view = view;
    $("q").hidden = view === "problems";
    $("count").hidden = view === "problems";
    if (draw) { render(); }
  }

  function clearFilters() {
    ["q", "year-min", "year-max"].forEach((id) => { $(id).value = ""; });
    facets.forEach((f) => { f.select.value = ""; });
  }

  // Opens paper `id` (any of its ids, in any form): on the papers view, scrolled to, expanded.
  function goto(id) {
    const p = byId.get(id) || byIdForm.get(idForm(id));
    if (!p) { open = ""; return; }
    open = p.id;
    if (view !== "papers") { show("papers"); }
    if (matches.indexOf(p) === -1) { clearFilters(); filter(); }
    const position = matches.indexOf(p);
    if (position >= shown) { shown = position + 1; render(); }
    const node = card(p);
    expand(node);
    node.classList.remove("flash");
    void node.offsetWidth;  // restart the highlight animation
    node.classList.add("flash");
    node.scrollIntoView({ block: "center" });
  }

  // The view lives in the URL's hash (`#q=...&kind=arxiv&sort=year&view=code&paper=...`), so
  // a link reopens it. Typing replaces the history entry; switching views adds one.
  const encode = (text) => encodeURIComponent(text).replace(/%(2F|3A|40|2C)/g, decodeURIComponent);

  function stateHash() {
    const pairs = [];
    if (view !== "papers") { pairs.push(["view", view]); }
    if ($("q").value.trim()) { pairs.push(["q", $("q").value]); }
    facets.forEach((f) => {
      if (f.select.value !== "") { pairs.push([f.name, f.select.value]); }
    });
    if (number("year-min") !== null) { pairs.push(["from", String(number("year-min"))]); }
    if (number("year-max") !== null) { pairs.push(["to", String(number("year-max"))]); }
    if ($("sort").selectedIndex > 0) { pairs.push(["sort", $("sort").value]); }
    if (open) { pairs.push(["paper", open]); }
    return pairs.length ? "#" + pairs.map(([k, v]) => k + "=" + encode(v)).join("&") : "";
  }

  let written = location.hash;
  function saveState(push) {
    const hash = stateHash();
    if (hash === location.hash) { return; }
    written = hash;
    try {
      history[push ? "pushState" : "replaceState"](null, "", hash || location.pathname + location.search);
    } catch (error) {  // a browser that refuses history changes on file:// URLs
      location.replace(hash || "#");
    }
  }

  function loadState() {
    written = location.hash;
    const params = new URLSearchParams(location.hash.slice(1));
    $("q").value = params.get("q") || "";
    facets.forEach((f) => {
      f.select.value = f.index.has(params.get(f.name)) ? params.get(f.name) : "";
    });
    $("year-min").value = /^\d{4}$/.test(params.get("from")) ? params.get("from") : "";
    $("year-max").value = /^\d{4}$/.test(params.get("to")) ? params.get("to") : "";
    const sort = params.get("sort");
    $("sort").value = data.sorts.some(([key]) => key === sort) ? sort : data.sorts[0][0];
    open = "";
    show(params.get("view") || "papers", false);
    filter();
    if (params.get("paper")) { goto(params.get("paper")); }
  }

  let timer = null;
  const controls = ["q", "year-min", "year-max", "sort"].map($).concat(facets.map((f) => f.select));
  controls.forEach((control) => {
    const typed = control.id === "q" || control.id.startsWith("year");
    control.addEventListener(typed ? "input" : "change", () => {
      clearTimeout(timer);
      const run = () => {
        filter();
        if (open && !matches.some((p) => p.id === open)) { open = ""; }
        saveState(false);
      };
      // Large reports wait for a pause in typing; small ones filter on every keystroke.
      if (papers.length > 500 && control.id === "q") { timer = setTimeout(run, 60); } else { run(); }
    });
  });
  document.querySelectorAll(".views button").forEach((button) => {
    button.addEventListener("click", () => { show(button.dataset.view); saveState(true); });
  });
  $("more-papers").addEventListener("click", () => { shown += PAGE; render(); });
  $("more-code").addEventListener("click", () => { codeShown += PAGE; renderCode(); });
  document.addEventListener("click", (event) => {
    const target = event.target.closest("[data-goto], [data-open]");
    if (!target) { return; }
    event.preventDefault();
    if (target.dataset.goto) { goto(target.dataset.goto); } else {
      open = target.dataset.open;
      expand(card(byId.get(open)));
    }
    saveState(true);
  });
  // Back, forward, or a link to another view of this page.
  window.addEventListener("popstate", () => { if (location.hash !== written) { loadState(); } });
  window.addEventListener("hashchange", () => { if (location.hash !== written) { loadState(); } });
  loadState();
  performance.mark("citegraph:ready");
})();
