// Opened from disk (file://), a link to a folder shows a directory listing instead of the page:
// point such links (and search forms) at the folder's index.html. Over http(s) nothing changes.
(function () {
  if (location.protocol !== "file:") return;
  function toIndex(url) {
    if (/^[a-z]+:/i.test(url) || url.charAt(0) === "#") return url;
    var cut = url.search(/[?#]/);
    var path = cut < 0 ? url : url.slice(0, cut);
    if (path === "" || path.slice(-1) === "/" || path === "." || path === "..") {
      return path.replace(/\/?$/, "/") + "index.html" + (cut < 0 ? "" : url.slice(cut));
    }
    return url;
  }
  document.querySelectorAll("a[href]").forEach(function (a) { a.setAttribute("href", toIndex(a.getAttribute("href"))); });
  document.querySelectorAll("form[action]").forEach(function (f) { f.setAttribute("action", toIndex(f.getAttribute("action"))); });
})();

// Videos load only when the visitor asks: no request to YouTube or Vimeo before that click.
// Also for content swapped in by the preview (`serve` fires makers-site:content on the new <main>).
(function () {
  function embed(url) {
    var m = url.match(/(?:youtube\.com\/watch\?v=|youtu\.be\/|youtube\.com\/embed\/)([\w-]{6,})/);
    if (m) return "https://www.youtube-nocookie.com/embed/" + m[1] + "?autoplay=1";
    m = url.match(/vimeo\.com\/(\d+)/);
    if (m) return "https://player.vimeo.com/video/" + m[1] + "?autoplay=1&dnt=1";
    return null;
  }
  function init(root) {
    root.querySelectorAll(".video-consent").forEach(function (box) {
      var src = embed(box.getAttribute("data-video"));
      var button = box.querySelector(".video-load");
      if (!src || !button) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var frame = document.createElement("iframe");
        frame.src = src;
        frame.title = "Video";
        frame.allow = "autoplay; fullscreen; picture-in-picture";
        frame.allowFullscreen = true;
        frame.className = "video-frame";
        box.replaceWith(frame);
        frame.focus();
      });
    });
  }
  init(document);
  document.addEventListener("makers-site:content", function (e) { init(e.target); });
})();

// Filters (search, kennisbank, vacancies) stand open beside or above the results on wide screens; on phones they fold
// behind one "Filters" button, so the results come first. Without JavaScript they stay open.
(function () {
  var panels = document.querySelectorAll("details.filter-panel");
  if (!panels.length) return;
  var wide = window.matchMedia ? window.matchMedia("(min-width: 48rem)") : null;
  function place() { panels.forEach(function (p) { p.open = !wide || wide.matches; }); }
  place();
  if (wide && wide.addEventListener) wide.addEventListener("change", place);
})();

// On phones the main menu folds behind one Menu button, so the header stays one line; without JavaScript it stays open.
(function () {
  var button = document.querySelector(".menu-toggle");
  var nav = document.getElementById("hoofdmenu");
  if (!button || !nav) return;
  var narrow = window.matchMedia ? window.matchMedia("(max-width: 47.99rem)") : null;
  function show(open) {
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("folded", !open);
  }
  function place() {
    var fold = !!narrow && narrow.matches;
    button.hidden = !fold;
    show(!fold);
  }
  button.addEventListener("click", function () { show(button.getAttribute("aria-expanded") !== "true"); });
  place();
  if (narrow && narrow.addEventListener) narrow.addEventListener("change", place);
})();
