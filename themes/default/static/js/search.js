// gigboard search: loads only a query's lists and records (src/outputs/search/).
(function () {
  var index = window.GIGBOARD_SEARCH;
  var form = document.getElementById("search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var entry = document.querySelector('script[src$="search/index.js"]');
  if (!form || !list || !index || !entry) return;
  var base = entry.src.slice(0, -"index.js".length);
  var root = list.getAttribute("data-root") || "";
  var q = document.getElementById("q");
  var params = new URLSearchParams(location.search);
  q.value = params.get("q") || "";
  // Filter: select, address parameter, key prefix.
  var filters = [["f-category", "category", "c="], ["f-county", "county", "r="], ["f-unit", "unit", "k="]];
  filters.forEach(function (f) { f[0] = document.getElementById(f[0]); f[0].value = params.get(f[1]) || ""; });

  var PAGE = 50;
  var own = {};
  index.w.forEach(function (k) { own[k] = true; });

  // Each part is a <script> calling GIGBOARD_SEARCH_PART, loaded once.
  var parts = {}, waiting = {};
  window.GIGBOARD_SEARCH_PART = function (name, data) { parts[name] = data; };
  function load(name, done) {
    if (name in parts) return done(parts[name]);
    if (waiting[name]) return waiting[name].push(done);
    waiting[name] = [done];
    var s = document.createElement("script");
    s.src = base + name + ".js";
    s.onload = s.onerror = function (e) {
      if (e.type == "error") document.getElementById("search-broken").hidden = false;
      var calls = waiting[name];
      delete waiting[name];
      s.remove();
      calls.forEach(function (f) { f(parts[name]); });
    };
    document.head.appendChild(s);
  }

  // A list: base-32 gaps (outputs/search/lists.rs).
  var DIGIT = {};
  "0123456789abcdefghijklmnopqrstuv".split("").forEach(function (c, i) { DIGIT[c] = i + 32; });
  "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$".split("").forEach(function (c, i) { DIGIT[c] = i; });
  function decode(text) {
    var out = [], previous = -1, value = 0;
    for (var i = 0; i < text.length; i++) {
      var d = DIGIT[text.charAt(i)];
      if (d >= 32) { previous += value * 32 + d - 32; out.push(previous); value = 0; }
      else value = value * 32 + d;
    }
    return out;
  }
  function hash(key) {
    var h = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
    return h;
  }
  function postings(key, done) {
    if (own[key]) {
      var name = Array.from(key).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
      return load("w/" + name, function (l) { done(decode(l || "")); });
    }
    load("k/" + (hash(key) % index.s), function (b) { done(decode((b && b[key]) || "")); });
  }
  function both(a, b) {
    var out = [], j = 0;
    a.forEach(function (x) {
      while (b[j] < x) j++;
      if (b[j] === x) out.push(x);
    });
    return out;
  }
  // A term or its pairs.
  function keysOf(term) {
    var c = Array.from(term);
    if (c.length <= 2) return [term];
    var keys = [];
    for (var i = 0; i + 1 < c.length; i += 2) keys.push(c[i] + c[i + 1]);
    if (c.length % 2) keys.push(c[c.length - 2] + c[c.length - 1]);
    return keys;
  }

  var search = 0, shown;
  function run() {
    var mine = ++search;
    var terms = q.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var keys = [], exact = true;
    terms.forEach(function (t) {
      if (Array.from(t).length > 2) exact = false;
      keys.push.apply(keys, keysOf(t));
    });
    filters.forEach(function (f) { if (f[0].value) keys.push(f[2] + f[0].value); });
    list.textContent = "";
    more.hidden = true;
    shown = null; // late records of the last query add nothing
    // No jump as results come.
    list.style.minHeight = keys.length ? "100vh" : "";
    if (!keys.length) { status.textContent = ""; return; }
    var found = [], left = keys.length;
    keys.forEach(function (k, i) {
      postings(k, function (ids) {
        found[i] = ids;
        if (--left || mine !== search) return;
        found.sort(function (a, b) { return a.length - b.length; });
        var ids = found.reduce(both);
        shown = { ids: ids, next: 0, hits: 0, dropped: 0, terms: exact ? null : terms };
        tell();
        page(PAGE);
      });
    });
  }

  // The next PAGE results: the first one's records alone, then the others'; each is
  // shown once those before it are.
  function page(want) {
    var s = shown;
    if (typeof want !== "number") want = s.hits + PAGE;
    var from = s.next, to = Math.min(s.ids.length, from + PAGE);
    more.hidden = true;
    if (from >= to) return tell();
    var turn = s.turn = {};
    load(block(s.ids[from]), function () {
      if (s !== shown || s.turn !== turn) return;
      var blocks = {};
      for (var i = from; i < to; i++) blocks[block(s.ids[i])] = true;
      Object.keys(blocks).forEach(function (b) {
        load(b, function () { fill(s, turn, to, want); });
      });
    });
  }
  function fill(s, turn, to, want) {
    if (s !== shown || s.turn !== turn) return;
    while (s.next < to && s.hits < want && block(s.ids[s.next]) in parts) {
      var id = s.ids[s.next++];
      var r = parts[block(id)][id % index.b];
      if (matches(r, s.terms)) { add(r); s.hits++; } else s.dropped++;
    }
    if (s.next < to && s.hits < want) return;
    s.turn = null;
    if (s.hits < want && s.next < s.ids.length) return page(want);
    tell();
    more.hidden = s.next >= s.ids.length;
  }
  function block(id) { return "r/" + Math.floor(id / index.b); }
  function matches(r, terms) {
    if (!terms) return true;
    var text = (r[1] + " " + r[2]).toLowerCase();
    return terms.every(function (t) { return text.indexOf(t) !== -1; });
  }
  function add(r) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = root + r[0];
    a.textContent = r[1];
    li.appendChild(a);
    li.appendChild(document.createTextNode(" · " + r[3] + " · " + r[2].split(" ").slice(1, 3).join(" ")));
    list.appendChild(li);
  }
  // "About" until every candidate of a longer term was checked.
  function tell() {
    var s = shown, count = s.ids.length - s.dropped;
    var sure = !s.terms || s.next >= s.ids.length;
    status.textContent = (sure ? "" : status.getAttribute("data-about")) + count + " " + status.getAttribute("data-results");
  }

  more.addEventListener("click", function () { page(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  q.addEventListener("input", run);
  filters.forEach(function (f) { f[0].addEventListener("input", run); });
  run();
})();
