// "Mijn rugzak": pupils keep topics and companies in this browser only (localStorage), and see how far along the
// nine steps of the Rugzak path they are. No account, no tracking, nothing is sent anywhere. Also registers the
// service worker that keeps the Rugzak section, and the companies a pupil saves, readable offline.
(function () {
  var KEY = "lvdm-mijn-rugzak";
  var SEEN = "lvdm-rugzak-bekeken";
  // The worker answers offline from this cache too; rugzak.js fills it with the pages a pupil saves.
  var SAVED = "mijn-rugzak-bewaard";
  var script = document.currentScript;
  var siteRoot = new URL("../", script.src);
  var fromDisk = location.protocol === "file:";
  var online = /^https?:$/.test(location.protocol);

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)) || []; } catch (e) { return []; }
  }
  function store(key, items) {
    try { localStorage.setItem(key, JSON.stringify(items)); } catch (e) { /* storage off: nothing kept */ }
  }
  function read() { return load(KEY); }
  function write(items) { store(KEY, items); }
  function has(url) { return read().some(function (i) { return i.url === url; }); }
  function href(url) {
    var target = new URL(url.replace(/^\//, ""), siteRoot);
    if (fromDisk && /\/$/.test(target.pathname)) target.pathname += "index.html";
    return target.href;
  }

  function registerWorker() {
    if (!("serviceWorker" in navigator) || !online) return;
    navigator.serviceWorker.register(new URL("sw.js", siteRoot).href, { scope: siteRoot.pathname }).catch(function () {});
  }
  // A saved page outside the Rugzak section (a company) is fetched into the saved cache, so it opens offline too.
  function keepOffline(url, keep) {
    if (!online || !window.caches || /^\/(rugzak|mijn-rugzak)\//.test(url)) return;
    caches.open(SAVED).then(function (cache) { return keep ? cache.add(href(url)) : cache.delete(href(url)); }).catch(function () {});
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
        var keep = !has(url);
        var items = read().filter(function (i) { return i.url !== url; });
        if (keep) items.push({ url: url, title: button.getAttribute("data-title"), kind: button.getAttribute("data-kind") });
        write(items);
        show();
        if (keep) registerWorker();
        keepOffline(url, keep);
      });
    });
  }

  // The steps of the path a page lists (data-step-url), marked when seen, with how many and which comes next.
  function showProgress(root) {
    var steps = root.querySelectorAll("[data-step-url]");
    var box = root.querySelector("#rugzak-voortgang");
    if (!steps.length || !box) return;
    var seen = load(SEEN);
    var done = 0;
    var next = null;
    Array.prototype.forEach.call(steps, function (step) {
      var visited = seen.indexOf(step.getAttribute("data-step-url")) >= 0;
      step.classList.toggle("step-seen", visited);
      var mark = step.querySelector(".step-mark");
      if (mark) mark.textContent = visited ? " (bekeken ✓)" : "";
      if (visited) done++;
      else if (!next) next = step;
    });
    box.textContent = "";
    var text = document.createElement("p");
    text.className = "progress-text";
    text.textContent = done === steps.length ? "Je hebt alle " + steps.length + " stappen bekeken. Knap gedaan!"
      : "Je hebt " + done + " van de " + steps.length + " stappen bekeken.";
    var bar = document.createElement("div");
    bar.className = "progress-bar";
    bar.setAttribute("aria-hidden", "true");
    var fill = document.createElement("span");
    fill.style.width = Math.round(100 * done / steps.length) + "%";
    bar.appendChild(fill);
    box.appendChild(text);
    box.appendChild(bar);
    if (next) {
      var link = document.createElement("a");
      link.className = "button";
      link.href = href(next.getAttribute("data-step-url"));
      link.textContent = (done === 0 ? "Begin bij stap 1: " : "Volgende stap: ") + next.getAttribute("data-step-name");
      var p = document.createElement("p");
      p.appendChild(link);
      box.appendChild(p);
    }
    box.hidden = false;
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
        keepOffline(item.url, false);
        render();
      });
      li.appendChild(h);
      li.appendChild(kind);
      li.appendChild(remove);
      list.appendChild(li);
      // Saved before this version kept pages offline: fetch it now.
      keepOffline(item.url, true);
    });
    box.appendChild(list);
  }
  // The page's content, at load and again when serve swaps in a new version of it.
  function init(root) {
    initToggles(root);
    var topic = root.querySelector("[data-topic-url]");
    if (topic) {
      var seen = load(SEEN);
      var url = topic.getAttribute("data-topic-url");
      if (seen.indexOf(url) < 0) { seen.push(url); store(SEEN, seen); }
    }
    showProgress(root);
    box = document.getElementById("backpack");
    if (box) render();
  }
  init(document);
  document.addEventListener("makers-site:content", function (e) { init(e.target); });

  // Offline: the Rugzak section is cached after a first visit (http and https only; from disk it is local anyway).
  var path = location.pathname.slice(siteRoot.pathname.length);
  if (/^(rugzak|mijn-rugzak)\//.test(path) || read().length > 0) registerWorker();
})();
