// begroot charts: progressive enhancement. Each element with data-chart="<id>" is drawn from
// the JSON in <script type="application/json" id="<id>">; without JavaScript the tables remain.
(function () {
  "use strict";

  var LOCALE = document.documentElement.lang === "en" ? "en-GB" : "nl-BE";
  var CONFIG = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ["toImage", "lasso2d", "select2d"] };
  var MARGIN = { t: 30, r: 10, b: 40, l: 70 };
  // One colour per stage and per credit, the same on every chart and in the exported report (begroot/colours.py,
  // written into the page).
  var COLOURS = (function () {
    var source = document.getElementById("chart-colours");
    return source ? JSON.parse(source.textContent) : {};
  })();
  var SEPARATORS = LOCALE === "nl-BE" ? ",." : ".,";

  function format(value) {
    return new Intl.NumberFormat(LOCALE).format(value);
  }

  // Amounts in keuro shown in the unit a reader says: € duizend, € miljoen or € miljard (the axis names it).
  var UNITS = [[1e6, { nl: "€ miljard", en: "€ billion" }], [1e3, { nl: "€ miljoen", en: "€ million" }], [1, { nl: "€ duizend", en: "€ thousand" }]];

  function unitFor(values) {
    var largest = Math.max.apply(null, values.map(function (v) { return Math.abs(v || 0); }).concat([0]));
    var lang = LOCALE === "en-GB" ? "en" : "nl";
    for (var i = 0; i < UNITS.length; i++) {
      if (largest >= UNITS[i][0] || i === UNITS.length - 1) return { factor: UNITS[i][0], name: UNITS[i][1][lang] };
    }
  }

  // The series' values in the chosen unit (null stays null: a gap), the keuro kept for the hover.
  function scaled(series, unit) {
    return series.map(function (v) { return v === null || v === undefined ? null : v / unit.factor; });
  }

  function allValues(data) {
    var all = [];
    data.series.forEach(function (s) { all = all.concat(s.y); });
    return all;
  }

  function treemap(element, data) {
    var trace = {
      type: "treemap", ids: data.ids, labels: data.labels, parents: data.parents, values: data.values,
      customdata: data.urls.map(function (url, i) { return [url, (data.notes || [])[i] || ""]; }),
      branchvalues: "total", maxdepth: 2,
      texttemplate: "%{label}<br>%{value:,.0f}", hovertemplate: "%{label}<br>%{value:,.0f} keuro<br>%{customdata[1]}<extra></extra>",
      pathbar: { visible: true }
    };
    var layout = { margin: { t: 30, r: 0, b: 0, l: 0 }, separators: SEPARATORS };
    var drawn = Plotly.newPlot(element, [trace], layout, CONFIG);
    // A click on an article (a leaf with a URL) opens its page instead of zooming.
    element.on("plotly_treemapclick", function (event) {
      var point = event.points && event.points[0];
      if (point && point.customdata && point.customdata[0] && point.id.indexOf("A:") === 0) {
        window.location.href = point.customdata[0];
        return false;
      }
      return true;
    });
    return drawn;
  }

  // Bars start at zero and lines have a zero baseline (rangemode "tozero"): an 8% drop looks like one.
  function bars(element, data) {
    var unit = unitFor(allValues(data));
    var traces = data.series.map(function (s) {
      return { type: "bar", name: s.name, x: s.x, y: scaled(s.y, unit), customdata: s.y, marker: { color: COLOURS[s.name] },
               hovertemplate: "%{x}: %{customdata:,.0f} keuro<extra>" + s.name + "</extra>" };
    });
    var layout = { barmode: "group", margin: MARGIN, yaxis: { title: { text: unit.name }, rangemode: "tozero" }, separators: SEPARATORS };
    return Plotly.newPlot(element, traces, layout, CONFIG);
  }

  // Missing years are gaps (the x axis lists them, connectgaps is off), not skipped.
  function lines(element, data) {
    var unit = unitFor(allValues(data));
    var traces = data.series.map(function (s) {
      var colour = COLOURS[s.colour || s.name];
      return { type: "scatter", mode: "lines+markers", name: s.name, x: s.x, y: scaled(s.y, unit), customdata: s.y, connectgaps: false,
               line: { color: colour, dash: s.name === s.colour || !s.colour ? "solid" : "dot" }, marker: { color: colour },
               hovertemplate: "%{x}: %{customdata:,.0f} keuro<extra>" + s.name + "</extra>" };
    });
    var layout = { margin: MARGIN, yaxis: { title: { text: unit.name }, rangemode: "tozero" }, xaxis: { type: "category" }, separators: SEPARATORS };
    // Joins, breaks and renames of the subject's lineage: a vertical marker before the first step of their year.
    var marks = data.marks || [];
    if (marks.length) {
      var steps = data.series.length ? data.series[0].x.length : 0;
      layout.shapes = marks.map(function (m) {
        return { type: "line", xref: "x", yref: "paper", x0: m.at, x1: m.at, y0: 0, y1: 1,
                 line: { color: "#444", width: 1.5, dash: m.kind === "reuse" ? "solid" : "dash" } };
      });
      layout.annotations = marks.map(function (m, i) {
        return { x: m.at, xref: "x", yref: "paper", y: 1 - 0.08 * (i % 3), yanchor: "bottom", showarrow: false, text: m.text,
                 xanchor: m.at > steps / 2 ? "right" : "left", font: { size: 11, color: "#222" }, bgcolor: "rgba(255,255,255,0.85)" };
      });
      layout.margin = { t: 40, r: MARGIN.r, b: MARGIN.b, l: MARGIN.l };
    }
    return Plotly.newPlot(element, traces, layout, CONFIG);
  }

  // Bars per year, one series per stage (BO, BA, BA-JR, BU): a domain's totals over the years.
  function grouped(element, data) {
    var unit = unitFor(allValues(data));
    var traces = data.series.map(function (s) {
      return { type: "bar", name: s.name, x: data.x, y: scaled(s.y, unit), customdata: s.y, marker: { color: COLOURS[s.name] },
               hovertemplate: "%{x} " + s.name + ": %{customdata:,.0f} keuro<extra></extra>" };
    });
    var layout = {
      barmode: "group", margin: MARGIN, title: { text: data.title }, xaxis: { type: "category" },
      yaxis: { title: { text: unit.name }, rangemode: "tozero" }, separators: SEPARATORS,
      legend: { orientation: "h", y: -0.15 }
    };
    return Plotly.newPlot(element, traces, layout, CONFIG);
  }


  // The budget bridge: a waterfall per credit, the stages as absolute bars, the changes between them.
  function waterfall(element, data) {
    var unit = unitFor(allValues(data));
    var traces = data.series.map(function (s) {
      return {
        type: "waterfall", name: s.name, x: s.x, measure: s.measure, y: s.y.map(function (v) { return v / unit.factor; }),
        customdata: s.y, hovertemplate: "%{x}: %{customdata:,.0f} keuro<extra>" + s.name + "</extra>",
        connector: { line: { color: "#888" } }, totals: { marker: { color: COLOURS[s.name] } }
      };
    });
    var layout = {
      waterfallmode: "group", margin: MARGIN, yaxis: { title: { text: unit.name }, rangemode: "tozero" },
      xaxis: { type: "category" }, separators: SEPARATORS, legend: { orientation: "h", y: -0.2 }
    };
    return Plotly.newPlot(element, traces, layout, CONFIG);
  }

  var DRAW = { treemap: treemap, bars: bars, lines: lines, grouped: grouped, waterfall: waterfall };

  // When every chart of the page is drawn (or there is none to draw), <html data-charts="drawn">: what the
  // browser tests wait for instead of a fixed pause ("unavailable" when plotly did not load).
  function drawAll() {
    var page = document.documentElement;
    if (typeof Plotly === "undefined") { page.setAttribute("data-charts", "unavailable"); return; }
    var drawing = [];
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var source = document.getElementById(element.getAttribute("data-chart"));
      if (!source) return;
      var data = JSON.parse(source.textContent);
      var draw = DRAW[data.kind];
      if (!draw || (data.series && data.series.length === 0) || (data.ids && data.ids.length < 2)) return;
      element.textContent = "";
      drawing.push(draw(element, data));
      element.setAttribute("data-drawn", "true");
    });
    Promise.all(drawing).then(function () { page.setAttribute("data-charts", "drawn"); });
  }

  window.begrootFormat = format;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawAll);
  else drawAll();
})();
