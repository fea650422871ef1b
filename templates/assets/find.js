/* jiedu find: filter-as-you-type lists (glossary, vocabulary) and the search page.
   Chinese in either script, pinyin with or without tones (ü as v or u:), English.
   Nothing is fetched: the search index arrives as scripts (search-index.js, then the few
   files of search/ a query needs, each added as a <script>), which work from file:// too. */
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

  // A long glossary lists its terms on glossary.html and explains them a page per
  // category: a link to glossary.html#<term> goes on to the term's own page.
  var term = location.hash && d.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (term && term.hasAttribute("data-entry")) location.replace(term.href);

  // ------------------------------------------------------------ search
  var index = window.JIEDU_INDEX, form = d.querySelector("form.search");
  if (!index || !form) return;
  var input = form.querySelector("input"), results = d.getElementById("results"), count = d.getElementById("search-count");
  var ROUND = 10, AUTO = 2, TERM_PARTS = 8, run = 0, files = { k: {}, c: {}, t: {} }, waiting = {};

  // ------------------------------ the index's files (jiedu/output/searchfiles.py, searchkeys.py)
  window.jieduSearch = function (kind, number, data) { files[kind][number] = data; };
  function load(kind, number) {
    var name = kind + number;
    if (files[kind][number]) return Promise.resolve(files[kind][number]);
    return waiting[name] || (waiting[name] = new Promise(function (resolve, reject) {
      var script = d.createElement("script");
      script.src = "search/" + name + ".js";
      script.onload = function () { script.remove(); resolve(files[kind][number]); };
      script.onerror = function () { script.remove(); delete waiting[name]; reject(new Error(name)); };
      d.head.appendChild(script);
    }));
  }
  var CONTINUE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", FINAL = "abcdefghijklmnopqrstuvwxyz6789-_";
  function decode(text) { // ascending numbers written as gaps in base 32 (searchkeys.encode_numbers)
    var numbers = [], value = 0, previous = -1;
    for (var i = 0; i < text.length; i++) {
      var digit = CONTINUE.indexOf(text[i]);
      if (digit >= 0) { value = value * 32 + digit; continue; }
      previous += value * 32 + FINAL.indexOf(text[i]);
      numbers.push(previous);
      value = 0;
    }
    return numbers;
  }
  function shardOf(key) { // FNV-1a over UTF-16 code units (searchkeys.shard_of)
    var hash = 2166136261;
    for (var i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619) >>> 0;
    return hash % index.shards;
  }
  var starts = decode(index.starts);
  function articleOf(chunk) { // chunks are numbered from the oldest article
    var low = 0, high = starts.length - 1;
    while (low < high) { var mid = (low + high + 1) >> 1; if (starts[mid] <= chunk) low = mid; else high = mid - 1; }
    return low;
  }

  // ------------------------------ which chunks a query needs: those listed under all its keys
  function spread(keys, most) { // at most `most` keys, evenly from first to last: as many files at most
    keys = keys.filter(function (key, i) { return keys.indexOf(key) === i; });
    if (keys.length <= most) return keys;
    return keys.filter(function (key, i) { return i === 0 || Math.floor(i * (most - 1) / (keys.length - 1)) > Math.floor((i - 1) * (most - 1) / (keys.length - 1)); });
  }
  function hanKeys(q) { // pairs of adjacent Han characters, else the characters
    var chars = [], pairs = [], match, end = -1;
    HAN.lastIndex = 0;
    while ((match = HAN.exec(q))) {
      if (match.index === end) pairs.push(chars[chars.length - 1] + match[0]);
      chars.push(match[0]);
      end = match.index + match[0].length;
    }
    return spread(pairs.length ? pairs : chars, 6);
  }
  function englishKeys(q) { // every three characters, or the two (code points, as the build counts them)
    var chars = Array.from(q), size = Math.min(chars.length, 3), keys = [];
    for (var i = 0; size > 1 && i + size <= chars.length; i++) keys.push("e" + chars.slice(i, i + size).join(""));
    return spread(keys, 4);
  }
  function listed(keys) { // null: no key to look up, so every chunk
    if (!keys.length) return Promise.resolve(null);
    return Promise.all(keys.map(function (key) {
      return load("k", shardOf(key)).then(function (shard) { return decode(shard[key] || ""); });
    })).then(function (lists) {
      lists.sort(function (a, b) { return a.length - b.length; });
      return lists.slice(1).reduce(function (found, list) {
        var set = new Set(list);
        return found.filter(function (n) { return set.has(n); });
      }, lists[0]);
    });
  }
  function pinyinListed(joined) { // the first 6 letters, else 3 or 2; none to look up: every chunk
    var size = joined.length >= 6 ? 6 : Math.min(joined.length, 3);
    return size > 1 ? listed(["p" + joined.slice(0, size)]) : Promise.resolve(joined ? null : []);
  }
  function candidates(q, joined, latin) {
    return Promise.all(latin ? [listed(englishKeys(q)), pinyinListed(joined)] : [listed(hanKeys(q))]).then(function (lists) {
      var all = lists.indexOf(null) >= 0, found = all ? [] : Array.from(new Set([].concat.apply([], lists)));
      if (all) for (var n = 0; n < index.chunks + index.terms; n++) found.push(n);
      return found.sort(function (a, b) { return articleOf(b) - articleOf(a) || a - b; }); // newest article first
    });
  }

  // ------------------------------ matching a block
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
  function termHits(terms, q, joined, latin) {
    return terms.filter(function (t) {
      return t[1].indexOf(q) >= 0 || t[2].indexOf(q) >= 0 ||
        (latin && (t[4].toLowerCase().indexOf(q) >= 0 || (joined && compact(t[3]).indexOf(joined) >= 0)));
    });
  }
  function showTerms(terms) {
    if (!terms.length) return;
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
  function articleSection(state, chunk) { // one section per article, its chunks' hits together
    if (state.slug === chunk.slug) return state.list;
    var section = el("section"), heading = el("h2"), link = el("a", "", chunk.title, "zh-Hans");
    link.href = "articles/" + chunk.slug + ".html";
    heading.appendChild(link);
    if (chunk.title_en) heading.append(" ", el("span", "en-title", chunk.title_en));
    state.list = el("ol", "results");
    section.append(heading, state.list);
    results.insertBefore(section, state.more);
    state.slug = chunk.slug;
    state.articles++;
    return state.list;
  }
  function showChunk(state, chunk) {
    chunk.blocks.forEach(function (block, i) {
      var found = hit(block, state.q, state.plain, state.joined, state.latin);
      if (!found || state.shown >= LIMIT) return;
      state.shown++;
      var li = el("li"), a = el("a"), p = el("p", "", "", "en");
      a.href = "articles/" + chunk.slug + ".html#b" + (chunk.from + i + 1);
      a.appendChild(snippet(found.trad ? block[1] : block[0], found.zh, 30, found.trad ? "zh-Hant" : "zh-Hans"));
      li.appendChild(a);
      if (block[3]) { p.appendChild(snippet(block[3], found.en, 70)); li.appendChild(p); }
      articleSection(state, chunk).appendChild(li);
    });
  }
  function plural(n, noun) { return n + " " + noun + (n === 1 ? "" : "s"); }
  function status(state) {
    var left = new Set(state.chunks.slice(state.next).map(articleOf)).size, done = !left || state.shown >= LIMIT;
    state.more.hidden = done;
    count.textContent = (state.shown ? plural(state.shown, "paragraph") + " in " + plural(state.articles, "article") : "No paragraph") +
      (state.terms ? ", " + plural(state.terms, "glossary term") : "") +
      (state.shown >= LIMIT ? "; the first " + LIMIT + " shown" : done ? "" : " so far; " + plural(left, "more article") + " to look through");
  }
  function more(state) { // the next ROUND chunks, shown in order once all have come
    var batch = state.chunks.slice(state.next, state.next + ROUND);
    state.next += batch.length;
    state.rounds++;
    return Promise.all(batch.map(function (n) { return load("c", n); })).then(function (chunks) {
      if (state.run !== run) return;
      chunks.forEach(function (chunk) { showChunk(state, chunk); });
      if (state.next < state.chunks.length && state.shown < LIMIT && state.rounds < AUTO && !state.shown) return more(state);
      status(state);
    });
  }
  function search() {
    var q = input.value.trim().toLowerCase(), joined = compact(q), latin = !IS_HAN.test(q);
    var state = { run: ++run, q: q, plain: toneless(q), joined: joined, latin: latin, shown: 0, articles: 0, next: 0, rounds: 0,
                  more: el("button", "more", "Show more"), slug: null };
    results.textContent = "";
    remember(input.value.trim());
    if (!q) { count.textContent = ""; return; }
    candidates(q, joined, latin).then(function (found) {
      if (state.run !== run) return;
      state.chunks = found.filter(function (n) { return n < index.chunks; });
      var parts = found.filter(function (n) { return n >= index.chunks; }).slice(0, TERM_PARTS);
      return Promise.all(parts.map(function (n) { return load("t", n - index.chunks); })).then(function (loaded) {
        if (state.run !== run) return;
        var terms = termHits([].concat.apply([], loaded), q, joined, latin);
        state.terms = terms.length;
        showTerms(terms);
        state.more.type = "button";
        state.more.hidden = true;
        state.more.addEventListener("click", function () { state.rounds = 0; state.more.hidden = true; more(state).catch(failed); });
        results.appendChild(state.more);
        return more(state);
      });
    }).catch(failed);
  }
  function failed() { count.textContent = "The search index could not be loaded: the site may be incomplete."; }
  var soon = later(search, 150);
  input.addEventListener("input", soon);
  form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
  input.value = query();
  if (input.value) search();
})();
