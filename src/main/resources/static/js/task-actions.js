// 催办 / 转办 / 抄送 on one open task, in a small dialog shared by /sla and the case view.
// TaskActions.open(taskId, 'chase' | 'reassign' | 'cc', onDone): reads what the user may do on the task
// (GET /api/tasks/{id}/actions) and offers only that; the server checks everything again.
(function () {
  var TITLES = { chase: '催办', reassign: '转办', cc: '抄送' };
  function minute(v) { return v ? v.substring(0, 16).replace('T', ' ') : ''; }
  function json(r) {
    return r.json().catch(function () { return {}; }).then(function (b) {
      if (!r.ok) { throw new Error(b.message ? b.message.split(' / ')[0] : '操作失败（' + r.status + '）'); }
      return b;
    });
  }
  function call(method, url, body) {
    var init = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(url, init).then(json);
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) { e.textContent = text; }
    return e;
  }

  function dialog() {
    var d = document.getElementById('task-action');
    if (!d) {
      d = el('dialog', { id: 'task-action', 'class': 'task-action' });
      document.body.appendChild(d);
    }
    d.innerHTML = '';
    return d;
  }

  function open(taskId, mode, onDone) {
    var d = dialog();
    var title = el('h3', { id: 'task-action-title' }, TITLES[mode] + '（加载中…）');
    var facts = el('p', { 'class': 'hint', id: 'task-action-facts' });
    var form = el('div', { id: 'task-action-form' });
    var error = el('p', { 'class': 'error', id: 'task-action-error', role: 'alert' });
    var done = el('p', { 'class': 'done', id: 'task-action-done', role: 'status' });
    var close = el('button', { type: 'button', 'class': 'secondary', id: 'task-action-close' }, '关闭');
    close.addEventListener('click', function () { d.close(); });
    [title, facts, form, error, done, close].forEach(function (e) { d.appendChild(e); });
    d.showModal();
    var url = '/api/tasks/' + encodeURIComponent(taskId);
    function fail(e) { error.textContent = e.message; }
    function succeeded(text) {
      error.textContent = '';
      done.textContent = text;
      form.innerHTML = '';
      if (onDone) { onDone(); }
    }
    call('GET', url + '/actions').then(function (a) {
      title.textContent = TITLES[mode] + '「' + a.taskName + '」';
      facts.textContent = (a.caseId ? '办件编号 ' + a.caseId + ' · ' : '') + (a.groupName || '') + ' · 办理人：'
        + (a.assigneeName || '未认领');
      if (mode === 'chase') {
        if (!a.mayChase) { form.textContent = '只有值班主任/协调员和本部门负责人可以催办。'; return; }
        if (a.nextChaseAt) {
          form.textContent = '该任务一小时内已催办过，每小时最多催办一次；请于 ' + minute(a.nextChaseAt) + ' 后再催办。';
          return;
        }
        form.appendChild(el('label', { 'for': 'chase-message' }, '催办内容（发给' + (a.assigneeName ? '办理人' : '候选组全体') + '，并在任务列表中显示为备注）'));
        var message = el('textarea', { id: 'chase-message', rows: '3', maxlength: '500' });
        message.value = '该任务已超过或即将超过承诺时限，请尽快办理。';
        form.appendChild(message);
        var send = el('button', { type: 'button', id: 'chase-send' }, '发送催办');
        send.addEventListener('click', function () {
          send.disabled = true;
          call('POST', url + '/chase', { message: message.value })
            .then(function () { succeeded('已催办，' + (a.assigneeName ? '办理人 ' + a.assigneeName : a.groupName) + ' 已收到提醒。'); })
            .catch(function (e) { send.disabled = false; fail(e); });
        });
        form.appendChild(send);
      } else if (mode === 'reassign') {
        if (!a.mayReassign) { form.textContent = '只有值班主任/协调员可以转办任务。'; return; }
        if (!a.reassignTo.length) { form.textContent = '「' + a.groupName + '」没有可转办的其他人员。'; return; }
        form.appendChild(el('label', { 'for': 'reassign-user' }, '转办给（仅限「' + a.groupName + '」的人员）'));
        var user = el('select', { id: 'reassign-user' });
        a.reassignTo.forEach(function (m) { user.appendChild(el('option', { value: m.id }, m.name)); });
        form.appendChild(user);
        form.appendChild(el('label', { 'for': 'reassign-reason' }, '转办原因'));
        var reason = el('textarea', { id: 'reassign-reason', rows: '2', maxlength: '500' });
        form.appendChild(reason);
        var move = el('button', { type: 'button', id: 'reassign-send' }, '转办');
        move.addEventListener('click', function () {
          move.disabled = true;
          call('POST', url + '/reassign', { userId: user.value, reason: reason.value })
            .then(function (after) { succeeded('已转办给 ' + after.assigneeName + '。'); })
            .catch(function (e) { move.disabled = false; fail(e); });
        });
        form.appendChild(move);
      } else {
        if (!a.mayCopy) { form.textContent = '只有任务的办理人或候选人可以抄送。'; return; }
        if (a.copiedTo.length) { form.appendChild(el('p', { 'class': 'hint' }, '已抄送：' + a.copiedTo.join('、'))); }
        form.appendChild(el('label', { 'for': 'cc-users' }, '抄送给（可多选；对方只能查看，不能认领或办理）'));
        var users = el('select', { id: 'cc-users', multiple: 'multiple', size: '8' });
        form.appendChild(users);
        call('GET', '/engine-rest/user?sortBy=userId&sortOrder=asc&maxResults=500').then(function (list) {
          list.forEach(function (u) {
            users.appendChild(el('option', { value: u.id }, (u.firstName || '') + (u.lastName || '') + '（' + u.id + '）'));
          });
        }).catch(fail);
        var copy = el('button', { type: 'button', id: 'cc-send' }, '抄送');
        copy.addEventListener('click', function () {
          var chosen = Array.prototype.filter.call(users.options, function (o) { return o.selected; })
            .map(function (o) { return o.value; });
          copy.disabled = true;
          call('POST', url + '/cc', { userIds: chosen })
            .then(function (after) { succeeded('已抄送：' + after.copiedTo.join('、')); })
            .catch(function (e) { copy.disabled = false; fail(e); });
        });
        form.appendChild(copy);
      }
    }).catch(fail);
  }

  window.TaskActions = { open: open };
})();
