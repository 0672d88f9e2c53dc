// gigboard kiosk screen: shows one screenful of postings at a time and moves on every
// data-seconds seconds, keeps a clock, and reloads the page every data-reload seconds so
// a republished site appears without anyone touching the screen. No dependencies.
// Without this script the first screenful shows and <noscript>'s meta refresh reloads.
(function () {
  "use strict";
  var root = document.documentElement;
  var seconds = Math.max(1, parseInt(root.getAttribute("data-seconds"), 10) || 12);
  var reloadAfter = Math.max(60, parseInt(root.getAttribute("data-reload"), 10) || 600);
  var zone = root.getAttribute("data-tz") || undefined;
  root.classList.add("kiosk-js");

  // Yesterday's postings are never shown as today's: when the day in the site's zone
  // is later than the day the page was built for (the morning build did not run), the
  // screen says so instead. The reload below brings today's page once it is there.
  var offset = parseInt(root.getAttribute("data-offset"), 10) || 0;
  var siteToday = new Date(Date.now() + offset * 60000).toISOString().slice(0, 10);
  var stale = document.querySelector("[data-kiosk-stale]");
  var isStale = stale && siteToday > (root.getAttribute("data-as-of") || siteToday);

  // Pages.
  var screens = Array.prototype.slice.call(document.querySelectorAll(".k-screen:not([data-kiosk-stale])"));
  if (isStale) {
    screens.forEach(function (s) { s.parentNode.removeChild(s); });
    stale.hidden = false;
    stale.classList.add("is-current");
    screens = [stale];
  }
  var current = 0;
  function show(i) {
    screens.forEach(function (s, k) {
      s.classList.toggle("is-current", k === i);
    });
  }
  if (screens.length > 1) {
    show(0);
    setInterval(function () {
      current = (current + 1) % screens.length;
      show(current);
    }, seconds * 1000);
  }

  // Clock, in the site's time zone.
  var clock = document.querySelector("[data-clock]");
  if (clock) {
    var format;
    try {
      format = new Intl.DateTimeFormat(root.lang || "zh-CN", {
        timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23"
      });
    } catch (e) {
      format = new Intl.DateTimeFormat(root.lang || "zh-CN", {
        hour: "2-digit", minute: "2-digit", hourCycle: "h23"
      });
    }
    var tick = function () { clock.textContent = format.format(new Date()); };
    tick();
    clock.hidden = false;
    setInterval(tick, 1000);
  }

  // Reload: only once the page is reachable, so a network drop never leaves the screen
  // on a browser error page; try again a minute later instead.
  function reload() {
    if (location.protocol === "file:" || !window.fetch) {
      location.reload();
      return;
    }
    fetch(location.href, { method: "HEAD", cache: "no-store" }).then(function (r) {
      if (r.ok) { location.reload(); } else { setTimeout(reload, 60000); }
    }, function () { setTimeout(reload, 60000); });
  }
  setTimeout(reload, reloadAfter * 1000);
})();
