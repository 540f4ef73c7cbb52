// On /sla: the messages to citizens that could not be delivered (/api/notifications/failed), redrawn every 30 seconds.
(function () {
  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    row.appendChild(td);
  }

  function when(iso) {
    return iso ? iso.substring(0, 16).replace('T', ' ') : '';
  }

  function draw(failed) {
    var body = document.querySelector('#failed-notifications tbody');
    body.innerHTML = '';
    if (failed.length === 0) {
      var empty = document.createElement('tr');
      cell(empty, '暂无发送失败的通知');
      empty.firstChild.colSpan = 7;
      body.appendChild(empty);
    }
    failed.forEach(function (message) {
      var row = document.createElement('tr');
      row.className = 'state-BREACHED';
      cell(row, when(message.failedAt));
      cell(row, message.caseId);
      cell(row, message.template);
      cell(row, message.to);
      cell(row, message.text);
      cell(row, message.attempts);
      cell(row, message.lastError);
      body.appendChild(row);
    });
  }

  function refresh() {
    fetch('/api/notifications/failed', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(draw)
      .catch(function () { /* the monitor above reports a lost connection */ });
  }

  refresh();
  setInterval(refresh, 30000);
})();
