// The daily sheet's print button (hidden in print): no inline handler, so no page of the
// site carries an `on…` attribute.
(function () {
  var button = document.querySelector('[data-print]');
  if (button) button.addEventListener('click', function () { window.print(); });
})();
