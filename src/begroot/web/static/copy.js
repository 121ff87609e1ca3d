// "Cite this figure": the copy buttons, shown only when scripts run (without them the text fields
// are read-only and selected on focus, ready to copy by hand).
for (const button of document.querySelectorAll("button.copy[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  if (!source) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    source.select();
    try { await navigator.clipboard.writeText(source.value); } catch { document.execCommand("copy"); }
    button.dataset.copied = "true";
  });
}
for (const field of document.querySelectorAll("input.copy-source")) {
  field.addEventListener("focus", () => field.select());
}
