// The public transparency page: fetches the figures from this service's API and renders them in the
// chosen language. Nothing is loaded from anywhere else.
(function () {
  'use strict';

  var state = { lang: initialLanguage(), data: null };

  function initialLanguage() {
    var fromUrl = new URLSearchParams(window.location.search).get('lang');
    if (fromUrl && window.I18N[fromUrl]) { return fromUrl; }
    try {
      var saved = window.localStorage.getItem('lang');
      if (saved && window.I18N[saved]) { return saved; }
    } catch (e) { /* storage may be disabled */ }
    return 'kk';
  }

  function t(key, params) {
    var text = window.I18N[state.lang][key];
    if (text === undefined) { text = window.I18N.en[key] || key; }
    Object.keys(params || {}).forEach(function (name) { text = text.replace('{' + name + '}', params[name]); });
    return text;
  }

  var format = {
    count: function (n) { return String(n); },
    percent: function (rate) { return rate === null || rate === undefined ? t('noData') : Math.round(rate * 100) + '%'; },
    hours: function (h) { return h === null || h === undefined ? t('noData') : t('hours', { value: decimal(h, 1) }); },
    rating: function (r) { return r === null || r === undefined ? t('noData') : decimal(r, 2); },
    // Dates are formatted here, not by the browser's locale: browsers have no Kazakh date format.
    month: function (isoDate) {
      var parts = isoDate.split('-');
      return t('monthYear', { month: t('monthNames')[Number(parts[1]) - 1], year: parts[0] });
    },
    time: function (iso) {
      var p = almatyParts(new Date(iso));
      return p.day + '.' + p.month + '.' + p.year + ' ' + p.hour + ':' + p.minute;
    }
  };

  /**
   * A number with this many decimals, written as the page's language writes it: 12,5 in Kazakh and Russian, 12.5 in
   * English. Not by Intl.NumberFormat: Chromium's locale data has no Kazakh, and writes 12.5 for it.
   */
  function decimal(value, digits) {
    var text = value.toFixed(digits);
    return state.lang === 'en' ? text : text.replace('.', ',');
  }

  /** Day, month, year, hour and minute in Almaty, two digits each (four for the year). */
  function almatyParts(date) {
    var parts = {};
    new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
      minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Almaty' }).formatToParts(date).forEach(function (part) {
      parts[part.type] = part.value;
    });
    return parts;
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function departmentName(code) {
    if (code === 'unassigned') { return t('unassigned'); }
    var entry = (state.data.directory || []).find(function (d) { return d.code === code; });
    return entry && entry.names && entry.names[state.lang] ? entry.names[state.lang] : code;
  }

  /** A settlement code of the directory's list by its name; the API never gives a free-text place. */
  function settlementName(code) {
    var entry = (state.data.settlements || []).find(function (s) { return s.code === code; });
    return entry && entry.names && entry.names[state.lang] ? entry.names[state.lang] : t('otherPlace');
  }

  function categoryName(code) {
    var names = window.CATEGORY_NAMES[code];
    return names && names[state.lang] ? names[state.lang] : code;
  }

  function renderTexts() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll('[data-i18n]').forEach(function (node) { node.textContent = t(node.getAttribute('data-i18n')); });
    document.title = t('pageTitle');
    document.querySelector('meta[name="description"]').setAttribute('content', t('metaDescription'));
    document.querySelectorAll('[data-lang]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === state.lang));
    });
  }

  function setFigure(node, value, text) {
    node.setAttribute('data-value', value === null || value === undefined ? '' : String(value));
    node.textContent = text;
  }

  function renderOverview(summary) {
    var f = summary.figures;
    var values = {
      received: [f.received, format.count(f.received)],
      answered: [f.answered, format.count(f.answered)],
      open: [f.open, format.count(f.open)],
      overdue: [f.overdue, format.count(f.overdue)],
      slaCompliance: [f.slaCompliance.rate, format.percent(f.slaCompliance.rate)],
      medianAnswer: [f.timeToAnswer.medianHours, format.hours(f.timeToAnswer.medianHours)],
      averageRating: [f.satisfaction.averageRating, format.rating(f.satisfaction.averageRating)],
      solvedRate: [f.satisfaction.solvedRate, format.percent(f.satisfaction.solvedRate)]
    };
    Object.keys(values).forEach(function (name) {
      setFigure(document.querySelector('.cards [data-figure="' + name + '"]'), values[name][0], values[name][1]);
    });
  }

  function renderDepartments(departments) {
    var body = document.querySelector('#departments-table tbody');
    body.replaceChildren();
    departments.forEach(function (d) {
      var f = d.figures;
      var row = el('tr', { 'data-department': d.department });
      row.appendChild(el('th', { scope: 'row' }, departmentName(d.department)));
      [['received', f.received, format.count(f.received)],
       ['slaCompliance', f.slaCompliance.rate, format.percent(f.slaCompliance.rate)],
       ['medianAnswer', f.timeToAnswer.medianHours, format.hours(f.timeToAnswer.medianHours)],
       ['averageRating', f.satisfaction.averageRating, format.rating(f.satisfaction.averageRating)],
       ['solvedRate', f.satisfaction.solvedRate, format.percent(f.satisfaction.solvedRate)]].forEach(function (cell) {
        var td = el('td', { class: 'num', 'data-figure': cell[0] });
        setFigure(td, cell[1], cell[2]);
        row.appendChild(td);
      });
      body.appendChild(row);
    });
  }

  function renderTrends(received, answered) {
    var months = {};
    received.points.forEach(function (p) { months[p.period] = { received: p.count, answered: 0 }; });
    answered.points.forEach(function (p) {
      months[p.period] = months[p.period] || { received: 0, answered: 0 };
      months[p.period].answered = p.count;
    });
    var keys = Object.keys(months).sort().slice(-12);
    var max = Math.max.apply(null, [1].concat(keys.map(function (k) { return Math.max(months[k].received, months[k].answered); })));
    var body = document.querySelector('#trends-table tbody');
    body.replaceChildren();
    keys.forEach(function (key) {
      var row = el('tr', { 'data-month': key });
      row.appendChild(el('th', { scope: 'row' }, format.month(key)));
      ['received', 'answered'].forEach(function (name) {
        var td = el('td', { class: 'num', 'data-figure': name });
        setFigure(td, months[key][name], format.count(months[key][name]));
        row.appendChild(td);
      });
      var bars = el('td', { class: 'bars', 'aria-hidden': 'true' });
      ['received', 'answered'].forEach(function (name) {
        var bar = el('span', { class: 'bar ' + name });
        bar.style.width = (100 * months[key][name] / max) + '%';
        bars.appendChild(bar);
      });
      row.appendChild(bars);
      body.appendChild(row);
    });
  }

  function renderHotspots(hotspots) {
    var list = document.getElementById('hotspots');
    list.replaceChildren();
    hotspots.forEach(function (h) {
      var place = h.settlement ? settlementName(h.settlement) : t('geoCell', { cell: h.geoCell });
      var item = el('li', { 'data-incident': h.incidentId, 'data-count': String(h.appealCount) });
      item.appendChild(el('strong', {}, t('hotspotLine', { category: categoryName(h.category), place: place, count: h.appealCount })));
      item.appendChild(el('span', { class: 'since' }, t('hotspotSince', { time: format.time(h.detectedAt) })));
      list.appendChild(item);
    });
    document.getElementById('no-hotspots').hidden = hotspots.length > 0;
  }

  function renderDirectory(directory) {
    var body = document.querySelector('#directory-table tbody');
    body.replaceChildren();
    directory.forEach(function (d) {
      var row = el('tr', { 'data-department': d.code });
      row.appendChild(el('th', { scope: 'row' }, d.names[state.lang] || d.code));
      var phone = el('td');
      if (d.phone) { phone.appendChild(el('a', { href: 'tel:' + d.phone.replace(/\s/g, '') }, d.phone)); }
      row.appendChild(phone);
      var email = el('td');
      if (d.email) { email.appendChild(el('a', { href: 'mailto:' + d.email }, d.email)); }
      row.appendChild(email);
      row.appendChild(el('td', {}, (d.addresses && d.addresses[state.lang]) || d.address || ''));
      body.appendChild(row);
    });
  }

  function render() {
    renderTexts();
    var status = document.getElementById('status');
    if (!state.data) {
      status.textContent = t('loading');
      return;
    }
    if (state.data.error) {
      status.textContent = t('failed');
      return;
    }
    renderOverview(state.data.summary);
    renderDepartments(state.data.departments);
    renderTrends(state.data.received, state.data.answered);
    renderHotspots(state.data.hotspots);
    renderDirectory(state.data.directory);
    status.textContent = t('loaded', { time: format.time(state.data.summary.generatedAt) });
    document.body.setAttribute('data-ready', 'true');
  }

  function getJson(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) { throw new Error(path + ' answered ' + response.status); }
      return response.json();
    });
  }

  // The first day of the month a year before the figures' own time: the trends show the last 12 months, and a
  // series of all time would read every stored appeal (the summary and departments are kept by month instead).
  function trendsSince(generatedAt) {
    var at = new Date(generatedAt);
    var month = at.getUTCMonth() + 1;
    return (at.getUTCFullYear() - 1) + '-' + (month < 10 ? '0' : '') + month + '-01';
  }

  function load() {
    getJson('/api/v1/stats/summary').then(function (summary) {
      var since = trendsSince(summary.generatedAt);
      return Promise.all([
        summary,
        getJson('/api/v1/stats/departments'),
        getJson('/api/v1/stats/timeseries?metric=received&interval=month&from=' + since),
        getJson('/api/v1/stats/timeseries?metric=answered&interval=month&from=' + since),
        getJson('/api/v1/stats/hotspots'),
        getJson('/api/v1/public/departments'),
        getJson('/api/v1/public/settlements')
      ]);
    }).then(function (results) {
      state.data = { summary: results[0], departments: results[1], received: results[2], answered: results[3],
        hotspots: results[4], directory: results[5], settlements: results[6] };
      render();
    }).catch(function () {
      state.data = { error: true };
      render();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-lang]').forEach(function (button) {
      button.addEventListener('click', function () {
        state.lang = button.getAttribute('data-lang');
        try { window.localStorage.setItem('lang', state.lang); } catch (e) { /* storage may be disabled */ }
        render();
      });
    });
    render();
    load();
  });
}());
