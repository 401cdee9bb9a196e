// Draws one Plotly figure with plotly.js's cartesian bundle (or the full plotly.js when it could not be fetched;
// see plotly_bundle.py), loaded once per browser tab from the URL the first figure names.
let loading;

function plotly(bundle) {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = bundle;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => reject(new Error(`${bundle} did not load: run make setup`));
    document.head.appendChild(script);
  });
  return loading;
}

export default function ({ data, parentElement, setTriggerValue }) {
  let chart = parentElement.querySelector(".ita-plot");
  if (!chart) {
    chart = document.createElement("div");
    chart.className = "ita-plot";
    parentElement.appendChild(chart);
  }
  // the latest run's sender: a listener attached once must not report to an earlier run's component
  chart.report = setTriggerValue;
  const figure = JSON.parse(data.figure);
  plotly(data.bundle)
    .then((Plotly) => Plotly.react(chart, figure.data, figure.layout, data.config))
    .then(() => {
      if (data.clickable && !chart.listening) {
        // a click sends back only the clicked point's customdata, which the figure itself holds, as JSON
        chart.on("plotly_click", (event) => chart.report("click", event.points[0]?.customdata ?? null));
        chart.listening = true;
      }
    })
    .catch((error) => {
      chart.textContent = error.message;
    });
  // the column, not the window, sets a chart's width (sidebar opened or closed, narrow screens)
  const resized = new ResizeObserver(() => {
    if (chart.data) window.Plotly.Plots.resize(chart);
  });
  resized.observe(chart);
  return () => resized.disconnect();
}
