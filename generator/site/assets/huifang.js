/* huifang handbook: legible flow charts. Material renders Mermaid at the width of the text column,
   which shrank a wide chart's text to a few pixels; charts keep their natural size instead (the
   column scrolls sideways) and a click shows a chart full screen. */
(function () {
  if (typeof mermaid !== "undefined" && !mermaid.huifang) {
    var initialize = mermaid.initialize.bind(mermaid);
    mermaid.huifang = true;
    mermaid.initialize = function (config) {
      var own = Object.assign({}, config);
      own.flowchart = Object.assign({useMaxWidth: false, wrappingWidth: 240}, own.flowchart || {});
      own.themeVariables = Object.assign({fontSize: "16px"}, own.themeVariables || {});
      return initialize(own);
    };
  }
  document.addEventListener("click", function (event) {
    var chart = event.target.closest && event.target.closest("div.mermaid");
    if (chart) {
      chart.classList.toggle("hf-zoom");
      document.body.classList.toggle("hf-zoomed", chart.classList.contains("hf-zoom"));
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      document.querySelectorAll("div.mermaid.hf-zoom").forEach(function (c) { c.classList.remove("hf-zoom"); });
      document.body.classList.remove("hf-zoomed");
    }
  });
})();
/* 简体 / 繁體: the same page in the other edition (the Traditional one is mirrored at zh-Hant/). */
(function () {
  var header = document.querySelector(".md-header__inner");
  var config = document.getElementById("__config");
  if (!header || !config) return;
  var base = new URL(JSON.parse(config.textContent).base + "/", location.href);
  var here = location.href.slice(base.href.length);
  var traditional = document.documentElement.lang === "zh-Hant";
  var link = document.createElement("a");
  link.className = "md-header__button hf-edition";
  link.href = new URL((traditional ? "../" : "zh-Hant/") + here, base).href;
  link.textContent = traditional ? "简体" : "繁體";
  link.title = traditional ? "切换到简体中文" : "切換到繁體中文";
  link.setAttribute("hreflang", traditional ? "zh-Hans" : "zh-Hant");
  var search = header.querySelector(".md-search");
  header.insertBefore(link, search || null);
})();
