// Whereas: small progressive enhancements. No inline scripts (Content-Security-Policy).
document.addEventListener("DOMContentLoaded", () => {
  // Confirm destructive actions that carry data-confirm.
  document.body.addEventListener("submit", (event) => {
    const message = event.target.dataset.confirm;
    if (message && !window.confirm(message)) event.preventDefault();
  });
});
