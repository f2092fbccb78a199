// The plan form's schools: filter by name, select a town's or a stage's schools at once, select all shown or none,
// and a running count. Only the check boxes named schoolIds are submitted; the group boxes are for convenience.
(function () {
  const picks = document.querySelector('[data-school-picks]');
  if (!picks) {
    return;
  }
  const search = document.querySelector('[data-school-search]');
  const count = document.querySelector('[data-school-count]');
  const noMatch = picks.querySelector('[data-school-nomatch]');
  const schools = Array.from(picks.querySelectorAll('input[data-school]'));

  function shown(box) {
    return !box.closest('[data-school-name]').hidden;
  }

  function refresh() {
    picks.querySelectorAll('[data-school-group]').forEach(function (group) {
      const members = Array.from(group.querySelectorAll('input[data-school]')).filter(shown);
      const toggle = group.querySelector('input[data-school-group-toggle]');
      const checked = members.filter(function (box) { return box.checked; }).length;
      group.hidden = members.length === 0;
      toggle.checked = members.length > 0 && checked === members.length;
      toggle.indeterminate = checked > 0 && checked < members.length;
    });
    if (count) {
      const selected = schools.filter(function (box) { return box.checked; }).length;
      count.textContent = count.getAttribute('data-template').replace('{n}', String(selected));
    }
  }

  picks.addEventListener('change', function (event) {
    const target = event.target;
    if (target.matches('input[data-school-group-toggle]')) {
      const group = target.closest('[data-school-group]');
      group.querySelectorAll('input[data-school]').forEach(function (box) {
        if (shown(box)) {
          box.checked = target.checked;
        }
      });
    }
    refresh();
  });

  function setShown(value) {
    schools.forEach(function (box) {
      if (shown(box)) {
        box.checked = value;
      }
    });
    refresh();
  }

  const all = document.querySelector('[data-school-all]');
  const none = document.querySelector('[data-school-none]');
  if (all) {
    all.addEventListener('click', function () { setShown(true); });
  }
  if (none) {
    none.addEventListener('click', function () {
      schools.forEach(function (box) { box.checked = false; });
      refresh();
    });
  }
  if (search) {
    search.addEventListener('input', function () {
      const needle = search.value.trim().toLowerCase();
      let any = false;
      picks.querySelectorAll('[data-school-name]').forEach(function (row) {
        const match = needle === '' || row.getAttribute('data-school-name').toLowerCase().includes(needle);
        row.hidden = !match;
        any = any || match;
      });
      if (noMatch) {
        noMatch.hidden = any;
      }
      refresh();
    });
  }
  refresh();
})();
