// The workspace menu folds on small screens, so that the page's own content comes first; on wide screens it
// stays open. Without JavaScript it is simply open (progressive enhancement).
(function () {
  "use strict";
  var menu = document.querySelector(".workspace-nav .nav-toggle");
  if (!menu || !window.matchMedia) {
    return;
  }
  var small = window.matchMedia("(max-width: 47.99rem)");
  function fit() {
    menu.open = !small.matches;
  }
  fit();
  small.addEventListener("change", fit);
})();
