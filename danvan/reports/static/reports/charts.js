// Draw the dashboard's charts from the tables beside them (the tables are the accessible alternative and
// the single source of the numbers). Runs on page load and after every htmx swap; no inline script (CSP).
(function () {
  "use strict";
  var charts = [];

  function numbers(table, attribute) {
    return Array.prototype.map.call(table.querySelectorAll("td[" + attribute + "]"), function (cell) {
      return Number(cell.getAttribute(attribute));
    });
  }

  function draw() {
    if (typeof window.Chart === "undefined") {
      return;
    }
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
    document.querySelectorAll("canvas[data-chart='months']").forEach(function (canvas) {
      var table = document.getElementById(canvas.dataset.table);
      if (!table) {
        return;
      }
      var labels = Array.prototype.map.call(table.querySelectorAll("tbody th"), function (th) {
        return th.textContent.trim();
      });
      charts.push(new window.Chart(canvas, {
        type: "bar",
        data: {
          labels: labels,
          datasets: [
            { label: canvas.dataset.received, data: numbers(table, "data-received"), backgroundColor: "#1f5fa8" },
            { label: canvas.dataset.resolved, data: numbers(table, "data-resolved"), backgroundColor: "#2e7d32" },
          ],
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      }));
    });
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
