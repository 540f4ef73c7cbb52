// 办件进度 as a citizen sees it, on /progress and on 码上办: the promised date, what is still missing and each step
// (已完成 with its day, or 办理中), drawn into the page's #promised, #missing, #missing-box and #steps.
var CaseProgress = (function () {
  function day(v) { return v ? String(v).substring(0, 10) : ''; }

  function draw(p) {
    var $ = function (id) { return document.getElementById(id); };
    $('promised').textContent = p.promisedBy ? day(p.promisedBy) + ' 前' : '—';
    $('missing').innerHTML = '';
    p.missing.forEach(function (m) { var li = document.createElement('li'); li.textContent = m; $('missing').appendChild(li); });
    $('missing-box').hidden = !p.missing.length;
    $('steps').innerHTML = '';
    p.steps.forEach(function (s) {
      var li = document.createElement('li');
      li.textContent = s.name + (s.done ? ' · 已完成 ' + day(s.done) : ' · 办理中');
      li.className = s.done ? 'done' : 'open';
      $('steps').appendChild(li);
    });
  }

  return { draw: draw, day: day };
})();
