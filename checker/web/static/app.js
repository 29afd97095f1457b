/* cek-pokja: small comforts only; every page works without this script.
   - the drop box shows the chosen files' names and highlights while a file is dragged over;
   - the Check button says it is working once pressed (and cannot be pressed twice). */
(function () {
  "use strict";
  var input = document.getElementById("files");
  var drop = document.getElementById("drop");
  var chosen = document.getElementById("files-chosen");
  function show() {
    if (!input || !chosen) { return; }
    var names = [];
    for (var i = 0; i < input.files.length; i++) { names.push(input.files[i].name); }
    chosen.textContent = names.length ? chosen.getAttribute("data-chosen") + " " + names.join(", ")
                                      : chosen.getAttribute("data-none");
  }
  if (input) {
    input.addEventListener("change", show);
    show();
  }
  if (drop) {
    ["dragenter", "dragover"].forEach(function (ev) {
      drop.addEventListener(ev, function () { drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (ev) {
      drop.addEventListener(ev, function () { drop.classList.remove("over"); });
    });
    // files dropped anywhere on the box go to the file input (dropping on the input itself
    // works without this script too)
    drop.addEventListener("dragover", function (e) { e.preventDefault(); });
    drop.addEventListener("drop", function (e) {
      if (input && e.dataTransfer && e.dataTransfer.files.length) {
        e.preventDefault();
        input.files = e.dataTransfer.files;
        show();
      }
    });
  }
  var form = document.getElementById("check-form");
  var button = document.getElementById("submit");
  if (form && button) {
    form.addEventListener("submit", function () {
      window.setTimeout(function () {
        button.disabled = true;
        button.textContent = button.getAttribute("data-busy");
      }, 0);
    });
  }
})();
