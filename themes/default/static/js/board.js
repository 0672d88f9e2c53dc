// gigboard: the home page only (loaded by index.html after js/site.js). Every page
// works without this file.

// 先看本地岗位: the home page's county chooser. Choosing a county (a link to its page,
// which is what happens without JS) is remembered on this phone, and the home page then
// starts with that county's postings, loaded from its cards script (a <script>, so it
// works from file:// as well as from a server).
(function () {
  var section = document.querySelector('[data-county-choice]');
  var board = document.querySelector('[data-county-board]');
  if (!section || !board) return;
  var chooser = section.querySelector('details');
  var KEY = 'gigboard-county';
  function remembered() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function remember(code) {
    try { localStorage.setItem(KEY, code); } catch (e) { /* storage off: this visit only */ }
  }
  function say(name, vars) {
    var s = section.getAttribute('data-' + name) || '';
    Object.keys(vars || {}).forEach(function (k) { s = s.split('{' + k + '}').join(vars[k]); });
    return s;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  window.gigboardCounty = function (c) {
    if (c.code !== board.getAttribute('data-loading')) return;
    board.textContent = '';
    var h = el('h2', 'county-heading', say('yours') + '：' + c.name + ' ');
    h.appendChild(el('small', '', c.count + ' ' + say('count')));
    board.appendChild(h);
    if (c.count) {
      var cards = el('div', 'cards');
      cards.innerHTML = c.html;
      board.appendChild(cards);
      if (window.gigboardHideExpired) window.gigboardHideExpired(cards);
    } else {
      board.appendChild(el('p', 'note', say('none')));
    }
    var more = el('p', 'more');
    if (c.count) {
      var all = el('a', '', say('all', { name: c.name, n: c.count }));
      all.href = c.path;
      more.appendChild(all);
      more.appendChild(document.createTextNode(' '));
    }
    board.appendChild(more);
    board.hidden = false;
    chooser.open = false;
    chooser.querySelector('summary').textContent = say('change');
  };
  function show(link) {
    var code = link.getAttribute('data-county');
    board.setAttribute('data-loading', code);
    var script = document.createElement('script');
    script.src = link.getAttribute('data-cards');
    document.head.appendChild(script);
  }
  var saved = remembered();
  if (saved) {
    var link = section.querySelector('[data-county="' + saved.replace(/[^0-9A-Za-z_-]/g, '') + '"]');
    if (link) show(link);
  }
  section.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('[data-county]');
    if (!link) return;
    e.preventDefault();
    remember(link.getAttribute('data-county'));
    show(link);
    board.scrollIntoView && board.scrollIntoView();
  });
})();
