// Progressive enhancement of the thank-you page: where the browser has the Web Share API, one
// button opens the phone's own share sheet with the poll's ?c=share link. Without it (or without
// JavaScript) the plain WhatsApp and e-mail links do the same.
(function () {
  "use strict";
  var button = document.querySelector(".share-native");
  if (!button || typeof navigator.share !== "function") {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator
      .share({
        title: button.getAttribute("data-share-title"),
        text: button.getAttribute("data-share-text"),
        url: button.getAttribute("data-share-url"),
      })
      .catch(function () {
        // Cancelled by the resident: nothing to do.
      });
  });
})();
