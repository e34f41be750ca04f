// Opened from disk (file://), a link to a folder shows a directory listing instead of the page:
// point such links at the folder's index.html. Over http(s) nothing changes.
(function () {
  if (location.protocol !== "file:") return;
  document.querySelectorAll("a[href]").forEach(function (a) {
    var href = a.getAttribute("href");
    if (/^[a-z]+:/i.test(href) || href.charAt(0) === "#") return;
    var cut = href.search(/[?#]/);
    var path = cut < 0 ? href : href.slice(0, cut);
    if (path === "" || path.slice(-1) === "/" || path === "." || path === "..") {
      a.setAttribute("href", path.replace(/\/?$/, "/") + "index.html" + (cut < 0 ? "" : href.slice(cut)));
    }
  });
})();
