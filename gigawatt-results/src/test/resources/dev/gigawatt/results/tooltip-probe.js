// Test code, added to a copy of a report by ReportHostileNamesTest: shows the tooltip of every data
// item of every series of every chart, first through ECharts' showTip action and then with a pointer
// moved onto (and clicked on) the item where it is drawn, and records what each tooltip said and any
// element that is not plain tooltip markup. The record goes, base64-encoded, into <pre id="probe">.
(function () {
  var lines = [];
  var TOOLTIP_TAGS = ['DIV', 'SPAN', 'BR'];
  var TOOLTIP_ATTRIBUTES = ['style', 'class'];

  function line() {
    lines.push(Array.prototype.map.call(arguments, function (a) {
      return String(a).replace(/[\t\r\n]+/g, ' ');
    }).join('\t'));
  }
  function tick(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms || 0); });
  }
  function tooltips(div) {
    return Array.prototype.filter.call(div.children, function (e) { return !e.querySelector('canvas'); });
  }
  function snippet(e) {
    return e.outerHTML.slice(0, 120);
  }
  // Elements inside a tooltip that ECharts' own markup never makes, or attributes it never sets.
  function strangers(root) {
    var found = [];
    root.querySelectorAll('*').forEach(function (e) {
      var badAttribute = Array.prototype.some.call(e.attributes, function (a) {
        return TOOLTIP_ATTRIBUTES.indexOf(a.name) < 0;
      });
      if (TOOLTIP_TAGS.indexOf(e.tagName) < 0 || badAttribute) found.push(snippet(e));
    });
    return found;
  }
  function record(how, ci, si, di, div) {
    var text = tooltips(div).map(function (t) { return t.textContent; }).join(' | ');
    line('tip', how, ci, si, di, text);
    tooltips(div).forEach(function (t) {
      strangers(t).forEach(function (s) { line('stranger', how, ci, si, di, s); });
    });
  }
  function clear(chart, div) {
    chart.dispatchAction({type: 'hideTip'});
    tooltips(div).forEach(function (t) { t.textContent = ''; });
  }
  // The pointer to the chart's top left corner, outside its plot, so the next move is news to ECharts.
  function away(chart, div) {
    var root = div.getBoundingClientRect();
    mouse(div, 'mousemove', [root.left + 1, root.top + 1]);
    clear(chart, div);
  }
  // Where the item is drawn, in client coordinates, or null when ECharts drew no element for it.
  function itemPoint(chart, div, si, di) {
    var series = chart.getModel().getSeriesByIndex(si);
    var el = series && series.getData().getItemGraphicEl(di);
    if (!el) return null;
    var box = el.getBoundingRect().clone();
    if (el.transform) box.applyTransform(el.transform);
    var root = div.getBoundingClientRect();
    return [root.left + box.x + box.width / 2, root.top + box.y + box.height / 2];
  }
  // zrender listens for mouse events on the chart's drawing surface (pointer events only in old Edge).
  function mouse(div, type, point) {
    div.firstElementChild.dispatchEvent(new MouseEvent(type, {clientX: point[0], clientY: point[1], bubbles: true, cancelable: true}));
  }

  async function probe() {
    await tick(50);
    var scripts = document.scripts.length;
    var divs = document.querySelectorAll('.chart');
    for (var ci = 0; ci < divs.length; ci++) {
      var div = divs[ci];
      var chart = echarts.getInstanceByDom(div);
      var option = chart.getOption();
      line('chart', ci, option.title[0].text, option.series.length);
      for (var si = 0; si < option.series.length; si++) {
        var n = (option.series[si].data || []).length;
        for (var di = 0; di < n; di++) {
          clear(chart, div);
          chart.dispatchAction({type: 'showTip', seriesIndex: si, dataIndex: di});
          record('showTip', ci, si, di, div);
        }
      }
      div.scrollIntoView();
      await tick();
      for (si = 0; si < option.series.length; si++) {
        n = (option.series[si].data || []).length;
        for (di = 0; di < n; di++) {
          var point = itemPoint(chart, div, si, di);
          if (!point) continue;
          away(chart, div);
          mouse(div, 'mousemove', point);
          await tick();
          record('hover', ci, si, di, div);
          away(chart, div);
          mouse(div, 'mousedown', point);
          mouse(div, 'mouseup', point);
          mouse(div, 'click', point);
          await tick();
          record('click', ci, si, di, div);
        }
      }
      // Hidden, not emptied: the last tooltip's markup stays in the page for the checks below.
      chart.dispatchAction({type: 'hideTip'});
    }
    // Long enough for an image that fails to load to run its error handler.
    await tick(1000);
    line('pwned', window.__pwned === undefined ? 'no' : String(window.__pwned));
    document.querySelectorAll('img, svg, iframe, object, embed, a, form, math, base, link').forEach(function (e) {
      line('element', snippet(e));
    });
    document.querySelectorAll('*').forEach(function (e) {
      Array.prototype.forEach.call(e.attributes, function (a) {
        if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) line('attribute', snippet(e));
      });
    });
    line('scripts', scripts, document.scripts.length);
    line('errors', window.__errors.join('; '));
    line('done');
  }

  function finish() {
    var pre = document.createElement('pre');
    pre.id = 'probe';
    var binary = '';
    new TextEncoder().encode(lines.join('\n')).forEach(function (b) { binary += String.fromCharCode(b); });
    pre.textContent = btoa(binary);
    document.body.appendChild(pre);
  }
  window.addEventListener('load', function () {
    probe().catch(function (e) { line('failure', e && e.stack || e); }).then(finish);
  });
})();
