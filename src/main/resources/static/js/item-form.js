// Live screening of an item while the department types: findings appear under the field that caused them
// and in the side panel. The server repeats the same screening on submit; this only helps earlier.
(function () {
  const form = document.querySelector('form[data-screen-url]');
  if (!form) return;
  const summary = document.getElementById('screening-summary');
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const labels = JSON.parse(summary.dataset.labels || '{}');
  let timer = null;
  let sequence = 0;

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function findingNode(finding) {
    const node = el('div', 'cg-finding' + (finding.severity === 'REFUSE' ? ' cg-refuse' : ''));
    node.setAttribute('data-rule', finding.ruleId);
    node.appendChild(el('strong', null, (finding.severity === 'REFUSE' ? labels.refuse : labels.warn) + ' '));
    node.appendChild(document.createTextNode(finding.explanation));
    if (finding.evidence) node.appendChild(el('span', 'cg-clause', labels.evidence + finding.evidence));
    node.appendChild(el('span', 'cg-clause', labels.clause + finding.clause));
    return node;
  }

  function render(result) {
    document.querySelectorAll('.cg-findings').forEach(function (box) { box.replaceChildren(); });
    summary.replaceChildren();
    if (result.findings.length === 0) {
      summary.appendChild(el('p', 'text-success mb-0', labels.clear));
      return;
    }
    summary.appendChild(el('p', result.refused ? 'text-danger fw-semibold' : 'text-warning-emphasis fw-semibold',
      result.refused ? labels.refusedSummary : labels.warnSummary));
    result.findings.forEach(function (finding) {
      summary.appendChild(findingNode(finding));
      const box = document.getElementById('findings-' + finding.field);
      if (box) box.appendChild(findingNode(finding));
    });
  }

  function screen() {
    const body = new URLSearchParams(new FormData(form));
    body.delete('intent');
    if (form.dataset.itemId) body.set('itemId', form.dataset.itemId);
    const headers = { 'Accept': 'application/json' };
    if (csrfToken && csrfHeader) headers[csrfHeader.content] = csrfToken.content;
    const mine = ++sequence;
    fetch(form.dataset.screenUrl, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (result) { if (result && mine === sequence) render(result); })
      .catch(function () { /* screening is a help; the server checks again on submit */ });
  }

  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(screen, 600);
  });
  form.addEventListener('change', function () {
    clearTimeout(timer);
    timer = setTimeout(screen, 200);
  });
  if (form.querySelector('#title').value) screen();
})();
