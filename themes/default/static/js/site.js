// gigboard: progressive enhancements only; every page works without this file.

// 大字 (large text). The header's checkbox works without JS (css/large.css reacts to it
// with :has()); this remembers the choice in localStorage, and js/large.js (in each
// page's <head>) puts the "large" class on <html> before the page is drawn.
(function () {
  var box = document.getElementById('large-text');
  if (!box) return;
  var root = document.documentElement;
  box.checked = root.classList.contains('large');
  box.addEventListener('change', function () {
    root.classList.toggle('large', box.checked);
    try {
      if (box.checked) localStorage.setItem('gigboard-large', '1');
      else localStorage.removeItem('gigboard-large');
    } catch (e) { /* storage off: the switch still works on this page */ }
  });
})();

// "Open now" on a market page. The page carries the market's weekly spans and dated
// exceptions (minutes since midnight, Monday first) and the site's UTC offset in
// data-hours; the badge is computed for the real "now" in the site's time zone
// (Asia/Shanghai: UTC+8, no DST), whatever the reader's own clock zone is. Without
// JS the badge stays hidden and the page still lists today's and the week's hours.
(function () {
  var el = document.querySelector('[data-open-badge]');
  if (!el) return;
  var data;
  try {
    data = JSON.parse(el.getAttribute('data-hours'));
  } catch (e) {
    return;
  }
  if (!data || !data.week) return;
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function clock(min) { return pad(Math.floor(min / 60)) + ':' + pad(min % 60); }
  // A Date shifted by the site's offset: read it with the getUTC* methods.
  function siteTime(ms) { return new Date(ms + data.offset * 60000); }
  function isoDay(d) {
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
  }
  function mondayIndex(d) { return (d.getUTCDay() + 6) % 7; }
  function spansOn(d) {
    var key = isoDay(d);
    if (data.closures && Object.prototype.hasOwnProperty.call(data.closures, key)) {
      return data.closures[key];
    }
    return data.week[mondayIndex(d)] || [];
  }
  function say(name, vars) {
    var s = el.getAttribute('data-' + name) || '';
    Object.keys(vars).forEach(function (k) { s = s.split('{' + k + '}').join(vars[k]); });
    return s;
  }
  function update() {
    var now = Date.now();
    var today = siteTime(now);
    var minute = today.getUTCHours() * 60 + today.getUTCMinutes();
    var spans = spansOn(today);
    var state = 'closed';
    var text = '';
    for (var i = 0; i < spans.length; i++) {
      if (minute >= spans[i][0] && minute < spans[i][1]) {
        state = 'open';
        text = say('open', { close: clock(spans[i][1]) });
        break;
      }
      if (minute < spans[i][0]) {
        state = 'later';
        text = say('later', { open: clock(spans[i][0]) });
        break;
      }
    }
    if (!text) {
      var names = (el.getAttribute('data-weekdays') || '').split(',');
      for (var k = 1; k <= 7 && !text; k++) {
        var day = siteTime(now + k * 86400000);
        var next = spansOn(day);
        if (next.length) {
          text = say('closed-next', {
            day: k === 1 ? el.getAttribute('data-tomorrow') : names[mondayIndex(day)],
            open: clock(next[0][0])
          });
        }
      }
      if (!text) text = say('closed', {});
    }
    el.textContent = text;
    el.className = 'open-badge is-' + state;
    el.hidden = false;
  }
  update();
  setInterval(update, 60000);
})();

// A posting's page names no day, so that it stays the same file from one build to the
// next (and an upload skips it): its date line is filled in from js/as-of.js, in the
// page's own words for a date (data-format, -weekdays, -months), before what follows
// reads it.
(function () {
  var el = document.querySelector('[data-as-of-file]');
  var day = window.GIGBOARD_AS_OF;
  if (!el || !/^\d{4}-\d{2}-\d{2}$/.test(day || '')) return;
  var y = +day.slice(0, 4), m = +day.slice(5, 7), d = +day.slice(8, 10);
  var w = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  function pick(name, i) { return (el.getAttribute(name) || '').split('|')[i] || ''; }
  var text = (el.getAttribute('data-format') || '{y}-{m}-{d}').replace(/\{(y|m|d|month|w)\}/g, function (_, k) {
    return k === 'y' ? y : k === 'm' ? m : k === 'd' ? d : k === 'month' ? pick('data-months', m - 1) : pick('data-weekdays', w);
  });
  var slot = el.querySelector('[data-day]');
  var time = document.createElement('time');
  time.setAttribute('datetime', day);
  time.textContent = text;
  if (slot) slot.parentNode.replaceChild(time, slot); else el.appendChild(time);
  el.setAttribute('data-as-of', day);
  el.hidden = false;
})();

