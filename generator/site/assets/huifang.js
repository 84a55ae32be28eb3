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
