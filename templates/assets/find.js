/* jiedu find: filter-as-you-type lists (glossary, vocabulary) and the search page.
   Chinese in either script, pinyin with or without tones (ü as v or u:), English.
   Nothing is fetched: the search index arrives as a script, search-index.js. */
(function () {
  "use strict";
  var d = document, HAN = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud8bf][\udc00-\udfff]/g;
  var IS_HAN = new RegExp(HAN.source), LIMIT = 100;

  // "Gàn bù" -> "gan bu"; ü -> v, as in the index.
  function toneless(text) {
    return text.toLowerCase().replace(/u:/g, "v").normalize("NFD").replace(/u\u0308/g, "v").replace(/[\u0300-\u036f]/g, "");
  }
  function compact(text) { return toneless(text).replace(/[\s'’·-]+|[1-5]/g, ""); }
  var el = window.jiedu.el; // jiedu.js, which every page loads first
  function query() { try { return new URLSearchParams(location.search).get("q") || ""; } catch (e) { return ""; } }
  function remember(q) { // keep the query in the address, where the browser allows it (not always on file://)
    try { history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname); } catch (e) { /* ignore */ }
  }
  function later(fn, ms) { var timer; return function () { clearTimeout(timer); timer = setTimeout(fn, ms); }; }

  // ------------------------------------------------------------ lists filtered as you type
  function filterList(input) {
    var items = Array.from(d.querySelectorAll(input.dataset.filter)), groups = input.dataset.group;
    var count = d.getElementById(input.getAttribute("aria-describedby")), noun = input.dataset.noun;
    var keys = null; // read from the page at the first keystroke, not while it loads
    function key(item) {
      var text = Array.from(item.querySelectorAll(".hanzi, .hanzi-trad, .pinyin, .english, .literal"))
        .map(function (n) { return n.textContent; }).join("\n");
      var pinyin = item.querySelector(".pinyin");
      return [text.toLowerCase() + "\n" + toneless(text), "\n" + (pinyin ? compact(pinyin.textContent) : "")];
    }
    var announce = later(function () {
      var shown = items.filter(function (item) { return !item.hidden; }).length;
      count.textContent = (shown === items.length ? "" : shown + " of ") + items.length + " " + noun;
    }, 350);
    function apply() {
      var q = input.value.trim().toLowerCase(), plain = toneless(q), joined = compact(q);
      keys = keys || items.map(key);
      items.forEach(function (item, i) {
        item.hidden = !!q && keys[i][0].indexOf(q) < 0 && keys[i][0].indexOf(plain) < 0 && !(joined && keys[i][1].indexOf(joined) >= 0);
      });
      if (groups) d.querySelectorAll(groups).forEach(function (group) {
        group.hidden = !!q && !items.some(function (item) { return !item.hidden && group.contains(item); });
      });
      announce();
    }
    input.addEventListener("input", apply);
    input.value = query();
    if (input.value) apply();
  }
  d.querySelectorAll("input[data-filter]").forEach(filterList);

  // ------------------------------------------------------------ search
  var index = window.JIEDU_INDEX, form = d.querySelector("form.search");
  if (!index || !form) return;
  var input = form.querySelector("input"), results = d.getElementById("results"), count = d.getElementById("search-count");

  // Per block, once: its pinyin without spaces, where each syllable starts, where each Han character is.
  function prepare(block) {
    if (block.joined !== undefined) return block;
    var syllables = block[2] ? block[2].split(" ") : [], starts = {}, ends = [], at = 0, han = [], match;
    syllables.forEach(function (s, i) { starts[at] = i; ends.push(at += s.length); });
    HAN.lastIndex = 0;
    while ((match = HAN.exec(block[0]))) han.push([match.index, match.index + match[0].length]);
    block.joined = syllables.join("");
    block.starts = starts;
    block.ends = ends;
    block.han = han.length === syllables.length ? han : null;
    return block;
  }
  // The characters a pinyin query covers: it must start at a syllable; it may end inside one.
  function pinyinHit(block, joined) {
    prepare(block);
    if (!block.han) return null;
    for (var at = block.joined.indexOf(joined); at >= 0; at = block.joined.indexOf(joined, at + 1)) {
      var first = block.starts[at];
      if (first === undefined) continue;
      var last = first;
      while (block.ends[last] < at + joined.length) last++;
      return [block.han[first][0], block.han[last][1]];
    }
    return null;
  }
  function hit(block, q, plain, joined, latin) {
    var found = {}, at;
    if ((at = block[0].indexOf(q)) >= 0) found.zh = [at, at + q.length];
    else if (block[1] && (at = block[1].indexOf(q)) >= 0) { found.zh = [at, at + q.length]; found.trad = true; }
    if (latin) {
      var en = block[3].toLowerCase();
      if ((at = en.indexOf(q)) >= 0) found.en = [at, at + q.length];
      if (joined) { var span = pinyinHit(block, joined); if (span) found.zh = span; }
    }
    return found.zh || found.en ? found : null;
  }
  function snippet(text, span, radius, lang) {
    var node = el("span", "", "", lang);
    if (!span) { node.textContent = text.length > 2 * radius ? text.slice(0, 2 * radius) + "…" : text; return node; }
    var from = Math.max(0, span[0] - radius), to = Math.min(text.length, span[1] + radius);
    node.append((from ? "…" : "") + text.slice(from, span[0]), el("mark", "", text.slice(span[0], span[1])),
      text.slice(span[1], to) + (to < text.length ? "…" : ""));
    return node;
  }
  function termHits(q, plain, joined, latin) {
    return index.terms.filter(function (t) {
      return t[1].indexOf(q) >= 0 || t[2].indexOf(q) >= 0 ||
        (latin && (t[4].toLowerCase().indexOf(q) >= 0 || (joined && compact(t[3]).indexOf(joined) >= 0)));
    });
  }
  function search() {
    var q = input.value.trim().toLowerCase(), plain = toneless(q), joined = compact(q);
    var latin = !IS_HAN.test(q), shown = 0, total = 0, articles = 0;
    results.textContent = "";
    remember(input.value.trim());
    if (!q) { count.textContent = ""; return; }
    var terms = termHits(q, plain, joined, latin);
    if (terms.length) {
      var section = el("section"), list = el("ul", "results");
      section.append(el("h2", "", "Glossary"), list);
      terms.slice(0, LIMIT).forEach(function (t) {
        var li = el("li"), a = el("a", "", t[1], "zh-Hans");
        a.href = "glossary.html#" + t[0];
        li.append(a, " ", el("span", "", t[3], "zh-Latn-pinyin"), " " + t[4]);
        list.appendChild(li);
      });
      results.appendChild(section);
    }
    index.articles.forEach(function (article) {
      var list = el("ol", "results");
      article.blocks.forEach(function (block, i) {
        var found = hit(block, q, plain, joined, latin);
        if (!found) return;
        total++;
        if (shown++ >= LIMIT) return;
        var li = el("li"), a = el("a"), p = el("p", "", "", "en");
        a.href = "articles/" + article.slug + ".html#b" + (i + 1);
        a.appendChild(snippet(found.trad ? block[1] : block[0], found.zh, 30, found.trad ? "zh-Hant" : "zh-Hans"));
        li.appendChild(a);
        if (block[3]) { p.appendChild(snippet(block[3], found.en, 70)); li.appendChild(p); }
        list.appendChild(li);
      });
      if (!list.children.length) return;
      articles++;
      var section = el("section"), heading = el("h2"), link = el("a", "", article.title, "zh-Hans");
      link.href = "articles/" + article.slug + ".html";
      heading.appendChild(link);
      if (article.title_en) heading.append(" ", el("span", "en-title", article.title_en));
      section.append(heading, list);
      results.appendChild(section);
    });
    count.textContent = (total ? total + (total === 1 ? " paragraph" : " paragraphs") + " in " + articles +
      (articles === 1 ? " article" : " articles") : "No paragraph") + (terms.length ? ", " + terms.length +
      (terms.length === 1 ? " glossary term" : " glossary terms") : "") + (total > LIMIT ? "; the first " + LIMIT + " shown" : "");
  }
  var soon = later(search, 150);
  input.addEventListener("input", soon);
  form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
  input.value = query();
  if (input.value) search();
})();
