// Before a complaint is sent: refuse more evidence files, or larger ones, than the server takes, so nothing
// typed is lost to an oversized upload. The server checks again (type from the file's bytes, size, count).
document.querySelectorAll('input[type=file][data-max-files]').forEach(function (input) {
  const feedback = document.createElement('div');
  feedback.className = 'invalid-feedback';
  input.after(feedback);
  function check() {
    const max = Number(input.dataset.maxFiles);
    const maxBytes = Number(input.dataset.maxBytes);
    let problem = '';
    if (input.files.length > max) {
      problem = input.dataset.tooMany;
    } else {
      for (const file of input.files) {
        if (file.size > maxBytes) {
          problem = file.name + '：' + input.dataset.tooLarge;
          break;
        }
      }
    }
    input.setCustomValidity(problem);
    input.classList.toggle('is-invalid', problem !== '');
    feedback.textContent = problem;
    return problem === '';
  }
  input.addEventListener('change', check);
  input.form.addEventListener('submit', function (event) {
    if (!check()) {
      event.preventDefault();
      input.focus();
    }
  });
});
