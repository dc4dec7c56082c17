// Small accessibility fix for Material's search dialog, which has no accessible name.
document.querySelectorAll('.md-search[role="dialog"]').forEach(function (dialog) {
  dialog.setAttribute("aria-label", "Search the archive");
});
