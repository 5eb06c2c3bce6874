// Chart.js set-ups (Chart is the global from lib/chartjs/chart.umd.js). Animation is off: a chart is complete
// as soon as it is drawn, which is what a person comparing runs (and the browser test) wants.

const INK = '#1f2937';
const HISTORY = '#475569';
const MEAN = '#2563eb';
const BAND = [37, 99, 235];   // the mean's blue; wider intervals are lighter

/** Draws a chart into `canvas`, replacing the one already there. */
function draw(canvas, config) {
  Chart.getChart(canvas)?.destroy();
  config.options = { animation: false, responsive: true, maintainAspectRatio: false,
    interaction: { mode: 'index', intersect: false }, ...config.options };
  return new Chart(canvas, config);
}

/**
 * History, forecast mean and one shaded band per interval level.
 *
 * @param {HTMLCanvasElement} canvas
 * @param {number[]} history
 * @param {{mean: number[], intervals: {level: number, lower: number[], upper: number[]}[]}} forecast
 */
export function forecastChart(canvas, history, forecast) {
  const n = history.length;
  const horizon = forecast.mean.length;
  const labels = Array.from({ length: n + horizon }, (_, t) => t + 1);
  const future = values => [...Array(n).fill(null), ...values];
  const datasets = [{ label: 'history', data: [...history, ...Array(horizon).fill(null)], borderColor: HISTORY,
    backgroundColor: HISTORY, borderWidth: 1.5, pointRadius: 0 }];
  const widestFirst = [...forecast.intervals].sort((a, b) => b.level - a.level);
  widestFirst.forEach((interval, index) => {
    const alpha = 0.14 + 0.12 * index;
    const fill = `rgba(${BAND.join(',')},${alpha})`;
    // 'upper' fills down to the next dataset, its 'lower'
    datasets.push({ label: `${interval.level}% interval`, data: future(interval.upper), fill: '+1',
      backgroundColor: fill, borderColor: 'transparent', pointRadius: 0 });
    datasets.push({ label: `${interval.level}% interval, lower`, data: future(interval.lower), fill: false,
      borderColor: 'transparent', pointRadius: 0 });
  });
  // the mean starts at the last observation so that the two lines join
  datasets.push({ label: 'forecast', data: [...Array(n - 1).fill(null), history[n - 1], ...forecast.mean],
    borderColor: MEAN, backgroundColor: MEAN, borderWidth: 2, pointRadius: 0 });
  canvas.dataset.points = String(n + horizon);
  canvas.dataset.bands = String(forecast.intervals.length);
  return draw(canvas, { type: 'line', data: { labels, datasets },
    options: { plugins: { legend: { labels: { color: INK, filter: item => !item.text.endsWith(', lower') } } },
      scales: { x: { title: { display: true, text: 'period' } } } } });
}

/**
 * Expected units and profit over a range of prices, with the recommended price marked.
 *
 * @param {{price: number, units: number, profit: number}[]} curve by increasing price
 * @param {{price: number, expectedProfit: number}} recommended
 */
export function priceChart(canvas, curve, recommended) {
  return draw(canvas, { type: 'line',
    data: { datasets: [
      { label: 'expected units', data: curve.map(p => ({ x: p.price, y: p.units })), yAxisID: 'units',
        borderColor: HISTORY, backgroundColor: HISTORY, pointRadius: 2 },
      { label: 'expected profit', data: curve.map(p => ({ x: p.price, y: p.profit })), yAxisID: 'profit',
        borderColor: MEAN, backgroundColor: MEAN, pointRadius: 2 },
      { label: 'recommended price', data: [{ x: recommended.price, y: recommended.expectedProfit }],
        yAxisID: 'profit', type: 'scatter', pointRadius: 7, pointStyle: 'rectRot', borderColor: '#dc2626',
        backgroundColor: '#dc2626' }] },
    options: { scales: {
      x: { type: 'linear', title: { display: true, text: 'price' } },
      units: { position: 'left', title: { display: true, text: 'units' } },
      profit: { position: 'right', title: { display: true, text: 'profit' }, grid: { drawOnChartArea: false } } } } });
}

/** Horizontal bars, e.g. customers per segment. */
export function barChart(canvas, labels, values, label) {
  return draw(canvas, { type: 'bar', data: { labels, datasets: [{ label, data: values, backgroundColor: MEAN }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } } } });
}
