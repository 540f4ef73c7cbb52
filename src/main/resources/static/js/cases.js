// 办件查询: search the cases this user may see (GET /api/cases) and open one.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  function cell(tr, text, cls) { var td = document.createElement('td'); td.textContent = text || '—'; if (cls) { td.className = cls; } tr.appendChild(td); return td; }
  function minute(v) { return v ? v.substring(0, 16).replace('T', ' ') : ''; }

  function search(event) {
    if (event) { event.preventDefault(); }
    var params = new URLSearchParams();
    ['caseId', 'idLast6', 'name', 'from', 'to'].forEach(function (k) { var v = $(k).value.trim(); if (v) { params.set(k, v); } });
    $('error').hidden = true;
    var isLatest = LatestOnly.ask('cases');
    fetch('/api/cases?' + params.toString(), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json().then(function (b) { if (!r.ok) { throw new Error(b.message || ('查询失败（' + r.status + '）')); } return b; }); })
      .then(function (rows) {
        if (!isLatest()) { return; }
        var body = document.querySelector('#results tbody');
        body.innerHTML = '';
        $('count').textContent = '共 ' + rows.length + ' 件' + (rows.length >= 200 ? '（仅显示最近 200 件，请缩小范围）' : '');
        rows.forEach(function (c) {
          var tr = document.createElement('tr');
          tr.dataset.caseId = c.caseId;
          var link = document.createElement('a');
          link.href = '/cases/' + encodeURIComponent(c.caseId);
          link.textContent = c.caseId;
          var first = document.createElement('td');
          first.appendChild(link);
          tr.appendChild(first);
          cell(tr, c.matterName);
          cell(tr, c.applicantName);
          cell(tr, minute(c.acceptedAt));
          cell(tr, c.statusName);
          cell(tr, c.steps.map(function (s) { return s.name; }).join('、'));
          cell(tr, c.steps.map(function (s) { return s.groupName; }).join('、'));
          cell(tr, c.due ? c.due.substring(0, 10) + (c.breached ? '（已超时）' : '') : (c.closedAt ? '已结束' : ''), c.breached ? 'breached' : '');
          body.appendChild(tr);
        });
      })
      .catch(function (e) { if (isLatest()) { $('error').textContent = e.message; $('error').hidden = false; } });
  }
  // 抄送我的: tasks colleagues copied to this user, read only (GET /api/tasks/copied-to-me).
  function copies() {
    fetch('/api/tasks/copied-to-me', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (list) {
        var body = document.querySelector('#copied tbody');
        body.innerHTML = '';
        $('copied-box').hidden = list.length === 0;
        list.forEach(function (x) {
          var tr = document.createElement('tr');
          tr.setAttribute('data-task', x.taskId);
          var first = document.createElement('td');
          if (x.caseId) {
            var link = document.createElement('a');
            link.href = '/cases/' + encodeURIComponent(x.caseId);
            link.textContent = x.caseId;
            first.appendChild(link);
          } else { first.textContent = '—'; }
          tr.appendChild(first);
          cell(tr, x.taskName);
          cell(tr, x.copiedBy);
          cell(tr, minute(x.copiedAt));
          cell(tr, x.completed ? '已办结' : '办理中（' + (x.assignee || '未认领') + '）');
          body.appendChild(tr);
        });
      });
  }
  $('search').addEventListener('submit', search);
  search();
  copies();
})();
