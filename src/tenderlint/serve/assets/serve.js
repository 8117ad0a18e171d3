"use strict";
// Drag and drop onto the file chooser, the names of the chosen files, the tender pack choice only
// once several files are chosen, and a message while checking.
// The page works without this script: the form is an ordinary file upload.
(() => {
  const form = document.getElementById("upload");
  const input = document.getElementById("files");
  const drop = document.getElementById("drop");
  const chosen = document.getElementById("chosen");
  const status = document.getElementById("status");
  const button = document.getElementById("check");
  const pack = document.getElementById("pack-choice");
  if (form && input && drop && chosen && status) {
    const show = () => {
      const names = Array.from(input.files).map((file) => file.name);
      chosen.textContent = names.length ? `Chosen: ${names.join(", ")}` : "";
      if (pack) pack.hidden = names.length < 2;
    };
    document.documentElement.classList.add("js");
    for (const kind of ["dragenter", "dragover"]) {
      drop.addEventListener(kind, (event) => {
        event.preventDefault();
        drop.classList.add("over");
      });
    }
    for (const kind of ["dragleave", "dragend", "drop"]) {
      drop.addEventListener(kind, () => drop.classList.remove("over"));
    }
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        show();
        status.textContent = "Documents chosen. Press Check documents to start.";
      }
    });
    input.addEventListener("change", show);
    form.addEventListener("submit", () => {
      if (!input.files.length) return;
      status.textContent = "Checking your documents. A long document can take a minute.";
      form.setAttribute("aria-busy", "true");
      if (button) button.classList.add("busy");
    });
    show();
  }
  // After a check, take keyboard and screen reader users straight to the results.
  const results = document.getElementById("results-h");
  if (results) results.focus();
})();
