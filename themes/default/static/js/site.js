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
