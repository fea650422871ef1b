/* jiedu reader: toggles, script switch and glossary popovers. The page is complete
   without this file; it only adds convenience. Nothing is fetched. */
(function () {
  "use strict";
  var doc = document, body = doc.body;
  var store = {
    get: function (key) { try { return localStorage.getItem("jiedu." + key); } catch (e) { return null; } },
    set: function (key, value) { try { localStorage.setItem("jiedu." + key, value); } catch (e) {} }
  };

  // Script switch: swap the base characters of each word, never the pinyin.
  var article = doc.querySelector("[data-script-root]");
  function baseNodes(el) {
    var nodes = [];
    el.childNodes.forEach(function (n) { if (n.nodeType === 3) nodes.push(n); });
    return nodes;
  }
  function setScript(traditional) {
    if (!article) return;
    article.querySelectorAll("[data-t]").forEach(function (el) {
      if (!el.dataset.s) el.dataset.s = baseNodes(el).map(function (n) { return n.nodeValue; }).join("");
      var chars = Array.from(traditional ? el.dataset.t : el.dataset.s), i = 0;
      baseNodes(el).forEach(function (n) {
        var len = Array.from(n.nodeValue).length;
        n.nodeValue = chars.slice(i, i + len).join("");
        i += len;
      });
    });
    article.lang = traditional ? "zh-Hant" : "zh-Hans";
  }

  var toggles = {
    pinyin: function (on) { body.classList.toggle("no-pinyin", !on); },
    english: function (on) { body.classList.toggle("no-english", !on); },
    traditional: setScript
  };
  doc.querySelectorAll("[data-toggle]").forEach(function (button) {
    var name = button.dataset.toggle, saved = store.get(name);
    var on = saved === null ? button.getAttribute("aria-pressed") === "true" : saved === "1";
    function apply(value) { button.setAttribute("aria-pressed", String(value)); toggles[name](value); }
    apply(on);
    button.addEventListener("click", function () {
      on = !on; apply(on); store.set(name, on ? "1" : "0");
    });
  });
  doc.querySelectorAll("[data-controls]").forEach(function (el) { el.hidden = false; });

  // Glossary popover: opens the term's note in place; Escape or the close button ends it.
  var popover = null, opener = null;
  function closePopover() {
    if (!popover) return;
    popover.remove(); popover = null;
    if (opener) opener.focus();
  }
  function openPopover(link) {
    var note = doc.getElementById("g-" + link.dataset.term);
    if (!note) return false;
    closePopover();
    opener = link;
    popover = doc.createElement("div");
    popover.className = "popover"; popover.id = "term-popover";
    popover.setAttribute("role", "dialog"); popover.setAttribute("lang", "en");
    popover.setAttribute("aria-label", "Glossary: " + note.querySelector(".hanzi").textContent);
    var close = doc.createElement("button");
    close.type = "button"; close.className = "close"; close.setAttribute("aria-label", "Close"); close.textContent = "×";
    close.addEventListener("click", closePopover);
    popover.appendChild(close);
    Array.from(note.children).forEach(function (child) { popover.appendChild(child.cloneNode(true)); });
    body.appendChild(popover);
    var box = link.getBoundingClientRect(), width = popover.offsetWidth;
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + doc.documentElement.clientWidth - width - 8));
    popover.style.left = left + "px";
    popover.style.top = (box.bottom + window.scrollY + 6) + "px";
    popover.tabIndex = -1;
    popover.focus();
    return true;
  }
  doc.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.term");
    if (link && openPopover(link)) { event.preventDefault(); return; }
    if (popover && !popover.contains(event.target)) closePopover();
  });
  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closePopover();
  });
})();
