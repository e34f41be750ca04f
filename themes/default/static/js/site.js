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
