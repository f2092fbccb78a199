// A select marked data-autosubmit sends its form as soon as a choice is made (the commission's school picker
// on /schedule); without scripts the form's <noscript> button does it. Inline onchange handlers are refused by
// the Content Security Policy, so the behaviour lives here.
document.addEventListener('change', function (event) {
  var field = event.target.closest('[data-autosubmit]');
  if (field && field.form) {
    if (field.form.requestSubmit) {
      field.form.requestSubmit();
    } else {
      field.form.submit();
    }
  }
});
