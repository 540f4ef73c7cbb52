// 评价器: the tablet facing the citizen, paired with the clerk's station (logged in as the clerk). It waits for the
// clerk's request, shows the case, takes one score from the citizen, thanks, and waits again.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var caseId = null, score = null;
  function show(waiting) { $('waiting').hidden = !waiting; $('rate').hidden = waiting; }
  function poll() {
    if (caseId) { return; }
    fetch('/api/window/rating-request', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.status === 200 ? r.json() : null; })
      .then(function (c) {
        if (!c) { return; }
        caseId = c.caseId;
        score = null;
        $('comment').value = '';
        $('send').disabled = true;
        document.querySelectorAll('.stars button').forEach(function (o) { o.classList.remove('chosen'); });
        $('what').textContent = c.matterName + '（办件编号 ' + c.caseId + '）';
        $('thanks').hidden = true;
        show(false);
      }).catch(function () {});
  }
  document.querySelectorAll('.stars button').forEach(function (b) {
    b.addEventListener('click', function () {
      score = Number(b.dataset.score);
      document.querySelectorAll('.stars button').forEach(function (o) { o.classList.toggle('chosen', o === b); });
      $('send').disabled = false;
    });
  });
  $('rate').addEventListener('submit', function (event) {
    event.preventDefault();
    if (!score || !caseId) { return; }
    $('send').disabled = true;
    fetch('/api/window/ratings', {
      method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ caseId: caseId, score: score, comment: $('comment').value.trim() || null })
    }).then(function (r) { return r.json().then(function (b) { if (!r.ok) { throw new Error((b.message || '提交失败').replace(/^[\w.]+：/, '')); } }); })
      .then(function () {
        $('rate').hidden = true;
        $('what').textContent = '';
        $('thanks').hidden = false;
        setTimeout(function () { caseId = null; $('thanks').hidden = true; show(true); }, 5000);
      })
      .catch(function (e) { $('error').textContent = e.message; $('error').hidden = false; caseId = null; show(true); });
  });
  show(true);
  poll();
  setInterval(poll, 2000);
})();
