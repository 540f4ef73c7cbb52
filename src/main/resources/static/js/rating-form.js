// 好差评 form, one for both rating pages (the citizen's link /rate/{token} and the window's tablet): five score
// buttons, an optional comment and the send button, drawn into <form id="rate">. The page sends; this keeps the score.
var RatingForm = (function () {
  var SCORES = ['非常不满意', '不满意', '基本满意', '满意', '非常满意'];
  function draw(form) {
    form.innerHTML = '<div class="stars" role="radiogroup" aria-label="评分">'
      + SCORES.map(function (words, i) { return '<button type="button" data-score="' + (i + 1) + '">' + (i + 1) + '<br>' + words + '</button>'; }).join('')
      + '</div><label for="comment">意见或建议（可不填）</label>'
      + '<textarea id="comment" maxlength="500" rows="3"></textarea>'
      + '<button type="submit" id="send" disabled>提交评价</button>';
    var chosen = null;
    var stars = form.querySelectorAll('.stars button');
    var send = form.querySelector('#send');
    var comment = form.querySelector('#comment');
    stars.forEach(function (b) {
      b.addEventListener('click', function () {
        chosen = Number(b.dataset.score);
        stars.forEach(function (o) { o.classList.toggle('chosen', o === b); });
        send.disabled = false;
      });
    });
    return {
      score: function () { return chosen; },
      comment: function () { return comment.value.trim() || null; },
      sending: function (busy) { send.disabled = busy || !chosen; },
      reset: function () { chosen = null; comment.value = ''; send.disabled = true; stars.forEach(function (o) { o.classList.remove('chosen'); }); }
    };
  }
  return { draw: draw };
})();
