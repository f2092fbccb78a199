// A button marked data-print prints the page (the print stylesheet leaves only the content).
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-print]');
  if (button) {
    event.preventDefault();
    window.print();
  }
});
