/// The stylesheet and script of every page, compiled into the binary: the dashboard fetches
/// nothing from the internet.
enum DashboardAssets {
    /// Plain CSS.
    static let style = """
        body { font: 14px/1.4 'DejaVu Sans', Verdana, sans-serif; margin: 0; color: #222; }
        nav { background: #223; color: #eee; padding: 8px 16px; }
        nav a { color: #fff; font-weight: bold; margin-right: 16px; text-decoration: none; }
        main { padding: 8px 16px 40px; }
        .muted { color: #777; }
        pre.error { background: #fee; border: 1px solid #c66; padding: 8px; white-space: pre; overflow-x: auto; }
        table.grid { border-collapse: collapse; margin: 8px 0; }
        table.grid th, table.grid td { border: 1px solid #ddd; padding: 2px 6px; }
        table.grid thead th { background: #f3f3f6; position: sticky; top: 0; }
        table.kv th { text-align: left; padding-right: 12px; color: #555; font-weight: normal; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.status.running { color: #07a; } td.status.dead, td.status.failed { color: #b00; }
        td.up { color: #070; } td.down { color: #b00; }
        .cols { display: flex; flex-wrap: wrap; gap: 32px; }
        .figure svg { max-width: 100%; height: auto; }
        table.confusion td.cell { cursor: pointer; min-width: 36px; }
        table.confusion td.hit { background: #e6f4e6; } table.confusion td.miss { background: #fbeaea; }
        table.confusion td.selected { outline: 2px solid #07a; }
        .clip { border-bottom: 1px solid #eee; padding: 4px 0; }
        .clip audio { vertical-align: middle; height: 28px; }
        .bar { display: inline-block; height: 10px; background: #5b8; }
        .example { border-bottom: 1px solid #eee; padding: 4px 0 8px; }
        .example h3 { margin: 4px 0; } .example audio { vertical-align: middle; height: 28px; }
        img.clip-figure { display: block; max-width: 100%; height: auto; }
        .pager a, .pager span { margin-right: 12px; }
        """

    /// Plain JavaScript: the listening view of the confusion table and the live epochs of a
    /// running run (server-sent events from `/api/runs/{id}/events`).
    static let script = """
        (function () {
          'use strict';
          const body = document.body;
          const token = body.dataset.token || '';
          function withToken(url) {
            return token ? url + (url.indexOf('?') < 0 ? '?' : '&') + 'token=' + encodeURIComponent(token) : url;
          }
          function el(tag, attrs, text) {
            const e = document.createElement(tag);
            for (const k in (attrs || {})) e.setAttribute(k, attrs[k]);
            if (text !== undefined) e.textContent = text;
            return e;
          }
          const run = body.dataset.run;
          if (!run) return;

          // Listening view: a confusion cell lists its clips, each with a player.
          const table = document.getElementById('confusion');
          const list = document.getElementById('cell-clips');
          if (table && list) {
            table.addEventListener('click', function (event) {
              const cell = event.target.closest('td.cell');
              if (!cell) return;
              table.querySelectorAll('td.selected').forEach(function (c) { c.classList.remove('selected'); });
              cell.classList.add('selected');
              const url = '/api/runs/' + run + '/predictions?subset=' + encodeURIComponent(table.dataset.subset)
                + '&true=' + encodeURIComponent(cell.dataset.true) + '&predicted=' + encodeURIComponent(cell.dataset.predicted);
              list.textContent = 'loading…';
              fetch(withToken(url)).then(function (r) { return r.json(); }).then(function (data) {
                list.textContent = '';
                if (data.error) { list.appendChild(el('pre', { class: 'error' }, data.error)); return; }
                list.appendChild(el('h3', {}, data.clips.length + ' clips: true ' + data.trueLabel + ', predicted ' + data.predicted));
                data.clips.forEach(function (clip) {
                  const row = el('div', { class: 'clip', 'data-clip': clip.clipID });
                  const probs = data.classes.map(function (c, i) {
                    return c + ' ' + (clip.probabilities[i] === undefined ? '?' : clip.probabilities[i].toFixed(2));
                  }).join(', ');
                  const player = el('audio', { controls: '', preload: 'metadata', src: withToken('/api/clips/' + clip.clipID + '/audio') });
                  // What the browser decoded, for the page and its tests: seconds, or why not.
                  player.addEventListener('loadedmetadata', function () { player.dataset.duration = player.duration.toFixed(3); });
                  player.addEventListener('error', function () { player.dataset.error = 'cannot play this clip'; });
                  row.appendChild(player);
                  row.appendChild(el('span', {}, ' ' + clip.relativePath + ' · speaker ' + (clip.speaker || '?')
                    + ' · ' + clip.duration.toFixed(2) + ' s · ' + probs));
                  list.appendChild(row);
                });
              }).catch(function (e) { list.textContent = 'failed: ' + e; });
            });
            // A link may open a cell: /runs/ID?cell=TRUE:PREDICTED.
            const wanted = new URLSearchParams(location.search).get('cell');
            if (wanted && wanted.indexOf(':') > 0) {
              const parts = wanted.split(':');
              const cell = table.querySelector('td.cell[data-true="' + CSS.escape(parts[0]) + '"][data-predicted="' + CSS.escape(parts[1]) + '"]');
              if (cell) cell.click();
            }
          }

          // Live epochs: each committed epoch adds a row and redraws the curves.
          if (!window.EventSource) return;
          const after = body.dataset.lastEpoch || '-1';
          const source = new EventSource(withToken('/api/runs/' + run + '/events?after=' + after));
          source.addEventListener('epoch', function (event) {
            const e = JSON.parse(event.data);
            const tbody = document.querySelector('#epochs tbody');
            if (tbody) {
              const f = function (x) { return x === null || x === undefined ? '—' : Number(x).toFixed(4); };
              const tr = el('tr');
              [String(e.epoch), f(e.trainLoss), f(e.trainAccuracy), f(e.validationLoss), f(e.validationAccuracy),
               f(e.validationF1), Number(e.learningRate).toPrecision(3), Number(e.wallSeconds).toFixed(2)].forEach(function (t) {
                tr.appendChild(el('td', { class: 'num' }, t));
              });
              tbody.appendChild(tr);
            }
            body.dataset.lastEpoch = String(e.epoch);
            fetch(withToken('/api/runs/' + run + '/curves.svg?inline=1')).then(function (r) { return r.ok ? r.text() : null; })
              .then(function (svg) { if (svg) document.getElementById('curves').innerHTML = svg; });
          });
          source.addEventListener('status', function (event) {
            body.dataset.status = event.data;
            if (event.data !== 'running' && event.data !== 'queued') source.close();
          });
        })();
        """
}
