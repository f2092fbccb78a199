// Bars (progress, quota use, a school's semester cap) carry their filled share as data-width="0…100": the
// Content Security Policy refuses inline style attributes, while a width set through the style object is allowed.
// Applied on load and to every part htmx swaps in (the import progress polls itself).
(function () {
  function apply(root) {
    var bars = root.querySelectorAll ? root.querySelectorAll('[data-width]') : [];
    var all = root.matches && root.matches('[data-width]') ? [root].concat(Array.from(bars)) : Array.from(bars);
    all.forEach(function (bar) {
      var share = Number(bar.getAttribute('data-width'));
      if (isFinite(share)) {
        bar.style.width = Math.max(0, Math.min(100, share)) + '%';
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { apply(document); });
  } else {
    apply(document);
  }
  document.addEventListener('htmx:load', function (event) { apply(event.detail.elt || event.target); });
})();
