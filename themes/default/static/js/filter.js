// Filters a list of cards by checkboxes (progressive enhancement: without JavaScript every card shows).
// An item shows when, for every group with something ticked, its data-<name> is one of the ticked values.
(function () {
  var script = document.currentScript;
  var list = document.querySelector(script.getAttribute("data-list"));
  var form = document.querySelector(script.getAttribute("data-form"));
  var count = document.querySelector(script.getAttribute("data-count"));
  var nouns = (script.getAttribute("data-noun") || "item|items").split("|");
  if (!list || !form) return;
  form.hidden = false;
  function apply() {
    var chosen = {};
    Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (box) {
      (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    var shown = 0;
    Array.prototype.forEach.call(list.children, function (item) {
      var visible = Object.keys(chosen).every(function (name) {
        var values = (item.getAttribute("data-" + name) || "").split(" ");
        return chosen[name].some(function (v) { return values.indexOf(v) >= 0; });
      });
      item.hidden = !visible;
      if (visible) shown++;
    });
    if (count) count.textContent = shown + " " + (shown === 1 ? nouns[0] : nouns[1]) + ".";
  }
  form.addEventListener("change", apply);
  apply();
})();
