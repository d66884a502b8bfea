// The page header's unread notice count, kept current while the page is open: the hub pushes "Notice" with the new
// count to every connection of the signed-in person. Without JavaScript the count is right on the next page.
(() => {
    const counts = document.querySelectorAll("[data-notice-count]");
    const script = document.currentScript;
    if (counts.length === 0 || !window.signalR || !script) return;
    const template = script.dataset.unreadText || "{0}";
    const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/live").withAutomaticReconnect().build();
    connection.on("Notice", push => {
        for (const count of counts) count.textContent = template.replace("{0}", push.unread);
    });
    connection.start()
        .then(() => { document.documentElement.dataset.notices = "live"; }) // for tests and styles: pushes now arrive
        .catch(() => { /* the count stays as rendered */ });
})();
