/* jiedu reader: reading preferences, word cards and glossary popovers, clean copy,
   read aloud. The page is complete without this file; nothing is fetched. */
(function () {
  "use strict";
  var d = document, root = d.documentElement, each = Array.prototype.forEach;
  var KEY = "jiedu", BUILTIN = { pinyin: "all", en: "side", script: "s", tones: "off", theme: "auto",
    rt: "m", size: "m", wb: "", sandhi: "", sr: "" };
  // The site's own defaults (site.toml [reader]) arrive as data-site on <html>.
  var DEFAULTS = Object.assign({}, BUILTIN, JSON.parse(root.getAttribute("data-site") || "{}"));
  function load(key, fallback) { try { return JSON.parse(localStorage.getItem(key)) || fallback; } catch (e) { return fallback; } }
  function save(key, value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ } }
  var prefs = load(KEY, {}), known = new Set(load(KEY + ".known", []));
  var article = d.querySelector("article.reading"), main = d.getElementById("main");
  var rubies = article ? article.getElementsByTagName("ruby") : [], rts = article ? article.getElementsByTagName("rt") : [];
  var hooks = { script: setScript, sandhi: setSandhi, sr: setReaderPinyin,
    tones: function (value) { if (value !== "off") setTones(); } };

  function pref(name) { return prefs[name] || DEFAULTS[name]; }
  // Preferences that move the text: the reader's place is kept across them.
  var MOVES = { pinyin: 1, rt: 1, size: 1, en: 1, wb: 1, sandhi: 1 };
  function setPref(name, value) {
    var place = MOVES[name] && article && readingPlace();
    if (value === DEFAULTS[name]) delete prefs[name]; else prefs[name] = value;
    if (value === BUILTIN[name]) root.removeAttribute("data-" + name); else root.setAttribute("data-" + name, value);
    save(KEY, prefs);
    if (hooks[name] && article) hooks[name](value);
    if (place !== undefined) { layOutAll(); keepPlace(place); }
  }
  function el(tag, cls, text, lang) {
    var node = d.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    if (lang) node.lang = lang;
    return node;
  }
  window.jiedu = { el: el }; // shared with find.js
  function button(text, action) {
    var b = el("button", "", text);
    b.type = "button";
    b.addEventListener("click", function () { action(b); });
    return b;
  }

  // A word's characters: every child of the ruby but its <rt>s.
  function bases(node) { return Array.prototype.filter.call(node.childNodes, function (n) { return n.nodeName !== "RT"; }); }
  function chars(node) { return bases(node).map(function (n) { return n.textContent; }).join(""); }
  function word(ruby) { return ruby.dataset.h || chars(ruby); } // Simplified, the known-words key
  function syllables(ruby) { return Array.prototype.map.call(ruby.getElementsByTagName("rt"), function (rt) { return rt.textContent; }); }
  function reading(ruby) { return Array.prototype.map.call(ruby.getElementsByTagName("rt"), function (rt) { return rt.dataset.c || rt.textContent; }).join(" "); }

  // The word cards' data (senses, term notes, Traditional forms) is a script of its own,
  // loaded on first use: the page stays light, and a script, unlike fetch(), loads from file://.
  var DATA = null, waiting = [];
  window.jieduWords = function (data) { DATA = data; };
  function withData(then) {
    if (DATA) return then(DATA);
    waiting.push(then);
    if (waiting.length > 1) return;
    var script = el("script");
    script.src = article.dataset.words;
    script.onload = script.onerror = function () {
      DATA = DATA || { senses: {}, notes: {}, trad: {} }; // saved without its data: cards still open
      waiting.splice(0).forEach(function (f) { // one failing must not keep the others waiting
        try { f(DATA); } catch (e) { setTimeout(function () { throw e; }); }
      });
    };
    d.head.appendChild(script);
  }

  // Script: swap each word's characters in place, never its pinyin.
  function swap(node, form) { // form: the other script's characters; none: back to Simplified
    if (!node.dataset.h) node.dataset.h = chars(node);
    var all = Array.from(form || node.dataset.h), i = 0;
    bases(node).forEach(function (n) {
      var len = Array.from(n.textContent).length;
      n.textContent = all.slice(i, i += len).join("");
    });
  }
  function setScript(value) {
    withData(function (data) {
      var trad = value === "t";
      each.call(rubies, function (ruby, i) { if (data.trad[i]) swap(ruby, trad && data.trad[i]); });
      article.querySelectorAll("span[data-t]").forEach(function (span) { swap(span, trad && span.dataset.t); });
      article.lang = trad ? "zh-Hant" : "zh-Hans";
    });
  }
  // Tone sandhi of 一 and 不: the spoken tone instead of the citation tone.
  function setSandhi(value) {
    article.querySelectorAll("rt[data-s]").forEach(function (rt) {
      if (!rt.dataset.c) rt.dataset.c = rt.textContent;
      rt.textContent = value ? rt.dataset.s : rt.dataset.c;
    });
    if (pref("tones") !== "off") setTones();
  }
  // Tone colours: the tone is read from the syllable's mark; each character gets a span.
  var MARKS = { "\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4 };
  function tone(syllable) {
    var mark = syllable.normalize("NFD").match(/[\u0300\u0301\u0304\u030c]/);
    return mark ? MARKS[mark[0]] : 5;
  }
  function setTones() {
    each.call(rts, function (rt) {
      var base = rt.previousSibling;
      if (!base) return;
      if (base.nodeType === 3) {
        var span = el("span");
        base.replaceWith(span);
        span.appendChild(base);
        base = span;
      }
      rt.className = base.className = "t" + tone(rt.textContent);
    });
  }
  // Screen readers read each word's characters once; pinyin on request.
  function setReaderPinyin(value, node) {
    each.call(node ? node.getElementsByTagName("rt") : rts, function (rt) {
      if (value) { rt.removeAttribute("aria-hidden"); rt.lang = "zh-Latn-pinyin"; } else rt.setAttribute("aria-hidden", "true");
    });
  }
  function markKnown() {
    each.call(rubies, function (ruby) { ruby.classList.toggle("k", known.has(word(ruby))); });
    d.querySelectorAll("[data-known]").forEach(function (node) { node.textContent = known.size; });
    if (root.dataset.pinyin === "unknown") layOutAll();
  }

  // Pinyin layout. CSS centres each syllable over its character; one wider than the
  // character's advance would touch its neighbour. Along each line the syllables move
  // apart as little as they must (least squares, order kept, a gap between: isotonic
  // regression by pooling adjacent violators) and stay within the line. With pinyin on
  // tap, only a word's own syllables, which show together, move apart. A block is laid
  // out when it comes near the view, again when the text moves.
  var GAP = 0.3, range = d.createRange(); // GAP: of the pinyin's size, about a space
  function shown(rt) {
    var mode = root.dataset.pinyin;
    return rt.firstChild && mode !== "off" && !(mode === "unknown" && rt.parentNode.classList.contains("k"));
  }
  // Measuring (reads only) and moving (writes only) are apart, so that the blocks that
  // come near together are all measured on one layout, not one forced layout each.
  function measure(zh) {
    var rts = Array.prototype.filter.call(zh.getElementsByTagName("rt"), shown), perWord = root.dataset.pinyin === "hover";
    if (!rts.length) return [];
    var edge = zh.getBoundingClientRect(), gap = GAP * parseFloat(getComputedStyle(rts[0]).fontSize), runs = [], run = null;
    rts.forEach(function (rt) {
      range.selectNodeContents(rt);
      var box = range.getBoundingClientRect(), item = { rt: rt, centre: box.left + box.width / 2 - (rt.dx || 0), width: box.width };
      var key = perWord ? rt.parentNode : Math.round(box.top);
      if (!run || run.key !== key) runs.push(run = { key: key, items: [] });
      run.items.push(item);
    });
    runs.forEach(function (line) { spread(line.items, gap, edge.left + zh.clientLeft, edge.right); });
    return rts;
  }
  function move(rts) {
    rts.forEach(function (rt) { if (rt.move !== (rt.dx || 0)) { rt.dx = rt.move; rt.style.setProperty("--dx", rt.move + "px"); } });
  }
  function layOut(list) { list.map(measure).forEach(move); }
  function spread(items, gap, lo, hi) {
    var offset = 0, pools = [];
    items.forEach(function (item, i) { // centres less the room the ones before need: these must not decrease
      if (i) offset += (items[i - 1].width + item.width) / 2 + gap;
      item.offset = offset;
      var pool = { sum: item.centre - offset, n: 1 };
      while (pools.length && pools[pools.length - 1].sum / pools[pools.length - 1].n >= pool.sum / pool.n) {
        var last = pools.pop();
        pool = { sum: last.sum + pool.sum, n: last.n + pool.n };
      }
      pools.push(pool);
    });
    var low = lo + items[0].width / 2, high = Math.max(low, hi - items[items.length - 1].width / 2 - offset), i = 0;
    pools.forEach(function (pool) {
      var at = Math.min(high, Math.max(low, pool.sum / pool.n));
      for (var k = 0; k < pool.n; k++, i++) {
        items[i].rt.move = Math.round((at + items[i].offset - items[i].centre) * 10) / 10;
      }
    });
  }
  var blocks = article ? article.getElementsByClassName("zh") : [];
  var near = new IntersectionObserver(function (entries) {
    layOut(entries.filter(function (entry) { return entry.isIntersecting; }).map(function (entry) {
      near.unobserve(entry.target);
      return entry.target;
    }));
  }, { rootMargin: "100% 0px" });
  function layOutAll() { // as each block comes near the view (the ones in view at once)
    near.disconnect();
    each.call(blocks, function (zh) { near.observe(zh); });
  }
  // The reader's place: the first word below the reading bar, and where it is on screen.
  // Kept when the text moves, and when the bar grows or shrinks (More), below the bar.
  function barBottom() {
    var bar = d.querySelector(".controls");
    return bar ? Math.max(0, bar.getBoundingClientRect().bottom) : 0;
  }
  function readingPlace() {
    var top = barBottom(), lo = 0, hi = rubies.length - 1;
    if (hi < 0 || !scrollY) return null;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (rubies[mid].getBoundingClientRect().bottom > top) hi = mid; else lo = mid + 1;
    }
    return { word: rubies[lo], top: rubies[lo].getBoundingClientRect().top, bar: top };
  }
  function keepPlace(place) {
    if (!place) return;
    var moved = place.word.getBoundingClientRect().top - place.top - (barBottom() - place.bar);
    if (Math.abs(moved) >= 1) scrollBy(0, moved);
  }

  d.querySelectorAll("[data-pref]").forEach(function (control) {
    var name = control.dataset.pref, box = control.type === "checkbox";
    if (box) control.checked = pref(name) === "1"; else control.value = pref(name);
    control.addEventListener("change", function () { setPref(name, box ? (control.checked ? "1" : "") : control.value); });
  });
  d.querySelectorAll("[aria-controls]").forEach(function (b) {
    b.addEventListener("click", function () {
      var open = b.getAttribute("aria-expanded") !== "true", place = article && readingPlace();
      b.setAttribute("aria-expanded", open);
      d.getElementById(b.getAttribute("aria-controls")).hidden = !open;
      keepPlace(place);
    });
  });
  d.querySelectorAll("[data-forget]").forEach(function (b) {
    b.addEventListener("click", function () { known.clear(); save(KEY + ".known", []); markKnown(); });
  });
  // Known words to and from a file: one word per line (JSON lists and TSV files are read too).
  d.querySelectorAll("[data-export]").forEach(function (b) {
    b.addEventListener("click", function () {
      var a = el("a");
      a.href = URL.createObjectURL(new Blob([Array.from(known).sort().join("\n") + "\n"], { type: "text/plain" }));
      a.download = "jiedu-known-words.txt";
      d.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 5000);
    });
  });
  function wordsIn(text) {
    var list = null;
    try { var data = JSON.parse(text); list = Array.isArray(data) ? data : data.words; } catch (e) { /* text */ }
    if (!Array.isArray(list)) list = text.split(/\r?\n/).map(function (line) { return line.split("\t")[0].trim(); });
    return list.filter(function (w) { return typeof w === "string" && /\p{Script=Han}/u.test(w) && w.length < 40; });
  }
  d.querySelectorAll("[data-import]").forEach(function (input) {
    input.addEventListener("change", function () {
      var file = input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var words = wordsIn(text), before = known.size;
        words.forEach(function (w) { known.add(w); });
        save(KEY + ".known", Array.from(known));
        markKnown();
        say("Imported " + words.length + " words, " + (known.size - before) + " new");
        input.value = "";
      });
    });
  });

  // Live messages ("Copied") for screen readers.
  var status = el("p", "sr");
  status.setAttribute("role", "status");
  if (main) main.appendChild(status);
  function say(message) { status.textContent = message; }

  // Clean text of a fragment: characters and English, never pinyin or buttons.
  function plain(node) {
    var out = "";
    (function walk(n) {
      if (n.nodeType === 3) out += n.nodeValue;
      else if (!/^(RT|RP|BUTTON)$/.test(n.nodeName) && !(n.classList && n.classList.contains("tools"))) {
        each.call(n.childNodes, walk);
        if (/^(P|DIV|H1|H2|H3|LI|BR)$/.test(n.nodeName)) out += "\n";
      }
    })(node);
    return out.replace(/\n{3,}/g, "\n\n").trim();
  }
  var PUNCT = { "，": ", ", "。": ". ", "、": ", ", "；": "; ", "：": ": ", "？": "? ", "！": "! ",
    "“": " \"", "”": "\" ", "‘": " '", "’": "' ", "（": " (", "）": ") ", "《": " «", "》": "» " };
  function pinyinLine(node) {
    var out = "";
    (function walk(n) {
      if (n.nodeName === "RUBY") out += " " + syllables(n).join("") + " ";
      else if (n.nodeName === "BR") out += "\n";
      else if (n.nodeType === 3) out += n.nodeValue.replace(/[，。、；：？！“”‘’（）《》]/g, function (c) { return PUNCT[c]; });
      else each.call(n.childNodes, walk);
    })(node);
    return out.replace(/ +/g, " ").replace(/ ([,.;:?!»)])/g, "$1").replace(/([«(]) /g, "$1").replace(/" (\S[^"]*?) "/g, "\"$1\"").trim();
  }
  var pending = null;
  d.addEventListener("copy", function (event) {
    var text = pending, selection = getSelection();
    if (text === null) {
      if (!selection.rangeCount || selection.isCollapsed) return;
      var fragment = selection.getRangeAt(0).cloneContents();
      if (!fragment.querySelector("rt, button")) return;
      text = plain(fragment);
    }
    event.clipboardData.setData("text/plain", text);
    event.preventDefault();
  });
  function copy(text) {
    function fallback() {
      pending = text;
      var ok = d.execCommand("copy");
      pending = null;
      say(ok ? "Copied" : "Could not copy");
    }
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(function () { say("Copied"); }, fallback);
    else fallback();
  }

  // Read aloud with the browser's own Chinese voice; without one the controls stay hidden.
  var synth = window.speechSynthesis, voice = null, speaking = null;
  function findVoice() {
    var voices = synth.getVoices().filter(function (v) { return /^(zh|cmn)/i.test(v.lang); });
    voice = voices.filter(function (v) { return /CN|Hans/i.test(v.lang); })[0] || voices[0] || null;
    root.classList.toggle("tts", !!voice);
  }
  if (synth) { findVoice(); synth.addEventListener("voiceschanged", findVoice); }
  function speak(text, b) { // one utterance per line: some engines stop long ones
    synth.cancel();
    if (speaking) speaking.setAttribute("aria-pressed", "false");
    speaking = b;
    var lines = text.split(/\n+/).filter(Boolean);
    lines.forEach(function (line, i) {
      var utterance = new SpeechSynthesisUtterance(line);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      if (b && i === lines.length - 1) utterance.onend = utterance.onerror = function () { b.setAttribute("aria-pressed", "false"); };
      synth.speak(utterance);
    });
    if (b) b.setAttribute("aria-pressed", "true");
  }
  d.querySelectorAll("[data-read]").forEach(function (b) {
    b.addEventListener("click", function () {
      if (b.getAttribute("aria-pressed") === "true") { synth.cancel(); b.setAttribute("aria-pressed", "false"); return; }
      var selection = getSelection(), text = "";
      if (selection.rangeCount && !selection.isCollapsed) text = plain(selection.getRangeAt(0).cloneContents());
      if (!text) article.querySelectorAll(".zh").forEach(function (zh) { text += plain(zh) + "\n"; });
      speak(text, b);
    });
  });

  // Popovers: a word card (with the glossary entry for terms) or a paragraph's tools.
  var pop = null, opener = null, lit = null, sheet = false;
  function close(refocus) {
    asked++;
    if (!pop) return;
    pop.remove();
    pop = null;
    if (sheet) d.body.style.paddingBottom = "";
    sheet = false;
    if (lit) lit.classList.remove("on");
    if (opener && opener.hasAttribute("aria-expanded")) opener.setAttribute("aria-expanded", "false");
    if (refocus && opener) opener.focus();
    lit = opener = null;
  }
  function open(label, from) {
    var keep = from === undefined ? opener : from; // undefined: moving within the card
    close(false);
    opener = keep;
    if (opener && opener.hasAttribute("aria-expanded")) opener.setAttribute("aria-expanded", "true");
    pop = el("div", "pop", "", "en");
    pop.setAttribute("role", "dialog");
    pop.setAttribute("aria-label", label);
    pop.tabIndex = -1;
    var x = button("×", function () { close(true); });
    x.className = "close";
    x.setAttribute("aria-label", "Close");
    pop.appendChild(x);
    return pop;
  }
  function place(anchor) {
    var pair = anchor.closest(".pair"); // next in reading and Tab order; Tab onwards leaves and closes it
    if (pair) pair.after(pop); else main.appendChild(pop);
    var box = anchor.getBoundingClientRect(), width = pop.offsetWidth;
    pop.style.left = Math.max(8, Math.min(box.left, root.clientWidth - width - 8)) + scrollX + "px";
    pop.style.top = box.bottom + scrollY + 6 + "px";
    sheet = getComputedStyle(pop).position === "fixed";
    if (sheet) d.body.style.paddingBottom = pop.offsetHeight + "px"; // room to scroll the last words above it
  }
  // The card never covers its word: on a phone, where the card is a sheet at the bottom,
  // the word scrolls to just above it; anywhere, the word stays below the reading bar.
  function reveal(anchor) {
    var box = anchor.getBoundingClientRect(), top = barBottom() + 4;
    var bottom = sheet ? pop.getBoundingClientRect().top - 8 : innerHeight;
    if (box.bottom > bottom) scrollBy(0, box.bottom - bottom);
    else if (box.top < top) scrollBy(0, box.top - top);
  }
  var asked = 0; // the card asked for last; closing, or asking for another, cancels one still waiting for the data
  function openWord(ruby, from, focusName) {
    var mine = ++asked;
    withData(function (data) { if (mine === asked) drawWord(data, ruby, from, focusName); });
  }
  // A glossary term's card: the page's note (pinyin, English, link) and the data's
  // Traditional form, literal gloss and explanation.
  function termNote(card, note, extra) {
    card.appendChild(el("p", "english", note.querySelector(".english").textContent));
    if (extra[1]) {
      var literal = el("p", "literal");
      literal.append(el("span", "label", "Literally"), " " + extra[1]);
      card.appendChild(literal);
    }
    if (extra[2]) card.appendChild(el("p", "explanation", extra[2]));
    var more = el("p", "more"), link = el("a", "", "Full entry and every occurrence");
    link.href = note.querySelector("a").href;
    more.appendChild(link);
    card.appendChild(more);
  }
  function drawWord(data, ruby, from, focusName) {
    var term = ruby.closest("a.term"), note = term && d.getElementById(term.hash.slice(1)), text = word(ruby);
    var list = Array.from(rubies), at = list.indexOf(ruby), extra = (note && data.notes[note.querySelector("a").hash.slice(1)]) || [];
    var card = open("Word " + text, from), head = el("p", "entry-head"), trad = note ? extra[0] : data.trad[at];
    var forms = [[text, "zh-Hans"]]; // the script being read first, the other after it
    if (trad && trad !== text) forms[pref("script") === "t" ? "unshift" : "push"]([trad, "zh-Hant"]);
    forms.forEach(function (form, i) { head.append(el("span", i ? "hanzi-other" : "hanzi", form[0], form[1]), " "); });
    head.append(el("span", "pinyin", syllables(ruby).join(" "), "zh-Latn-pinyin"));
    card.appendChild(head);
    if (note) termNote(card, note, extra);
    var senses = definition(data.senses, text, reading(ruby));
    if (senses) card.appendChild(senses);
    var row = el("div", "row"), label = el("label"), box = el("input");
    box.type = "checkbox";
    box.checked = known.has(text);
    box.addEventListener("change", function () {
      known[box.checked ? "add" : "delete"](text);
      save(KEY + ".known", Array.from(known));
      markKnown();
    });
    label.append(box, " Mark as known");
    row.appendChild(label);
    [["‹ Previous word", -1], ["Next word ›", 1]].forEach(function (step) {
      var next = list[at + step[1]];
      if (next) row.appendChild(button(step[0], function () { next.scrollIntoView({ block: "nearest" }); openWord(next, undefined, step[0]); }));
    });
    card.appendChild(row);
    ruby.classList.add("on");
    lit = ruby;
    place(term || ruby);
    var again = focusName && Array.prototype.filter.call(card.querySelectorAll("button"), function (b) { return b.textContent === focusName; })[0];
    (again || card).focus({ preventScroll: sheet });
    reveal(term || ruby);
  }
  // The word's English from CC-CEDICT: its senses for this reading, or the senses of
  // its parts, or a note such as "personal name".
  function definition(senses, text, pinyin) {
    var value = senses[text + "|" + pinyin] || senses[text];
    if (!value) return null;
    var box = el("div", "senses");
    if (typeof value === "string") box.appendChild(el("p", "english", value));
    else {
      var parts = !Array.isArray(value), list = el(parts ? "ul" : "ol");
      box.appendChild(el("p", "label", parts ? "Not in CC-CEDICT; its parts" : "CC-CEDICT"));
      (parts ? value.parts : value).forEach(function (sense) {
        var li = el("li", "", parts ? "" : sense);
        if (parts) li.append(el("span", "", sense[0], "zh-Hans"), " " + sense[1]);
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    return box;
  }
  function openTools(pair, b) {
    var card = open("Paragraph tools", b), zh = pair.querySelector(".zh"), en = pair.querySelector(".en");
    var row = el("div", "row");
    function act(text, action) { row.appendChild(button(text, function () { action(); close(true); })); }
    if (voice) act("Read aloud", function () { speak(plain(zh)); });
    act("Copy with pinyin", function () { copy(plain(zh) + "\n" + pinyinLine(zh)); });
    if (en) act("Copy with translation", function () { copy(plain(zh) + "\n\n" + plain(en)); });
    var first = zh.querySelector("ruby");
    if (first) row.appendChild(button("Word by word", function () { openWord(first, b); }));
    card.appendChild(row);
    place(b);
    card.focus();
  }

  // Work on every block after load, a few at a time between tasks: a long article's
  // thousands of syllables must not hold up the first paint, scroll or tap (4 ms: a task
  // stays short even on a phone ten times slower than a desktop).
  function inTurns(list, work) {
    var i = 0;
    function turn() {
      for (var end = Date.now() + 4; i < list.length && Date.now() < end;) work(list[i++]);
      if (i < list.length) setTimeout(turn);
    }
    setTimeout(turn);
  }
  function addTools(pair) {
    var tools = el("div", "tools", "", "en"), more = button("⋯", function () { if (pop && opener === more) close(true); else openTools(pair, more); });
    more.setAttribute("aria-label", "Paragraph tools");
    more.setAttribute("aria-haspopup", "dialog");
    more.setAttribute("aria-expanded", "false");
    if (pair.querySelector(".en")) {
      var tr = button("English", function () { tr.setAttribute("aria-expanded", pair.classList.toggle("show")); });
      tr.className = "tr";
      tr.setAttribute("aria-expanded", "false");
      tools.appendChild(tr);
    }
    tools.appendChild(more);
    pair.appendChild(tools);
  }
  if (article) {
    ["script", "sandhi", "tones"].forEach(function (name) { if (pref(name) !== BUILTIN[name]) hooks[name](pref(name)); });
    if (known.size) markKnown(); else d.querySelectorAll("[data-known]").forEach(function (n) { n.textContent = 0; });
    layOutAll();
    if (d.fonts && d.fonts.status !== "loaded") d.fonts.ready.then(layOutAll);
    var laidWidth = innerWidth, resized = null;
    addEventListener("resize", function () {
      clearTimeout(resized);
      resized = setTimeout(function () { if (innerWidth !== laidWidth) { laidWidth = innerWidth; layOutAll(); } }, 150);
    });
    inTurns(article.querySelectorAll(".pair"), function (pair) {
      setReaderPinyin(prefs.sr, pair);
      addTools(pair);
      pair.querySelectorAll("a.term").forEach(function (a) { a.dataset.n = a.hash.slice(2); }); // print endnote numbers
    });
  }
  d.addEventListener("click", function (event) {
    var target = event.target;
    if (!article || !target.isConnected || (pop && pop.contains(target))) return; // a card redrawn under the click
    var term = target.closest("a.term"), ruby = target.closest("ruby") || (term && term.querySelector("ruby"));
    if (ruby && article.contains(ruby)) {
      event.preventDefault();
      openWord(ruby, term || null);
      return;
    }
    var pair = target.closest(".zh") && target.closest(".pair");
    if (pair && root.dataset.en === "hidden" && pair.querySelector(".tr")) pair.querySelector(".tr").click();
    if (pop && !target.closest(".tools")) close(false);
  });
  // Following a link within the page: every block laid out first (see "deep" in jiedu.css).
  d.addEventListener("click", function (event) {
    var a = event.target.closest("a[href*='#']");
    if (a && a.pathname === location.pathname && !event.defaultPrevented) root.classList.add("deep"); // a card prevents it
  });
  d.addEventListener("keydown", function (event) { if (event.key === "Escape") close(true); });
  d.addEventListener("focusin", function (event) {
    if (pop && !pop.contains(event.target) && event.target !== opener) close(false);
  });
})();
