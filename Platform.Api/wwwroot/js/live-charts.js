// Charts of the live screens, drawn with Chart.js from the numbers the server wrote on each canvas
// (data-chart='{"labels":[...],"values":[...]}'). The same numbers are in the table beside each chart, which
// is the chart's text alternative; the canvas itself carries a short label. Drawn again after each refresh.
(function () {
  "use strict";
  if (!window.Chart) return;
  var drawn = [];
  var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function draw() {
    drawn.forEach(function (chart) { chart.destroy(); });
    drawn = [];
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var data = JSON.parse(canvas.getAttribute("data-chart"));
      var ink = getComputedStyle(document.body).color;
      drawn.push(new Chart(canvas, {
        type: "bar",
        data: { labels: data.labels, datasets: [{ data: data.values, backgroundColor: "#4cc3ff" }] },
        options: {
          indexAxis: "y",
          animation: reduced ? false : { duration: 300 },
          maintainAspectRatio: false,
          plugins: { legend: { display: false }, tooltip: { enabled: false } },
          scales: {
            x: { beginAtZero: true, ticks: { color: ink, precision: 0, font: { size: 16 } }, grid: { color: "#2b2b33" } },
            y: { ticks: { color: ink, font: { size: 16 } }, grid: { display: false } },
          },
        },
      }));
    });
  }

  document.addEventListener("live:refreshed", draw);
  draw();
})();
