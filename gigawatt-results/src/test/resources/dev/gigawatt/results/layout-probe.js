// Test code, added to a copy of a report by ReportLayoutTest: reads where ECharts drew the text of
// every chart's title, legend, axis names and axis labels (zrender's text elements, in the chart's
// pixels) and records every pair of different parts whose boxes intersect, every part drawn outside
// its chart, the colour of every series, what the threshold fields under exceedance curves answer, the
// page's sites and the page's height. The record goes, base64-encoded, into <pre id="layout">.
(function () {
  var lines = [];
  var TOLERANCE = 1;

  function line() {
    lines.push(Array.prototype.map.call(arguments, function (a) {
      return String(a).replace(/[\t\r\n]+/g, ' ');
    }).join('\t'));
  }
  // zrender sizes a text line by the width of a CJK character, which a machine without CJK fonts
  // measures as a few pixels; the box here is each line's measured width and 1.2 times its font size,
  // placed by its baseline, in the chart's pixels.
  function box(el) {
    var rect = null;
    (el.childrenRef ? el.childrenRef() : []).forEach(function (span) {
      var st = span.style || {}, r = span.getBoundingRect();
      var size = parseFloat((/(\d+(?:\.\d+)?)px/.exec(st.font || '') || [0, 12])[1]);
      var h = size * 1.2, y = st.y || 0;
      var top = st.textBaseline === 'top' ? y : st.textBaseline === 'bottom' ? y - h : st.textBaseline === 'middle' ? y - h / 2 : y - size;
      var line = new echarts.graphic.BoundingRect(r.x, top, r.width, h);
      var local = span.getLocalTransform([]);
      if (local) line.applyTransform(local);
      if (rect) rect.union(line); else rect = line;
    });
    rect = rect || el.getBoundingRect().clone();
    var m = el.getComputedTransform ? el.getComputedTransform() : el.transform;
    if (m) rect.applyTransform(m);
    return rect;
  }
  function visible(el) {
    for (var e = el; e; e = e.parent) {
      if (e.ignore || e.invisible) return false;
    }
    return el.style && el.style.text !== undefined && String(el.style.text) !== '';
  }
  // The part of a component a text element belongs to: one part per title, legend, axis name and
  // the labels of one axis (labels of the same axis are laid out by ECharts itself).
  function part(model, el) {
    var type = model.mainType, key = type + model.componentIndex;
    if (type === 'title' || type === 'legend') return key;
    if (type === 'xAxis' || type === 'yAxis') {
      if (el.anid === 'name') return key + ' name';
      if (el.anid && el.anid.indexOf('label_') === 0) return key + ' labels';
    }
    return null;
  }
  function parts(chart) {
    var out = [];
    (chart._componentsViews || []).forEach(function (view) {
      var model = view.__model;
      if (!model || !view.group) return;
      view.group.traverse(function (el) {
        if (el.type !== 'text' || !visible(el)) return;
        var p = part(model, el);
        if (p) out.push({part: p, text: String(el.style.text), rect: box(el)});
      });
    });
    return out;
  }
  // A scrolling legend clips the items that do not fit: they are not drawn.
  function overlap(a, b) {
    var w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
    var h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
    return w > TOLERANCE && h > TOLERANCE;
  }
  function describe(p) {
    var r = p.rect;
    return p.part + ' "' + p.text + '" at ' + [r.x, r.y, r.width, r.height].map(Math.round).join(',');
  }

  // The colour each series is drawn in (its legend symbol's), for the colour checks.
  function colours(chart, ci, title) {
    chart.getModel().eachSeries(function (s) {
      var style = s.getData().getVisual('style') || {};
      var colour = style.fill || style.stroke;
      line('series', ci, title, s.name, String(colour).toLowerCase());
    });
  }

  function probe() {
    var divs = document.querySelectorAll('.chart');
    for (var ci = 0; ci < divs.length; ci++) {
      var chart = echarts.getInstanceByDom(divs[ci]);
      var title = chart.getOption().title[0].text;
      colours(chart, ci, title);
      var found = parts(chart);
      var counts = {};
      found.forEach(function (p) { var kind = p.part.replace(/^[a-z]+Axis\d+ /, 'axis '); counts[kind] = (counts[kind] || 0) + 1; });
      line('chart', ci, title, Object.keys(counts).sort().map(function (k) { return k + '=' + counts[k]; }).join(' '));
      var width = chart.getWidth(), height = chart.getHeight();
      found.forEach(function (p, i) {
        var r = p.rect;
        if (p.part.indexOf('legend') !== 0 && (r.x < -TOLERANCE || r.y < -TOLERANCE || r.x + r.width > width + TOLERANCE || r.y + r.height > height + TOLERANCE)) {
          line('outside', ci, title, describe(p));
        }
        for (var j = i + 1; j < found.length; j++) {
          if (found[j].part !== p.part && overlap(r, found[j].rect)) line('overlap', ci, title, describe(p), describe(found[j]));
        }
      });
    }
    // Every threshold field of a sweep's exceedance curves, typed in as a reader would.
    document.querySelectorAll('.threshold').forEach(function (p) {
      var input = p.querySelector('input');
      var example = /^e\.g\. (.*)$/.exec(input.placeholder);
      ['0', '1e30', 'x'].concat(example ? [example[1]] : []).forEach(function (v) {
        input.value = v;
        input.dispatchEvent(new Event('input'));
        line('threshold', v, p.textContent);
      });
    });
    var data = JSON.parse(document.getElementById('data').textContent);
    ((data.summary || {}).sites || []).forEach(function (s) { line('site', s.name); });
    line('height', Math.ceil(document.documentElement.scrollHeight));
    line('errors', window.__errors.join('; '));
    line('done');
  }

  window.addEventListener('load', function () {
    setTimeout(function () {
      try { probe(); } catch (e) { line('failure', e && e.stack || e); }
      var pre = document.createElement('pre');
      pre.id = 'layout';
      var binary = '';
      new TextEncoder().encode(lines.join('\n')).forEach(function (b) { binary += String.fromCharCode(b); });
      pre.textContent = btoa(binary);
      document.body.appendChild(pre);
    }, 50);
  });
})();
