// gigboard: the 404 page only. It works without this file.

// The 404 page, shown for a posting whose closed page has gone too: names the market
// whose id begins the posting's id (`<market>-<date>-<n>`, as `gigboard new posting`
// makes them) and links its board.
(function () {
  var box = document.querySelector('[data-gone-markets]');
  if (!box) return;
  var found = /\/jobs\/([^/]+)\/?/.exec(decodeURIComponent(location.pathname));
  if (!found) return;
  var markets;
  try { markets = JSON.parse(box.getAttribute('data-gone-markets')); } catch (e) { return; }
  for (var i = 0; i < markets.length; i++) {
    if (found[1].indexOf(markets[i][0] + '-') === 0) {
      var p = document.createElement('p');
      p.textContent = (box.getAttribute('data-text') || '').split('{name}').join(markets[i][1]) + ' ';
      var a = document.createElement('a');
      a.className = 'button';
      a.href = markets[i][2];
      a.textContent = markets[i][1];
      p.appendChild(a);
      box.appendChild(p);
      box.hidden = false;
      return;
    }
  }
})();
