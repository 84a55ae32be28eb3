/* 练习: a quiz drawn anew on every visit from the questions the page carries (built from the rule
   book by huifang/site/practice.py). Runs offline; nothing is sent anywhere. */
(function () {
  var root = document.getElementById("hf-practice");
  var source = document.getElementById("hf-practice-data");
  if (!root || !source) return;
  var data = JSON.parse(source.textContent);
  var PER_KIND = {wording: 3, opening: 2, branch: 2, order: 1};

  function shuffle(items) {
    var a = items.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var quiz = [];
  Object.keys(PER_KIND).forEach(function (kind) {
    quiz = quiz.concat(shuffle(data[kind] || []).slice(0, PER_KIND[kind]));
  });
  var score = 0, answered = 0;
  var result = el("p", "hf-q-score");

  function show() {
    result.textContent = answered < quiz.length ? "已答 " + answered + " / " + quiz.length + " 题"
                                                : "得分：" + score + " / " + quiz.length + "（刷新页面换一组题）";
  }
  function finish(box, ok, q) {
    answered += 1;
    if (ok) score += 1;
    var note = el("p", ok ? "hf-q-ok" : "hf-q-no", ok ? "答对了。" : "答错了。" + q.why + " ");
    if (!ok && q.kind === "order") note.textContent += "正确顺序：" + q.choices.join(" → ") + "。 ";
    var link = el("a", "hf-q-link", "查看规范");
    link.href = q.link;
    note.appendChild(link);
    box.appendChild(note);
    show();
  }

  quiz.forEach(function (q, n) {
    var box = el("div", "hf-q");
    box.setAttribute("data-kind", q.kind);
    box.appendChild(el("p", "hf-q-prompt", (n + 1) + ". " + q.prompt));
    var list = el("div", "hf-q-choices");
    var order = shuffle(q.choices.map(function (_, i) { return i; }));
    var picked = [];
    order.forEach(function (i) {
      var button = el("button", "md-button hf-q-choice", q.choices[i]);
      button.type = "button";
      button.addEventListener("click", function () {
        if (button.disabled) return;
        if (q.kind === "order") {
          button.disabled = true;
          picked.push(i);
          button.textContent = picked.length + ". " + q.choices[i];
          if (picked.length === q.choices.length) {
            finish(box, picked.every(function (v, k) { return v === k; }), q);
          }
          return;
        }
        list.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
        button.classList.add(i === q.answer ? "hf-right" : "hf-wrong");
        finish(box, i === q.answer, q);
      });
      list.appendChild(button);
    });
    box.appendChild(list);
    root.appendChild(box);
  });
  if (!quiz.length) result.textContent = "规则库里还没有可以出题的内容。";
  else show();
  root.appendChild(result);
})();
