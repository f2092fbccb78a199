// Offers only the roles that the chosen organisation's kind may hold; the server checks the same rule.
(function () {
  const select = document.getElementById('organizationId');
  if (!select) return;
  const boxes = document.querySelectorAll('input[name="roles"]');
  function apply() {
    const option = select.options[select.selectedIndex];
    const allowed = (option && option.dataset.allowed) ? option.dataset.allowed.split(' ') : null;
    boxes.forEach(function (box) {
      const ok = !allowed || allowed.indexOf(box.value) >= 0;
      box.disabled = !ok;
      if (!ok) box.checked = false;
      box.closest('.form-check').classList.toggle('opacity-50', !ok);
    });
  }
  select.addEventListener('change', apply);
  apply();
})();
