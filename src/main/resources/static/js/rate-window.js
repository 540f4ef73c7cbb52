// 评价器: the tablet facing the citizen, paired with the clerk's station (logged in as the clerk). It waits for the
// clerk's request, shows the case, takes one score from the citizen, thanks, and waits again.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var caseId = null;
  var form = RatingForm.draw($('rate'));
  function show(waiting) { $('waiting').hidden = !waiting; $('rate').hidden = waiting; }
  function poll() {
    if (caseId) { return; }
    fetch('/api/window/rating-request', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.status === 200 ? r.json() : null; })
      .then(function (c) {
        if (!c) { return; }
        caseId = c.caseId;
        form.reset();
        $('what').textContent = c.matterName + '（办件编号 ' + c.caseId + '）';
        $('thanks').hidden = true;
        show(false);
      }).catch(function () {});
  }
  $('rate').addEventListener('submit', function (event) {
    event.preventDefault();
    if (!form.score() || !caseId) { return; }
    form.sending(true);
    fetch('/api/window/ratings', {
      method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ caseId: caseId, score: form.score(), comment: form.comment() })
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
