// The case view: facts, steps, timeline, notices sent (masked), 补正材料 and the papers to print.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var caseId = decodeURIComponent(location.pathname.split('/')[2]);
  var STATUS = { SENT: '已发送', PENDING: '待发送', FAILED: '发送失败' };
  function minute(v) { return v ? v.substring(0, 16).replace('T', ' ') : ''; }
  function row(table, cells, cls) {
    var tr = document.createElement('tr');
    if (cls) { tr.className = cls; }
    cells.forEach(function (c) { var td = document.createElement('td'); td.textContent = c || '—'; tr.appendChild(td); });
    document.querySelector('#' + table + ' tbody').appendChild(tr);
  }
  function fail(message) { $('error').textContent = message; $('error').hidden = false; }
  function answer(r) { return r.json().catch(function () { return {}; }).then(function (b) { if (!r.ok) { throw new Error(b.message || ('读取失败（' + r.status + '）')); } return b; }); }

  function show(c) {
    document.title = c.caseId + ' · 办件详情';
    $('case-id').textContent = c.caseId;
    $('matter').textContent = c.matterName;
    $('status').textContent = c.statusName;
    document.querySelectorAll('#facts tbody, #steps tbody, #timeline tbody, #notices tbody, #supplement-list, #prints')
      .forEach(function (e) { e.innerHTML = ''; });
    [['申请人', c.applicant.name], [c.applicant.kind === 'ORGANIZATION' ? '统一社会信用代码' : '证件号码', c.applicant.idNumber],
     ['联系电话', c.applicant.phone], ['受理渠道', c.channelName + (c.servicePointName ? '（' + c.servicePointName + '）' : '')],
     ['优先级', c.priorityName + (c.priorityReason ? '：' + c.priorityReason : '')], ['受理人', c.acceptedBy],
     ['受理时间', minute(c.acceptedAt)], ['承诺办结', c.promisedBy ? c.promisedBy.substring(0, 10) : ''],
     ['已收材料', c.receivedMaterials.map(function (m) { return m.name; }).join('、')],
     ['尚缺材料', c.missingMaterials.map(function (m) { return m.name; }).join('、')],
     ['办结/结束', c.closedAt ? minute(c.closedAt) + (c.outcomeReason ? '（' + c.outcomeReason + '）' : '') : '']
    ].forEach(function (f) { row('facts', f); });
    var prints = [['receipt', '重打受理回执']];
    if (c.status === 'WAITING_FOR_MATERIALS') { prints.push(['materials-notice', '打印一次性告知书']); }
    if (c.status === 'NOT_ACCEPTED') { prints.push(['not-accepted', '打印不予受理告知书']); }
    prints.forEach(function (p) {
      var a = document.createElement('a');
      a.className = 'button';
      a.id = 'print-' + p[0];
      a.target = '_blank';
      a.href = '/cases/' + encodeURIComponent(c.caseId) + '/print/' + p[0];
      a.textContent = p[1];
      $('prints').appendChild(a);
    });
    c.steps.forEach(function (s) {
      row('steps', [s.name, s.groupName, s.assignee || (s.completed ? '' : '未认领'), minute(s.started), minute(s.due), minute(s.completed)],
        s.state === 'BREACHED' ? 'breached' : '');
    });
    c.timeline.forEach(function (e) { row('timeline', [minute(e.at), e.actor || '系统', e.description]); });
    c.notices.forEach(function (n) { row('notices', [minute(n.at), n.recipient, n.text, STATUS[n.status] || n.status]); });
    $('supplement').hidden = c.status !== 'WAITING_FOR_MATERIALS';
    c.missingMaterials.forEach(function (m) {
      var li = document.createElement('li');
      li.innerHTML = '<label class="check"><input type="checkbox"> </label>';
      li.querySelector('input').value = m.code;
      li.querySelector('label').appendChild(document.createTextNode(m.name));
      $('supplement-list').appendChild(li);
    });
    $('case').hidden = false;
    showOpenTasks(c.openSteps || []);
    showCopies();
  }

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(answer);
  }

  // 催办 / 转办 / 抄送 where the user may (js/task-actions.js); the server decides again.
  function showOpenTasks(steps) {
    var body = document.querySelector('#open-tasks tbody');
    body.innerHTML = '';
    $('open-tasks-box').hidden = steps.length === 0;
    steps.forEach(function (step) {
      get('/api/tasks/' + encodeURIComponent(step.taskId) + '/actions').then(function (a) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-task', a.taskId);
        [a.taskName, a.groupName, a.assigneeName || '未认领', a.copiedTo.join('、')].forEach(function (text) {
          var td = document.createElement('td'); td.textContent = text || '—'; tr.appendChild(td);
        });
        var actions = document.createElement('td');
        [['chase', '催办', a.mayChase], ['reassign', '转办', a.mayReassign], ['cc', '抄送', a.mayCopy]].forEach(function (x) {
          if (!x[2]) { return; }
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'secondary row-action ' + x[0];
          b.textContent = x[1];
          b.addEventListener('click', function () { window.TaskActions.open(a.taskId, x[0], load); });
          actions.appendChild(b);
        });
        if (!actions.childNodes.length) { actions.textContent = a.copiedToMe ? '抄送给您（只读）' : '—'; }
        tr.appendChild(actions);
        body.appendChild(tr);
      }).catch(function () { /* a task completed meanwhile: the steps table shows it */ });
    });
  }

  function showCopies() {
    get('/api/tasks/copied-to-me').then(function (copies) {
      var mine = copies.filter(function (x) { return x.caseId === caseId; });
      var body = document.querySelector('#copied tbody');
      body.innerHTML = '';
      $('copied-box').hidden = mine.length === 0;
      mine.forEach(function (x) {
        row('copied', [x.taskName, x.copiedBy, minute(x.copiedAt),
          x.completed ? '已办结' + (x.completedAt ? '（' + minute(x.completedAt) + '）' : '') : '办理中（' + (x.assignee || '未认领') + '）']);
      });
    }).catch(function () { $('copied-box').hidden = true; });
  }

  function load() {
    fetch('/api/cases/' + encodeURIComponent(caseId), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(answer).then(show).catch(function (e) { fail(e.message); });
  }

  $('supply').addEventListener('click', function () {
    var codes = Array.prototype.map.call(document.querySelectorAll('#supplement-list input:checked'), function (b) { return b.value; });
    if (!codes.length) { fail('请勾选申请人带来的材料'); return; }
    $('supply').disabled = true;
    fetch('/api/cases/' + encodeURIComponent(caseId) + '/materials', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify({ materials: codes })
    }).then(answer).then(function (c) { $('error').hidden = true; show(c); })
      .catch(function (e) { fail(e.message); })
      .then(function () { $('supply').disabled = false; });
  });
  load();
})();
