// Progressive enhancement of the import form (form[data-upload-progress]): sends it with XMLHttpRequest to show the
// upload in a <progress> element, with a few steps said in the polite live region the attribute names. Without
// scripts (or if the request fails) the form posts as usual. The server answers the script with JSON
// {location} once the file is imported (the page then goes there, where the confirmation waits), or with the
// page again with its error report, whose main part replaces this one.
(function () {
  "use strict";
  if (!window.XMLHttpRequest || !window.FormData || !window.DOMParser) return;

  function enhance(form) {
    if (form.hasAttribute("data-enhanced")) return;
    form.setAttribute("data-enhanced", "");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var block = form.querySelector("[data-upload-progress-block]");
      var bar = block.querySelector("progress");
      var status = document.getElementById(form.getAttribute("data-upload-progress"));
      var button = form.querySelector("button[type=submit]");
      var announced = -1;
      var say = function (text) { if (status) status.textContent = text; };
      var plain = function () { button.disabled = false; form.submit(); }; // submit() fires no submit event: a normal post

      block.hidden = false;
      bar.value = 0;
      button.disabled = true;
      announced = 0;
      say(form.getAttribute("data-progress-text").replace("{0}", "0"));
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action || window.location.href);
      xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.round(100 * e.loaded / e.total);
        bar.value = percent;
        bar.textContent = percent + " %";
        var step = Math.floor(percent / 25); // 0, 25, 50, 75, 100: enough for a screen reader
        if (step !== announced) {
          announced = step;
          say(form.getAttribute("data-progress-text").replace("{0}", percent));
        }
      });
      xhr.upload.addEventListener("load", function () { bar.value = 100; say(form.getAttribute("data-checking-text")); });
      xhr.addEventListener("error", plain);
      xhr.addEventListener("load", function () {
        var type = xhr.getResponseHeader("Content-Type") || "";
        if (xhr.status === 200 && type.indexOf("application/json") === 0) {
          window.location.assign(JSON.parse(xhr.responseText).location);
          return;
        }
        var sent = new URL(form.action || window.location.href, window.location.href);
        var answered = xhr.responseURL ? new URL(xhr.responseURL) : sent;
        if (answered.pathname !== sent.pathname) { // sent elsewhere (signed out meanwhile): follow
          window.location.assign(xhr.responseURL);
          return;
        }
        var page = type.indexOf("text/html") === 0 ? new DOMParser().parseFromString(xhr.responseText, "text/html") : null;
        var main = page && page.querySelector("main");
        if (!main) { plain(); return; }
        document.title = page.title;
        document.querySelector("main").replaceWith(main);
        init();
        (main.querySelector(".error-summary") || main).focus();
      });
      xhr.send(new FormData(form));
    });
  }

  function init() { document.querySelectorAll("form[data-upload-progress]").forEach(enhance); }
  init();
})();
