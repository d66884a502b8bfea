// The live screens (town hall, city): #live names the views it shows (data-watch="view:id ...", data-city).
// The server renders the first state (the page works without JavaScript); this script watches the views on
// /hubs/live and, when one changes, fetches the same server-rendered section again (?handler=Live), so the
// words, numbers and dates stay the server's, in the page's language. The contract (README "Live views"):
// Watch returns a snapshot with its version; ViewChanged brings version and previousVersion; a push whose
// previousVersion is above the version held means one was missed, so the screen watches again, as it does
// after reconnecting.
(function () {
  "use strict";
  var root = document.getElementById("live");
  if (!root || !window.signalR) return;
  var city = root.getAttribute("data-city");
  var views = (root.getAttribute("data-watch") || "").split(/\s+/).filter(Boolean).map(function (w) {
    var parts = w.split(":");
    return { view: parts[0], id: parts[1] };
  });
  var announcer = document.getElementById("live-announcement");
  var connectionText = document.getElementById("live-connection");
  var versions = {};
  var watches = 0;
  var refreshing = false;
  var again = false;

  function show(state) {
    root.setAttribute("data-live-state", state);
    if (connectionText) connectionText.textContent = connectionText.getAttribute("data-" + state) || "";
  }

  // A projector is left alone for hours: keep trying, at most every 10 seconds.
  var retry = { nextRetryDelayInMilliseconds: function (context) { return Math.min(1000 * (context.previousRetryCount + 1), 10000); } };
  var connection = new signalR.HubConnectionBuilder().withUrl("/hubs/live").withAutomaticReconnect(retry).build();

  function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    var url = window.location.pathname + "?handler=Live";
    fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (answer) { return answer.ok ? answer.text() : Promise.reject(answer.status); })
      .then(function (html) {
        root.innerHTML = html;
        var summary = root.querySelector("[data-announce]");
        var text = summary ? summary.getAttribute("data-announce") : "";
        if (announcer && text && announcer.textContent !== text) announcer.textContent = text;
        root.setAttribute("data-refreshed", String(Date.now()));
        root.dispatchEvent(new CustomEvent("live:refreshed", { bubbles: true }));
      })
      .catch(function () { /* the next change or reconnection refreshes again */ })
      .then(function () {
        refreshing = false;
        if (again) { again = false; refresh(); }
      });
  }

  function watchAll() {
    return Promise.all(views.map(function (v) {
      return connection.invoke("Watch", v.view, city, v.id).then(function (snapshot) {
        versions[v.view + ":" + v.id] = snapshot.version;
      });
    })).then(function () {
      watches += 1;
      root.setAttribute("data-watches", String(watches));
      show("connected");
      refresh(); // whatever changed while the page loaded or the connection was away
    });
  }

  connection.on("ViewChanged", function (change) {
    var key = change.view + ":" + change.id;
    var held = versions[key];
    if (held !== undefined && change.version <= held) return; // older than what is shown
    if (held !== undefined && change.previousVersion != null && change.previousVersion > held) {
      watchAll(); // a push was missed: a fresh snapshot
      return;
    }
    versions[key] = change.version;
    refresh();
  });

  connection.onreconnecting(function () { show("reconnecting"); });
  connection.onreconnected(function () { watchAll(); });
  connection.onclose(function () { show("offline"); setTimeout(start, 5000); });

  function start() {
    connection.start().then(watchAll).catch(function () { show("offline"); setTimeout(start, 5000); });
  }

  // Tests observe the connection through this (closing its socket proves the screen reconnects by itself).
  window.liveScreen = { connection: connection };
  start();
})();
