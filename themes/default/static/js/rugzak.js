// "Mijn rugzak": pupils keep topics and companies in this browser only (localStorage). No account, no tracking,
// nothing is sent anywhere. Also registers the service worker that keeps the Rugzak section readable offline.
(function () {
  var KEY = "lvdm-mijn-rugzak";
  var script = document.currentScript;
  var siteRoot = new URL("../", script.src);
  var fromDisk = location.protocol === "file:";

  function read() {
    try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; }
  }
  function write(items) {
    try { localStorage.setItem(KEY, JSON.stringify(items)); } catch (e) { /* storage off: nothing kept */ }
  }
  function has(url) { return read().some(function (i) { return i.url === url; }); }
  function href(url) {
    var target = new URL(url.replace(/^\//, ""), siteRoot);
    if (fromDisk && /\/$/.test(target.pathname)) target.pathname += "index.html";
    return target.href;
  }

  // Also for content swapped in by the preview (`serve` fires makers-site:content on the new <main>).
  function initToggles(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".rugzak-toggle"), function (button) {
      var url = button.getAttribute("data-url");
      function show() {
        var inside = has(url);
        button.setAttribute("aria-pressed", inside ? "true" : "false");
        button.textContent = inside ? "In je rugzak ✓ (haal eruit)" : "In mijn rugzak";
      }
      button.hidden = false;
      show();
      button.addEventListener("click", function () {
        var items = read().filter(function (i) { return i.url !== url; });
        if (!has(url)) items.push({ url: url, title: button.getAttribute("data-title"), kind: button.getAttribute("data-kind") });
        write(items);
        show();
      });
    });
  }
  var box = null;
  function render() {
    var items = read();
    box.textContent = "";
    if (items.length === 0) {
      var empty = document.createElement("p");
      empty.textContent = box.getAttribute("data-empty");
      box.appendChild(empty);
      return;
    }
    var list = document.createElement("ul");
    list.className = "cards";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "card";
      var h = document.createElement("h2");
      var a = document.createElement("a");
      a.href = href(item.url);
      a.textContent = item.title;
      h.appendChild(a);
      var kind = document.createElement("p");
      kind.className = "meta";
      kind.textContent = item.kind;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "button-quiet";
      remove.textContent = "Haal uit je rugzak";
      remove.setAttribute("aria-label", "Haal " + item.title + " uit je rugzak");
      remove.addEventListener("click", function () {
        write(read().filter(function (i) { return i.url !== item.url; }));
        render();
      });
      li.appendChild(h);
      li.appendChild(kind);
      li.appendChild(remove);
      list.appendChild(li);
    });
    box.appendChild(list);
  }
  // The page's content, at load and again when serve swaps in a new version of it.
  function init(root) {
    initToggles(root);
    box = document.getElementById("backpack");
    if (box) render();
  }
  init(document);
  document.addEventListener("makers-site:content", function (e) { init(e.target); });

  // Offline: the Rugzak section is cached after a first visit (http and https only; from disk it is local anyway).
  var path = location.pathname.slice(siteRoot.pathname.length);
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol) && /^(rugzak|mijn-rugzak)\//.test(path)) {
    navigator.serviceWorker.register(new URL("sw.js", siteRoot).href, { scope: siteRoot.pathname }).catch(function () {});
  }
})();