// 信息更新于: a page is built for one day (data-as-of, in the site's zone). Opened on a
// later day (the morning build did not run, or the page was saved), it says so at the
// top, hides the cards of postings that have expired since (data-expires: their last
// day) and counts them; a market page shows the real day's hours. Without JS the date
// line in the header still says which day the page is for.
(function () {
  var el = document.querySelector('[data-as-of]');
  var main = document.getElementById('main');
  if (!el || !main) return;
  var offset = parseInt(el.getAttribute('data-offset'), 10) || 0;
  var today = new Date(Date.now() + offset * 60000).toISOString().slice(0, 10);
  var asOf = el.getAttribute('data-as-of');
  if (!(today > asOf)) return;
  function fill(text, vars) {
    Object.keys(vars).forEach(function (k) { text = text.split('{' + k + '}').join(vars[k]); });
    return text;
  }
  var days = Math.round((Date.parse(today) - Date.parse(asOf)) / 86400000);
  var shown = el.querySelector('time');
  var box = document.createElement('div');
  box.className = 'stale';
  box.setAttribute('role', 'note');
  var line = document.createElement('p');
  line.textContent = fill(el.getAttribute('data-stale') || '', {
    date: shown ? shown.textContent : asOf, days: days
  });
  box.appendChild(line);
  var hidden = 0;
  var count = document.createElement('p');
  count.className = 'stale-count';
  count.hidden = true;
  box.appendChild(count);
  // Also called for cards put in later (the county board).
  window.gigboardHideExpired = function (scope) {
    Array.prototype.forEach.call(scope.querySelectorAll('[data-expires]'), function (card) {
      if (!card.hidden && card.getAttribute('data-expires') < today) { card.hidden = true; hidden++; }
    });
    count.textContent = fill(el.getAttribute('data-hidden') || '', { n: hidden });
    count.hidden = hidden === 0;
  };
  window.gigboardHideExpired(document);
  // A posting's own page: its posting may have expired since.
  var posting = document.querySelector('[data-posting-expires]');
  if (posting && posting.getAttribute('data-posting-expires') < today) {
    var ended = document.createElement('p');
    ended.className = 'stale-posting';
    ended.textContent = posting.getAttribute('data-expired-text') || '';
    box.insertBefore(ended, line);
  }
  el.classList.add('is-stale');
  main.insertBefore(box, main.firstChild);

  // A market page: today's row and today's hours are the real day's.
  var hoursLine = document.querySelector('[data-market-hours]');
  var badge = document.querySelector('[data-open-badge]');
  if (!hoursLine || !badge) return;
  Array.prototype.forEach.call(document.querySelectorAll('.hours tr'), function (row) {
    var time = row.querySelector('time');
    if (time) row.classList.toggle('is-today', time.getAttribute('datetime') === today);
  });
  var data;
  try { data = JSON.parse(badge.getAttribute('data-hours')); } catch (e) { return; }
  if (!data || !data.week) return;
  var spans = data.closures && Object.prototype.hasOwnProperty.call(data.closures, today)
    ? data.closures[today]
    : data.week[(new Date(Date.parse(today)).getUTCDay() + 6) % 7] || [];
  function clock(min) {
    var h = Math.floor(min / 60), m = min % 60;
    return (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m;
  }
  var strong = hoursLine.querySelector('strong');
  if (strong) {
    strong.textContent = spans.length
      ? spans.map(function (s) { return clock(s[0]) + '–' + clock(s[1]); })
        .join(hoursLine.getAttribute('data-sep') || ', ')
      : hoursLine.getAttribute('data-closed-all-day') || '';
  }
})();

