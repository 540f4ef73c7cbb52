// 问题详情: the issue with its history, steps and evidence; upload evidence, 回访确认 (销号/重办), 领导督办 and 批示.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var issueId = decodeURIComponent(window.location.pathname.split('/')[2] || '');
  var user = {};
  var json = function (r) { return r.json().then(function (b) { if (!r.ok) { var m = b.message || ('请求失败（' + r.status + '）'); if (b.field && m.indexOf(b.field + '：') === 0) { m = m.substring(b.field.length + 1); } var e = new Error(m); e.field = b.field; throw e; } return b; }); };
  var send = function (method, url, body) {
    return fetch(url, { method: method, credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
                        body: body ? JSON.stringify(body) : undefined }).then(json);
  };
  function minute(v) { return v ? v.substring(0, 16).replace('T', ' ') : ''; }
  function cell(tr, text, cls) { var td = document.createElement('td'); td.textContent = text === 0 ? '0' : (text || '—'); if (cls) { td.className = cls; } tr.appendChild(td); return td; }
  function linkCell(tr, href, text) { var td = document.createElement('td'); var a = document.createElement('a'); a.href = href; a.textContent = text; td.appendChild(a); tr.appendChild(td); return a; }
  function rows(id, items, fill) { var body = document.querySelector('#' + id + ' tbody'); body.innerHTML = ''; items.forEach(function (i) { var tr = document.createElement('tr'); fill(tr, i); body.appendChild(tr); }); }
  function size(bytes) { return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB'; }

  function clearMarks(form) {
    form.querySelectorAll('.field-error').forEach(function (n) { n.remove(); });
    form.querySelectorAll('.field.invalid').forEach(function (n) { n.classList.remove('invalid'); });
  }
  // A refusal lands on the field it names, or in the form's message line.
  function refused(form, e, line) {
    clearMarks(form);
    var box = e.field && form.querySelector('[data-field="' + e.field + '"]');
    if (box) {
      box.classList.add('invalid');
      var p = document.createElement('p');
      p.className = 'field-error';
      p.setAttribute('role', 'alert');
      p.textContent = e.message;
      box.appendChild(p);
      var input = box.querySelector('input, select, textarea');
      if (input) { input.focus(); }
    } else {
      var target = line || $('error');
      target.textContent = e.message;
      target.hidden = false;
      if (target.focus) { target.setAttribute('tabindex', '-1'); target.focus(); }
    }
  }

  function show(i) {
    $('issue').hidden = false;
    $('issue-id').textContent = i.issueId;
    $('category').textContent = i.categoryName;
    $('status').textContent = i.statusName;
    var facts = document.querySelector('#facts tbody');
    facts.innerHTML = '';
    function fact(label, value, href) {
      var tr = document.createElement('tr');
      var th = document.createElement('th'); th.textContent = label; tr.appendChild(th);
      if (href) { linkCell(tr, href, value); } else { cell(tr, value); }
      facts.appendChild(tr);
    }
    fact('来源', i.sourceName);
    fact('问题描述', i.description);
    if (i.caseId) { fact('关联办件', i.caseId, '/cases/' + encodeURIComponent(i.caseId)); } else { fact('关联办件', '无'); }
    if (i.referralId) { fact('仲裁转介', i.referralId, '/referrals/' + encodeURIComponent(i.referralId)); }
    if (i.referredTo) { fact('已转介至', i.referredTo); }
    fact('责任部门', i.responsibleDeptName);
    fact('责任人', i.responsiblePerson);
    fact('整改时限', i.deadline + (i.overdue ? '（已逾期）' : '') + (i.deadlineProvisional ? '（该年节假日安排未公布，时限暂按周末计算）' : ''));
    fact('登记', minute(i.raisedAt) + ' ' + i.raisedBy);
    fact('处理结果', i.resolution);
    fact('重办次数', String(i.reopenCount));
    if (i.closedAt) { fact('销号', minute(i.closedAt) + ' ' + i.closedBy); }

    rows('steps', i.steps || [], function (tr, s) {
      tr.dataset.activity = s.activityId;
      cell(tr, s.name); cell(tr, s.assignee || '待认领'); cell(tr, s.candidateGroup); cell(tr, minute(s.due));
      linkCell(tr, s.tasklistHref, '在任务列表中打开');
    });
    if (!(i.steps || []).length) { rows('steps', [{}], function (tr) { var td = cell(tr, '没有进行中的流程环节'); td.colSpan = 5; }); }

    $('evidence-rule').textContent = i.evidenceRequired
      ? i.categoryName + '类问题销号须有佐证材料：至少一份附件（告知书扫描件、照片或 PDF），并登记回访（回访人、时间、群众答复）。'
      : '可上传告知书扫描件、照片或 PDF 作为佐证。';
    rows('attachments', i.attachments, function (tr, a) {
      linkCell(tr, a.href, a.fileName); cell(tr, a.uploadedBy); cell(tr, minute(a.uploadedAt)); cell(tr, size(a.sizeBytes));
    });
    rows('callbacks', i.callbacks, function (tr, c) {
      cell(tr, minute(c.calledAt)); cell(tr, c.calledBy); cell(tr, c.answer); cell(tr, c.satisfied ? '满意，销号' : '不满意，重办'); cell(tr, c.recordedBy);
    });
    rows('supervisions', i.supervisions, function (tr, s) {
      cell(tr, s.requestedBy); cell(tr, minute(s.requestedAt)); cell(tr, s.reason); cell(tr, s.deadline); cell(tr, s.instructions || '待批示'); cell(tr, s.instructedBy);
    });
    rows('history', i.history, function (tr, h) {
      cell(tr, minute(h.at)); cell(tr, h.actorName); cell(tr, h.actionName); cell(tr, h.note);
    });

    var open = i.status !== 'CLOSED' && i.status !== 'REFERRED';
    $('attach').hidden = !user.mayRaise || i.status === 'CLOSED';
    $('callback-box').hidden = !(user.coordinator && i.status === 'RESOLVED');
    $('supervision-box').hidden = !(user.coordinator && open);
    $('instructions-box').hidden = !(user.leader && i.supervisions.some(function (s) { return !s.instructions; }));
  }

  function load() {
    return fetch('/api/issues/' + encodeURIComponent(issueId), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(json).then(show).catch(function (e) { refused(document.body, e); });
  }

  function callBack(satisfied) {
    var form = $('callback');
    $('callback-error').hidden = true;
    clearMarks(form);
    var body = { satisfied: satisfied, callback: { calledBy: $('called-by').value.trim(), calledAt: $('called-at').value || null, answer: $('answer').value.trim() } };
    send('POST', '/api/issues/' + encodeURIComponent(issueId) + '/callback', body)
      .then(function (i) { show(i); $('status').focus && $('status').focus(); })
      .catch(function (e) { refused(form, e, $('callback-error')); });
  }

  $('callback').addEventListener('submit', function (event) { event.preventDefault(); callBack(true); });
  $('reopen-issue').addEventListener('click', function () { callBack(false); });

  $('attach').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = $('attach');
    clearMarks(form);
    var file = $('file').files[0];
    if (!file) { refused(form, { field: 'file', message: '请选择要上传的文件' }); return; }
    var data = new FormData();
    data.append('file', file);
    fetch('/api/issues/' + encodeURIComponent(issueId) + '/attachments', { method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json' }, body: data })
      .then(json).then(function () { $('file').value = ''; return load(); })
      .catch(function (e) { refused(form, e); });
  });

  $('supervise').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = $('supervise');
    send('POST', '/api/issues/' + encodeURIComponent(issueId) + '/supervision', { reason: $('reason').value.trim(), deadline: $('supervision-deadline').value || null })
      .then(function (i) { clearMarks(form); form.reset(); show(i); }).catch(function (e) { refused(form, e); });
  });

  $('instruct').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = $('instruct');
    send('POST', '/api/issues/' + encodeURIComponent(issueId) + '/instructions', { instructions: $('instructions').value.trim() })
      .then(function (i) { clearMarks(form); form.reset(); show(i); }).catch(function (e) { refused(form, e); });
  });

  fetch('/api/issues/choices', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(json).then(function (c) { user = c.user; $('called-by').value = c.user.name || c.user.id; $('called-at').value = c.now; return load(); })
    .catch(function (e) { refused(document.body, e); });
})();
