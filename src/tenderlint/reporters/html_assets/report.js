"use strict";
// Filters: a finding is shown when both its severity and its family are ticked. Marks stay in the text
// (the words are the document's) but lose their highlight; cards and pins are hidden.
(() => {
  const boxes = Array.from(document.querySelectorAll("#filters input[type=checkbox]"));
  const tagged = Array.from(document.querySelectorAll("[data-f]"));
  const cards = Array.from(document.querySelectorAll("details.finding[data-f]"));
  const ticked = (kind) => new Set(boxes.filter((b) => b.dataset.kind === kind && b.checked).map((b) => b.value));

  function apply() {
    const sev = ticked("sev");
    const fam = ticked("fam");
    const shown = (el) => sev.has(el.dataset.sev) && fam.has(el.dataset.fam);
    for (const el of tagged) el.classList.toggle("off", !shown(el));
    const counts = new Map();
    const bump = (key) => counts.set(key, (counts.get(key) || 0) + 1);
    for (const c of cards) {
      if (fam.has(c.dataset.fam)) bump("sev:" + c.dataset.sev);
      if (sev.has(c.dataset.sev)) bump("fam:" + c.dataset.fam);
      if (shown(c)) {
        bump("all");
        bump("doc:" + c.dataset.doc);
      }
    }
    for (const n of document.querySelectorAll("[data-n]")) n.textContent = String(counts.get(n.dataset.n) || 0);
  }

  // A mark opens its card: click, Enter or Space.
  function reveal(mark) {
    const card = document.getElementById(mark.dataset.f);
    if (!card || mark.classList.contains("off")) return;
    card.open = true;
    card.scrollIntoView({ block: "nearest", behavior: "smooth" });
    card.querySelector("summary").focus({ preventScroll: true });
  }
  document.addEventListener("click", (e) => {
    const mark = e.target.closest("mark[data-f]");
    if (mark) reveal(mark);
  });
  document.addEventListener("keydown", (e) => {
    const mark = e.target.closest && e.target.closest("mark[data-f]");
    if (mark && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      reveal(mark);
    }
  });

  // Print every explanation, then put the page back as it was.
  let closed = [];
  window.addEventListener("beforeprint", () => {
    closed = cards.filter((c) => !c.open);
    for (const c of closed) c.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const c of closed) c.open = false;
    closed = [];
  });

  for (const b of boxes) b.addEventListener("change", apply);
  document.documentElement.classList.add("js");
  apply();
})();
