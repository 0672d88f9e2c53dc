// gigboard search: substring matching over the index in search/index.js (works from file://).
(function () {
  var data = window.GIGBOARD_SEARCH || [];
  var form = document.getElementById("search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !list) return;
  form.hidden = false;
  var root = list.getAttribute("data-root") || "";
  var q = document.getElementById("q");
  var cat = document.getElementById("f-category");
  var county = document.getElementById("f-county");
  var unit = document.getElementById("f-unit");
  var params = new URLSearchParams(location.search);
  q.value = params.get("q") || "";
  cat.value = params.get("category") || "";
  county.value = params.get("county") || "";
  unit.value = params.get("unit") || "";
  function run() {
    var terms = q.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var hits = data.filter(function (r) {
      if (cat.value && r.c !== cat.value) return false;
      if (county.value && r.r !== county.value) return false;
      if (unit.value && r.k !== unit.value) return false;
      var text = (r.t + " " + r.s).toLowerCase();
      return terms.every(function (t) { return text.indexOf(t) !== -1; });
    });
    list.textContent = "";
    hits.slice(0, 200).forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + r.u;
      a.textContent = r.t;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" · " + r.p + " · " + r.s.split(" ").slice(1, 3).join(" ")));
      list.appendChild(li);
    });
    status.textContent = hits.length + " " + status.getAttribute("data-results");
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  [q, cat, county, unit].forEach(function (el) { el.addEventListener("input", run); });
  if (q.value || cat.value || county.value || unit.value) run();
})();
