// The indicator page's chart: a line per series (official values; residents' perception survey when there is one),
// drawn with Chart.js from the numbers the server wrote on the canvas (data-chart='{"labels":[...],"series":[{label,values}]}').
// The table beside the chart holds the same numbers and is its text alternative; without scripts only the table shows.
(function () {
  "use strict";
  if (!window.Chart) return;
  var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var colours = ["#3b2c8f", "#b3401d"];
  var dashes = [[], [6, 4]];
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute("data-chart"));
    var ink = getComputedStyle(document.body).color;
    new Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s, i) {
          return {
            label: s.label, data: s.values, spanGaps: true, borderWidth: 3, pointRadius: 4,
            borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], borderDash: dashes[i % dashes.length],
            pointStyle: i === 0 ? "circle" : "rectRot",
          };
        }),
      },
      options: {
        animation: reduced ? false : { duration: 300 },
        maintainAspectRatio: false,
        plugins: { legend: { display: data.series.length > 1, labels: { color: ink } } },
        scales: {
          x: { ticks: { color: ink } },
          y: { ticks: { color: ink }, grace: "5%" },
        },
      },
    });
  });
})();
