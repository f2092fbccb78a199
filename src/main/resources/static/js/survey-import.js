// Survey import: once a file is submitted, the button says the check is running and cannot be pressed twice.
(function () {
  const form = document.getElementById('survey-import-form');
  if (!form) return;
  form.addEventListener('submit', function () {
    const button = form.querySelector('button[type="submit"]');
    if (!button) return;
    button.disabled = true;
    const label = button.querySelector('span');
    if (label && button.dataset.checking) label.textContent = button.dataset.checking;
  });
})();
