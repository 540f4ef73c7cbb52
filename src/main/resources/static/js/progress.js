// 办件进度查询 for the citizen (no login): POST /api/public/progress with the case id and the ID's last 6 characters.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var day = CaseProgress.day;
  $('query').addEventListener('submit', function (event) {
    event.preventDefault();
    $('error').hidden = true;
    $('progress').hidden = true;
    fetch('/api/public/progress', {
      method: 'POST', headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ caseId: $('caseId').value.trim(), idNumberLast6: $('idNumberLast6').value.trim(),
        code: $('code-box').hidden ? null : ($('code').value.trim() || null) })
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (b) {
        // Many failed checks on this case today: a code was sent to the phone on file; ask for it.
        if (b.field === 'code') { $('code-box').hidden = false; $('code').value = ''; $('code').focus(); }
        if (!r.ok) { throw new Error(b.message ? b.message.replace(/^[\w.]+：/, '') : '查询失败，请稍后再试'); }
        return b;
      });
    }).then(function (p) {
      $('matter').textContent = p.matterName;
      $('case-id').textContent = p.caseId;
      $('status').textContent = p.statusName;
      $('accepted').textContent = day(p.acceptedAt);
      CaseProgress.draw(p);
      $('promised-line').hidden = !!p.closedAt;
      $('closed-line').hidden = !p.closedAt;
      $('closed').textContent = day(p.closedAt);
      $('reason').textContent = p.outcomeReason ? '（' + p.outcomeReason + '）' : '';
      $('progress').hidden = false;
    }).catch(function (e) { $('error').textContent = e.message; $('error').hidden = false; });
  });
})();
