// 好差评 by the person served, through a one-time link (/rate/{token}): tap 1-5, comment if you like, send once.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var token = decodeURIComponent(location.pathname.split('/')[2] || '');
  var form = RatingForm.draw($('rate'));
  function answer(r) { return r.json().catch(function () { return {}; }).then(function (b) { if (!r.ok) { throw new Error((b.message || '操作失败').replace(/^[\w.]+：/, '')); } return b; }); }
  function fail(message) { $('error').textContent = message; $('error').hidden = false; }
  fetch('/api/public/ratings/' + encodeURIComponent(token), { headers: { 'Accept': 'application/json' } })
    .then(answer).then(function (c) { $('what').textContent = c.matterName + '（办件编号 ' + c.caseId + '）'; $('rate').hidden = false; })
    .catch(function (e) { fail(e.message); });
  $('rate').addEventListener('submit', function (event) {
    event.preventDefault();
    if (!form.score()) { return; }
    form.sending(true);
    fetch('/api/public/ratings/' + encodeURIComponent(token), {
      method: 'POST', headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ score: form.score(), comment: form.comment() })
    }).then(answer).then(function () { $('rate').hidden = true; $('thanks').hidden = false; })
      .catch(function (e) { fail(e.message); form.sending(false); });
  });
})();
