// The coordinators' SLA monitor: reads /api/sla/overview and redraws every 30 seconds.
(function () {
  var GROUPS = {
    'window': '综合窗口', 'dept-pension': '社保经办', 'dept-medical': '医保', 'dept-fund': '公积金',
    'dept-archives': '档案', 'experts': '帮办专家', 'coordinators': '值班主任/协调员',
    'arbitration-liaison': '仲裁联络员'
  };

  function cell(row, text, cls) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    if (cls) { td.className = cls; }
    row.appendChild(td);
    return td;
  }

  function fillCounts(tableId, counts, label) {
    var body = document.querySelector('#' + tableId + ' tbody');
    body.innerHTML = '';
    var keys = Object.keys(counts);
    if (keys.length === 0) {
      var empty = document.createElement('tr');
      cell(empty, '暂无待办').colSpan = label ? 4 : 3;
      body.appendChild(empty);
    }
    keys.forEach(function (key) {
      var row = document.createElement('tr');
      if (label) { cell(row, label(key)); }
      cell(row, counts[key].ON_TRACK, 'state-ON_TRACK');
      cell(row, counts[key].AT_RISK, 'state-AT_RISK');
      cell(row, counts[key].BREACHED, 'state-BREACHED');
      body.appendChild(row);
    });
  }

  function when(iso) {
    return iso ? iso.substring(0, 16).replace('T', ' ') : '';
  }

  // 催办 and 转办 for a task that is breached or about to be (TaskActions: js/task-actions.js).
  function actionButtons(row, item) {
    var td = cell(row, '');
    if (item.state !== 'BREACHED' && item.state !== 'AT_RISK') { return; }
    [['chase', '催办'], ['reassign', '转办']].forEach(function (a) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary row-action ' + a[0];
      b.textContent = a[1];
      b.addEventListener('click', function () { window.TaskActions.open(item.taskId, a[0], refresh); });
      td.appendChild(b);
    });
  }

  function taskRow(item, withLimit) {
    var row = document.createElement('tr');
    row.className = 'item-' + item.state;
    row.setAttribute('data-task', item.taskId);
    cell(row, item.caseId);
    cell(row, item.matterName || '');
    var link = document.createElement('a');
    link.href = item.tasklistLink;
    link.textContent = item.taskName;
    cell(row, '').appendChild(link);
    cell(row, item.groupName);
    cell(row, item.assignee || '未认领');
    if (withLimit) { cell(row, item.limit); }
    cell(row, when(item.dueAt) + (item.provisional ? '（暂定）' : ''));
    cell(row, item.stateName, 'state-' + item.state);
    actionButtons(row, item);
    return row;
  }

  function drawStuck() {
    var group = document.getElementById('stuck-group').value;
    var state = document.getElementById('stuck-state').value;
    var point = document.getElementById('point').value.trim();
    var query = '?state=' + state + (group ? '&group=' + encodeURIComponent(group) : '') + (point ? '&point=' + encodeURIComponent(point) : '');
    var isLatest = LatestOnly.ask('stuck');
    fetch('/api/sla/tasks' + query, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (items) {
        if (!isLatest()) { return; }
        var body = document.querySelector('#stuck tbody');
        body.innerHTML = '';
        if (items.length === 0) {
          var empty = document.createElement('tr');
          cell(empty, '暂无').colSpan = 8;
          body.appendChild(empty);
        }
        items.forEach(function (item) { body.appendChild(taskRow(item, false)); });
        document.getElementById('stuck').dataset.query = query; // what the list now shows (for its tests)
      });
  }

  function draw(overview) {
    document.getElementById('as-of').textContent = '更新于 ' + when(overview.asOf) + '（北京时间）';
    fillCounts('groups', overview.byGroup, function (g) { return GROUPS[g] || g; });
    fillCounts('experts', overview.byExpert, function (e) { return e; });
    fillCounts('cases', { all: overview.cases });
    // a year without its State Council notice: told to coordinators and admins (the API leaves it out for others)
    var warning = document.getElementById('calendar-warning');
    warning.hidden = !overview.calendarWarning;
    warning.textContent = overview.calendarWarning ? '工作日历提示：' + overview.calendarWarning.message.split(' / ')[0] : '';
    var body = document.querySelector('#oldest tbody');
    body.innerHTML = '';
    overview.oldest.forEach(function (item) { body.appendChild(taskRow(item, true)); });
  }

  function drawNotices(notices) {
    var body = document.querySelector('#notices tbody');
    body.innerHTML = '';
    if (notices.length === 0) {
      var empty = document.createElement('tr');
      cell(empty, '暂无提醒').colSpan = 5;
      body.appendChild(empty);
    }
    notices.forEach(function (notice) {
      var row = document.createElement('tr');
      row.className = 'notice-' + notice.kind;
      cell(row, when(notice.at));
      cell(row, notice.kindName, /(_BREACH|_OVERDUE|_CHASED)$/.test(notice.kind) ? 'state-BREACHED' : 'state-AT_RISK');
      cell(row, notice.user ? notice.groupName + '（' + notice.user + '）' : notice.groupName);
      cell(row, notice.caseId);
      var text = cell(row, notice.tasklistLink ? '' : notice.message);
      if (notice.tasklistLink) {
        var link = document.createElement('a');
        link.href = notice.tasklistLink;
        link.textContent = notice.message;
        text.appendChild(link);
      }
      body.appendChild(row);
    });
  }

  function refresh() {
    drawStuck();
    fetch('/api/sla/notices', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(drawNotices)
      .catch(function () { /* the overview below reports the error */ });
    // With a service point: the figures of the cases accepted there and at every point below it.
    var point = document.getElementById('point').value.trim();
    var isLatest = LatestOnly.ask('overview');
    fetch('/api/sla/overview' + (point ? '?point=' + encodeURIComponent(point) : ''),
          { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (body) {
            throw new Error(response.status === 403 ? '仅值班主任/协调员和管理者可查看'
              : response.status === 400 && body.message ? body.message.split(' / ')[0] : '加载失败：' + response.status);
          });
        }
        return response.json();
      })
      .then(function (overview) {
        if (!isLatest()) { return; }
        document.getElementById('error').hidden = true;
        draw(overview);
      })
      .catch(function (e) {
        if (!isLatest()) { return; }
        var el = document.getElementById('error'); el.textContent = e.message; el.hidden = false;
      });
  }

  document.getElementById('point-form').addEventListener('submit', function (event) {
    event.preventDefault();
    refresh();
  });
  document.getElementById('stuck-form').addEventListener('submit', function (event) {
    event.preventDefault();
    drawStuck();
  });
  fetch('/api/departments', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (departments) {
      var select = document.getElementById('stuck-group');
      departments.forEach(function (d) {
        var option = document.createElement('option');
        option.value = d.group;
        option.textContent = d.name;
        select.appendChild(option);
      });
    });
  refresh();
  setInterval(refresh, 30000);
})();
