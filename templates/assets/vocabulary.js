/* jiedu vocabulary: the vocabulary page's rows and the article's Anki TSV, made in the
   browser from the page's data (vocabulary/<slug>.js; see jiedu/output/wordlist.py) and
   the senses of the word data the reader's cards use (words/<slug>.js). Written out per article they were most of its bytes. The
   rows are what jiedu/output/fragments.py makes (tests/test_browser.py compares them). */
(function () {
  "use strict";
  var d = document, list = d.querySelector("ol.vocab[data-article]");
  var BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";

  function esc(value) { // markupsafe's escaping
    return String(value).replace(/&/g, "&amp;").replace(/>/g, "&gt;").replace(/</g, "&lt;")
      .replace(/'/g, "&#39;").replace(/"/g, "&#34;");
  }
  // A piece of a block's text: [start, end] in code points, negative where "…" is added.
  function piece(chars, span) {
    if (typeof span === "string") return span;
    var s = span[0], e = span[1];
    return (s < 0 ? "…" : "") + chars.slice(s < 0 ? -1 - s : s, e < 0 ? -1 - e : e).join("") + (e < 0 ? "…" : "");
  }
  function english(data, record, key) {
    var sense = data.senses[key];
    if (record[7]) return record[7];
    if (Array.isArray(sense)) return sense[0];
    if (sense && sense.parts) return sense.parts.map(function (p) { return (p[0] + " " + p[1]).trimEnd(); }).join(" + ");
    return sense || "";
  }
  function items(data) {
    var v = data.vocab, readings = {}, chars = {};
    v.items.forEach(function (r) { readings[r[0]] = (readings[r[0]] || 0) + 1; });
    return v.items.map(function (r) {
      var block = v.blocks[r[4] - 1], key = readings[r[0]] > 1 ? r[0] + "|" + r[1] : r[0], level = r[3] || 0;
      var text = chars[r[4]] = chars[r[4]] || Array.from(block[0]);
      return { text: r[0], pinyin: r[1], count: r[2], hsk: level & 7, fallback: level >= 8, block: r[4],
        sentence: piece(text, r[5]), clause: r[6] ? piece(text, r[6]) : piece(text, r[5]), english: english(data, r, key),
        trad: r[8] || r[0], term: r[9] || "", translation: block[1] };
    });
  }

  function row(item, name, article, glossary) {
    var at = item.clause.indexOf(item.text), found = at >= 0;
    var before = found ? item.clause.slice(0, at) : item.clause, word = found ? item.text : "";
    var after = found ? item.clause.slice(at + item.text.length) : "", text = esc(item.text);
    var hanzi = item.term ? '<a class="hanzi" href="' + esc(glossary + "#" + item.term) + '">' + text + "</a>"
      : '<span class="hanzi">' + text + "</span>";
    var trad = item.trad !== item.text ? ' <span class="hanzi-trad" lang="zh-Hant">' + esc(item.trad) + "</span>" : "";
    var hsk = item.hsk === 7 ? "HSK 7–9" : item.hsk ? "HSK " + item.hsk : "beyond HSK";
    var flag = item.term ? "glossary" : item.fallback ? (item.english === name ? "name" : "parts") : "";
    return '<li><span class="word" lang="zh-Hans">' + hanzi + trad + "</span>\n" +
      '<span class="pinyin" lang="zh-Latn-pinyin">' + esc(item.pinyin) + "</span>\n" +
      '<span class="stats">' + item.count + (item.count === 1 ? " use" : " uses") + " · " + hsk + "</span>\n" +
      '<span class="gloss"><span class="english">' + esc(item.english) + "</span>" +
      (flag ? ' <span class="flag">' + flag + "</span>" : "") + "</span>\n" +
      '<a class="use" lang="zh-Hans" href="' + esc(article + "#b" + item.block) + '">' +
      esc(before) + "<b>" + esc(word) + "</b>" + esc(after) + "</a></li>";
  }

  // The TSV, as jiedu/output/anki.py's article_tsv writes it: Anki's note GUIDs are
  // genanki's guid_for(slug, word, pinyin), the first 8 bytes of a SHA-256 in base 91.
  function sha256(text) {
    var bytes = unescape(encodeURIComponent(text)), K = [], H = [], w = [], i, j;
    function frac(x) { return (x - Math.floor(x)) * 4294967296 | 0; }
    for (var n = 2, found = 0; found < 64; n++) {
      for (j = 2; j * j <= n && n % j; j++);
      if (j * j > n) { if (found < 8) H[found] = frac(Math.pow(n, 1 / 2)); K[found++] = frac(Math.pow(n, 1 / 3)); }
    }
    var words = [], length = bytes.length;
    for (i = 0; i < length; i++) words[i >> 2] |= bytes.charCodeAt(i) << (24 - 8 * (i % 4));
    words[length >> 2] |= 0x80 << (24 - 8 * (length % 4));
    words[((length + 8) >> 6 << 4) + 15] = length * 8;
    function rot(x, r) { return (x >>> r) | (x << (32 - r)); }
    for (i = 0; i < words.length; i += 16) {
      var h = H.slice();
      for (j = 0; j < 64; j++) {
        if (j < 16) w[j] = words[i + j] | 0;
        else w[j] = (rot(w[j - 2], 17) ^ rot(w[j - 2], 19) ^ (w[j - 2] >>> 10)) + w[j - 7] +
          (rot(w[j - 15], 7) ^ rot(w[j - 15], 18) ^ (w[j - 15] >>> 3)) + w[j - 16] | 0;
        var t1 = h[7] + (rot(h[4], 6) ^ rot(h[4], 11) ^ rot(h[4], 25)) + ((h[4] & h[5]) ^ (~h[4] & h[6])) + K[j] + w[j];
        var t2 = (rot(h[0], 2) ^ rot(h[0], 13) ^ rot(h[0], 22)) + ((h[0] & h[1]) ^ (h[0] & h[2]) ^ (h[1] & h[2]));
        h = [t1 + t2 | 0, h[0], h[1], h[2], h[3] + t1 | 0, h[4], h[5], h[6]];
      }
      for (j = 0; j < 8; j++) H[j] = H[j] + h[j] | 0;
    }
    return H;
  }
  function guid(values) {
    var h = sha256(values.join("__")), n = (BigInt(h[0] >>> 0) << 32n) + BigInt(h[1] >>> 0), out = "";
    for (; n > 0n; n /= 91n) out = BASE91[Number(n % 91n)] + out;
    return out;
  }
  function field(value) { return /[\t"\n\r]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value; }
  function tsv(v, all) {
    var deck = "jiedu::" + v.title.split("::").join(":").split("\n").join(" ");
    var lines = ["#separator:tab", "#html:false", "#guid column:1", "#notetype:jiedu word", "#deck:" + deck,
      "#columns:GUID\tCharacters\tPinyin\tEnglish\tSentence\tTranslation\tArticle", "# " + v.credit];
    all.forEach(function (item) {
      var id = field(guid([v.slug, item.text, item.pinyin]));
      lines.push((id[0] === "#" ? '"' + id + '"' : id) + "\t" + [item.text, item.pinyin, item.english, item.sentence,
        item.translation, v.title].map(field).join("\t"));
    });
    return lines.join("\n") + "\n";
  }

  var senses = {};
  window.jieduWords = function (data) { senses = data.senses; };
  window.jieduVocabulary = function (vocab) {
    if (!list) return;
    var data = { senses: senses, vocab: vocab }, all = items(data), name = vocab.name;
    list.innerHTML = all.map(function (item) { return row(item, name, list.dataset.article, list.dataset.glossary); }).join("\n");
    // The TSV (a SHA-256 per word) is made when asked for: the page's first paint need not wait.
    var link = d.querySelector("a[data-tsv]");
    if (link) link.addEventListener("click", function () {
      if (link.href.indexOf("blob:") !== 0) link.href = URL.createObjectURL(new Blob([tsv(vocab, all)], { type: "text/tab-separated-values" }));
    });
  };
})();
