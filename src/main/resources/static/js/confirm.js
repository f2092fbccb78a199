// Asks before an action that a form marks with data-confirm (deactivating, resetting a password, …).
document.addEventListener('submit', function (event) {
  const message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
