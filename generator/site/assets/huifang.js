/* huifang handbook: legible flow charts. Material renders Mermaid at the width of the text column,
   which shrank a wide chart's text to a few pixels; charts keep their natural size instead (the
   column scrolls sideways) and a click shows a chart full screen. */
(function () {
  /* a phone: narrower boxes, and a branch's cases one below the other (flowchart.py writes the invisible links
     that stack them as comments, `%%hf-phone a ~~~ b`); the charts are drawn after this script has run */
  var narrow = window.matchMedia && window.matchMedia("(max-width: 44.9375em)").matches;
  if (narrow) {
    document.querySelectorAll("pre.mermaid").forEach(function (chart) {
      var source = chart.querySelector("code") || chart;
      source.textContent = source.textContent.replace(/%%hf-phone /g, "");
    });
  }
  if (typeof mermaid !== "undefined" && !mermaid.huifang) {
    var initialize = mermaid.initialize.bind(mermaid);
    mermaid.huifang = true;
    mermaid.initialize = function (config) {
      var own = Object.assign({}, config);
      var layout = narrow ? {wrappingWidth: 150, nodeSpacing: 30, rankSpacing: 40} : {wrappingWidth: 240};
      own.flowchart = Object.assign({useMaxWidth: false}, layout, own.flowchart || {});
      own.themeVariables = Object.assign({fontSize: "16px"}, own.themeVariables || {});
      return initialize(own);
    };
  }
  /* a chart a little wider than its column is shrunk to fit it, never below 12 px text (16 px × 0.75); one
     that would not fit even then keeps its natural size and scrolls sideways (shrinking it would only make
     it harder to read). The chart is in a closed shadow root: its host measures it. */
  var MIN_FIT = 0.75;
  function fit(chart) {
    chart.style.zoom = "";
    var natural = chart.scrollWidth, room = chart.clientWidth;
    var ratio = Math.floor((room / natural) * 1000) / 1000;
    if (natural > room + 1 && room > 0 && ratio >= MIN_FIT) chart.style.zoom = String(ratio);
  }
  function fitAll() {
    document.querySelectorAll("article div.mermaid").forEach(function (chart) {
      if (chart.scrollWidth > 0) fit(chart);
    });
  }
  if (typeof ResizeObserver !== "undefined") {
    var watching = new WeakSet();
    var sizes = new ResizeObserver(function () { fitAll(); });
    new MutationObserver(function () {
      document.querySelectorAll("article div.mermaid").forEach(function (chart) {
        if (!watching.has(chart)) { watching.add(chart); sizes.observe(chart); }
      });
    }).observe(document.documentElement, {childList: true, subtree: true});
    window.addEventListener("resize", fitAll);
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
  var root = JSON.parse(config.textContent).base;  // "." or ".." on a page, "/" on the 404 page
  var base = new URL(root.replace(/\/?$/, "/"), location.href);
  var traditional = document.documentElement.lang === "zh-Hant";
  // the 404 page stands for any missing address: its switch leads to the other edition's home page
  var here = document.querySelector("[data-hf-missing]") ? "index.html" : location.href.slice(base.href.length);
  if (document.querySelector("[data-hf-missing]") && traditional) base = new URL("zh-Hant/", base);
  var link = document.createElement("a");
  link.className = "md-header__button hf-edition";
  link.href = new URL((traditional ? "../" : "zh-Hant/") + here, base).href;
  link.textContent = traditional ? "简体" : "繁體";
  link.title = traditional ? "切换到简体中文" : "切換到繁體中文";
  link.setAttribute("hreflang", traditional ? "zh-Hans" : "zh-Hant");
  var search = header.querySelector(".md-search");
  header.insertBefore(link, search || null);
})();
/* a link to a collapsed section (标签: tags.html#tag:…) opens it */
(function () {
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS" && !target.open) {
      target.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", openTarget);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", openTarget);
  else openTarget();
})();
