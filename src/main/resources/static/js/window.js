// 一窗受理台: the clerk chooses the matter, types the applicant and the matter's facts (its intake form), ticks the
// materials, and submits once: one Idempotency-Key per filled form, so a double click or a retry makes one case.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var json = { 'Accept': 'application/json' };
  var matters = {}, matter = null, form = null, station = null, required = [], idempotencyKey = null, sending = false;
  // The hall's today from the server (the engine clock), once the station is read; the browser's until then.
  var hallToday = new Date().toISOString().substring(0, 10);

  function newKey() {
    return 'window-' + (window.crypto && crypto.randomUUID ? crypto.randomUUID()
      : Date.now().toString(36) + '-' + Math.random().toString(36).substring(2));
  }

  function fail(message) { $('error').textContent = message; $('error').hidden = !message; }

  function fieldBox(path) { return document.querySelector('[data-field="' + path + '"]'); }

  function mark(path, message) {
    if (path.indexOf('facts.') === 0 && form && form.showError(path, message)) { return true; }
    var box = fieldBox(path);
    if (!box) { return false; }
    var error = box.querySelector('.field-error');
    error.textContent = message || '';
    error.hidden = !message;
    box.classList.toggle('invalid', !!message);
    if (message) { var input = box.querySelector('input,select,textarea'); if (input && document.activeElement !== input) { input.focus(); } }
    return true;
  }

  function clearMarks() {
    if (form) { form.clear(); }
    document.querySelectorAll('#applicant .field, #how .field').forEach(function (box) {
      var error = box.querySelector('.field-error');
      if (error) { error.hidden = true; }
      box.classList.remove('invalid');
    });
  }

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: json }).then(function (r) {
      if (!r.ok) { throw new Error('加载失败（' + r.status + '）：' + url); }
      return r.json();
    });
  }

  // ---- the applicant's ID, checked as it is typed
  function checkId(path, show) {
    var value = $(path).value.trim();
    if (!value) { if (show) { mark(path, '必须填写身份证号码'); } return null; }
    var result = ResidentId.check(value, hallToday);
    if (!result.ok) {
      if (show || value.length >= 18) { mark(path, result.message); }
      return null;
    }
    mark(path, null);
    return result;
  }

  $('applicant.idNumber').addEventListener('input', function () {
    var result = checkId('applicant.idNumber', false);
    $('applicant.gender').value = result ? (result.gender === 'M' ? '男' : '女') : '';
    $('applicant.gender').dataset.code = result ? result.gender : '';
    $('applicant.birthDate').value = result ? result.birthDate : '';
    if (!result && $('applicant.idNumber').value.length < 18) { mark('applicant.idNumber', null); }
    factsChanged();
  });
  $('proxy.idNumber').addEventListener('input', function () {
    if ($('proxy.idNumber').value.length >= 18) { checkId('proxy.idNumber', false); } else { mark('proxy.idNumber', null); }
  });

  // A field the clerk corrects loses its mark as she types (the ID numbers are checked as typed instead).
  ['applicant', 'how'].forEach(function (id) {
    $(id).addEventListener('input', function (event) {
      var box = event.target.closest('.field');
      if (box && !/idNumber$/.test(box.dataset.field || '')) { mark(box.dataset.field, null); }
    });
  });

  // ---- channel, proxy, priority
  $('channel').addEventListener('change', function () { $('proxy').hidden = $('channel').value !== 'PROXY'; factsChanged(); });
  $('priority').addEventListener('change', function () { $('priority-reason-box').hidden = $('priority').value !== 'URGENT'; });

  function context() {
    return {
      applicantKind: matter ? matter.applicantKind : null,
      applicantGender: $('applicant.gender').dataset.code || null,
      channel: $('channel').value || null
    };
  }

  // ---- materials: required (as the matter's table decides for these facts) against ticked
  var asking = null;
  function factsChanged() {
    if (!matter) { return; }
    clearTimeout(asking);
    asking = setTimeout(function () {
      fetch('/api/matters/' + encodeURIComponent(matter.key) + '/required-materials', {
        method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ facts: form ? form.facts() : {}, applicantGender: context().applicantGender, channel: context().channel })
      }).then(function (r) { return r.ok ? r.json() : { decided: false, required: [] }; })
        .then(function (answer) { required = answer.required; showMaterials(); });
    }, 200);
  }

  function showMaterials() {
    var missing = [];
    (matter.materials || []).forEach(function (m) {
      var item = $('material-' + m.code);
      var needed = required.indexOf(m.code) >= 0;
      item.classList.toggle('needed', needed);
      item.querySelector('.star').textContent = needed ? ' *' : '';
      if (needed && !item.querySelector('input').checked) { missing.push(m.name); }
    });
    var list = $('missing');
    list.innerHTML = '';
    missing.forEach(function (name) { var li = document.createElement('li'); li.textContent = name; list.appendChild(li); });
    if (!missing.length) { var none = document.createElement('li'); none.textContent = required.length ? '无，材料齐全' : '（填写受理要素后显示）'; list.appendChild(none); }
    $('missing-box').classList.toggle('complete', !missing.length);
  }

  // ---- choosing the matter
  function choose(key) {
    fail(null);
    if (!key) { return; }
    get('/api/matters/' + encodeURIComponent(key)).then(function (m) {
      matter = m;
      idempotencyKey = newKey();
      var person = m.applicantKind !== 'ORGANIZATION';
      $('person').hidden = !person;
      $('organization').hidden = person;
      $('applicant-name-label').textContent = person ? '姓名' : '单位名称';
      $('applicant').hidden = $('facts-box').hidden = $('how').hidden = $('materials-box').hidden = false;
      var channel = $('channel');
      channel.innerHTML = '';
      var names = { WINDOW: '窗口', ONLINE: '码上办', PROXY: '帮办代办', PARTNER_POINT: '社银/社邮合作点' };
      m.channels.forEach(function (c) { var o = document.createElement('option'); o.value = c; o.textContent = names[c] || c; channel.appendChild(o); });
      $('proxy').hidden = channel.value !== 'PROXY';
      form = m.intakeForm ? IntakeForm.render($('facts'), m.intakeForm, context, factsChanged) : null;
      var list = $('materials');
      list.innerHTML = '';
      (m.materials || []).forEach(function (material) {
        var li = document.createElement('li');
        li.id = 'material-' + material.code;
        var label = document.createElement('label');
        label.className = 'check';
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.value = material.code;
        box.addEventListener('change', showMaterials);
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + material.name));
        var star = document.createElement('span');
        star.className = 'star required';
        label.appendChild(star);
        li.appendChild(label);
        list.appendChild(li);
      });
      required = [];
      showMaterials();
      factsChanged();
    }).catch(function (e) { fail(e.message); });
  }
  $('matter').addEventListener('change', function () { choose($('matter').value); });

  // ---- submitting
  function body() {
    var person = matter.applicantKind !== 'ORGANIZATION';
    var applicant = { name: $('applicant.name').value.trim(), phone: $('applicant.phone').value.trim() };
    if (person) { applicant.idNumber = $('applicant.idNumber').value.trim().toUpperCase(); }
    else { applicant.creditCode = $('applicant.creditCode').value.trim().toUpperCase(); }
    var request = {
      matter: matter.key, applicant: applicant, channel: $('channel').value,
      servicePoint: { code: $('servicePoint.code').value.trim(), name: $('servicePoint.name').value.trim() },
      materials: Array.prototype.map.call(document.querySelectorAll('#materials input:checked'), function (b) { return b.value; }),
      priority: $('priority').value, facts: form ? form.facts() : {}
    };
    if (request.priority === 'URGENT') { request.priorityReason = $('priorityReason').value.trim(); }
    if (request.channel === 'PROXY') {
      request.proxy = { name: $('proxy.name').value.trim(), idNumber: $('proxy.idNumber').value.trim().toUpperCase(),
        relation: $('proxy.relation').value.trim(), authorization: $('proxy.authorization').checked };
    }
    return request;
  }

  // What the page can tell before sending: the first problem is focused and nothing is sent.
  function problems(request) {
    var found = [];
    if (!request.applicant.name) { found.push(['applicant.name', '必须填写' + $('applicant-name-label').textContent]); }
    if ('idNumber' in request.applicant && !checkId('applicant.idNumber', true)) { found.push(['applicant.idNumber', null]); }
    if ('creditCode' in request.applicant && !/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(request.applicant.creditCode)) {
      found.push(['applicant.creditCode', '统一社会信用代码应为18位（数字或大写字母，不含 I、O、Z、S、V）']);
    }
    if (!/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(request.applicant.phone)) { found.push(['applicant.phone', '请填写有效的手机号或固定电话']); }
    if (request.priority === 'URGENT' && !request.priorityReason) { found.push(['priorityReason', '加急（绿色通道）必须填写原因']); }
    if (request.proxy) {
      if (!request.proxy.name) { found.push(['proxy.name', '必须填写代办人姓名']); }
      if (!checkId('proxy.idNumber', true)) { found.push(['proxy.idNumber', null]); }
      if (!request.proxy.relation) { found.push(['proxy.relation', '必须填写与申请人关系']); }
      if (!$('proxy.authorization').checked) { found.push(['proxy.authorization', '帮办代办须收取授权委托书']); }
    }
    if (!request.servicePoint.code) { found.push(['servicePoint.code', '必须填写服务网点代码']); }
    if (!request.servicePoint.name) { found.push(['servicePoint.name', '必须填写服务网点']); }
    (form ? form.check() : []).forEach(function (p) { found.push([p.field.path, p.message]); });
    return found;
  }

  $('intake').addEventListener('submit', function (event) {
    event.preventDefault();
    if (!matter || sending) { return; }
    fail(null);
    clearMarks();
    var request = body();
    var found = problems(request);
    if (found.length) {
      found.slice().reverse().forEach(function (p) { if (p[1]) { mark(p[0], p[1]); } });
      fail('请先改正标红的 ' + found.length + ' 项');
      return;
    }
    sending = true;
    $('submit').disabled = true;
    $('submit').textContent = '正在提交…';
    fetch('/api/cases', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(request)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (answer) { return { status: r.status, answer: answer }; });
    }).then(function (result) {
      if (result.status === 200 || result.status === 201) { accepted(result.answer); return; }
      if (result.status === 400 && result.answer.field) {
        (result.answer.errors || [{ field: result.answer.field, message: result.answer.message }]).forEach(function (e) {
          if (!mark(e.field, e.message)) { fail(e.message); }
        });
        if (!$('error').textContent) { fail('提交未成功，请改正标红的项目后重新提交'); }
        return;
      }
      fail((result.answer && result.answer.message) || ('提交失败（' + result.status + '），请重新提交：同一份申请不会重复受理'));
    }).catch(function () {
      fail('网络中断，未确认是否受理成功。请直接再次提交：同一份申请不会重复受理。');
    }).then(function () {
      sending = false;
      $('submit').disabled = false;
      $('submit').textContent = '提交受理';
    });
  });

  function accepted(answer) {
    $('intake').hidden = true;
    $('accepted').hidden = false;
    $('case-id').textContent = answer.caseId;
    $('promised').textContent = answer.promisedBy ? answer.promisedBy.substring(0, 10) : '（本事项无承诺时限）';
    $('print-receipt').href = '/cases/' + encodeURIComponent(answer.caseId) + '/print/receipt';
    $('open-case').href = '/cases/' + encodeURIComponent(answer.caseId);
    $('next').focus();
  }

  $('next').addEventListener('click', function () { location.reload(); });

  // 好差评 at the window: the citizen rates on the 评价器 paired with this station (/rate/window), never the clerk.
  $('ask-rating').addEventListener('click', function () {
    fetch('/api/window/rating-requests', {
      method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ caseId: $('case-id').textContent })
    }).then(function (r) {
      if (!r.ok) { throw new Error('未能发送到评价器（' + r.status + '）'); }
      $('rating-asked').hidden = false;
    }).catch(function (e) { fail(e.message); });
  });

  // ---- 待邀约办理: the point's open 政策找人 invitations; 一键办理 starts the case filled from the registry
  function showInvitations(list) {
    var rows = $('invitation-rows');
    rows.innerHTML = '';
    $('invitations').hidden = !list || !list.length;
    (list || []).forEach(function (i) {
      var tr = document.createElement('tr');
      tr.id = 'invitation-' + i.invitationId;
      var toBring = i.materials.filter(function (m) { return !m.onFile; }).map(function (m) { return m.name; }).join('、') || '无';
      [i.invitationId, i.name, i.idNumber, i.phone, i.statutoryMonth,
        i.contributionMonths + ' 个月' + (i.reachesMinimum ? '' : '（尚差 ' + i.monthsLacking + ' 个月）'), toBring, i.expiresOn]
        .forEach(function (text) { var td = document.createElement('td'); td.textContent = text; tr.appendChild(td); });
      var action = document.createElement('td');
      if (i.reachesMinimum) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'secondary confirm-invitation';
        button.textContent = '一键办理';
        button.addEventListener('click', function () { confirmInvitation(i, button); });
        action.appendChild(button);
      } else {
        action.textContent = '缴费不足，专家电话邀约';
        action.className = 'hint';
      }
      tr.appendChild(action);
      rows.appendChild(tr);
    });
  }

  function confirmInvitation(invitation, button) {
    fail(null);
    button.disabled = true;
    fetch('/api/invitations/' + encodeURIComponent(invitation.invitationId) + '/confirmation', {
      method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'WINDOW' })
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (answer) { return { status: r.status, answer: answer }; });
    }).then(function (result) {
      if (result.status === 200 || result.status === 201) {
        $('invitations').hidden = true;
        accepted(result.answer);
        return;
      }
      button.disabled = false;
      fail((result.answer && result.answer.message) || ('一键办理未成功（' + result.status + '）'));
    }).catch(function () { button.disabled = false; fail('网络中断，请重新点击一键办理：同一邀约不会重复受理。'); });
  }

  // ---- start: who is at the window, which matters
  // The clerk's point first: the page offers only the matters her point may handle.
  get('/api/window/station').then(function (s) {
    station = s;
    if (s.hallToday) { hallToday = s.hallToday; }
    $('clerk').textContent = s.user + ' · ' + s.servicePoint.name;
    $('servicePoint.code').value = s.servicePoint.code;
    $('servicePoint.name').value = s.servicePoint.name;
    showInvitations(s.invitations);
    return get('/api/matters');
  }).then(function (list) {
    var select = $('matter');
    var first = document.createElement('option');
    first.value = '';
    first.textContent = '请选择事项';
    select.appendChild(first);
    var permitted = station.servicePoint.matters;
    list.filter(function (m) { return m.channels.indexOf('WINDOW') >= 0 || m.channels.indexOf('PROXY') >= 0; })
      .filter(function (m) { return !permitted || permitted.indexOf(m.key) >= 0; })
      .forEach(function (m) { matters[m.key] = m; var o = document.createElement('option'); o.value = m.key; o.textContent = m.name; select.appendChild(o); });
  }).catch(function (e) { fail(e.message); });
})();
