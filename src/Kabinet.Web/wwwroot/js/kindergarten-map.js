// The kindergarten map: the server renders the list and the card; this script adds the Leaflet map and
// shows a card without reloading the page. Without it (or without tiles) the list and the links still work.
(function () {
    'use strict';

    var list = document.getElementById('kindergarten-list');
    var card = document.getElementById('kindergarten-card');
    var mapElement = document.getElementById('kindergarten-map');
    if (!list || !card) {
        return;
    }

    var items = Array.prototype.slice.call(list.querySelectorAll('li[data-id]'));
    var markers = {};
    var map = null;
    var loading = null;

    function markerStyle(item, selected) {
        var free = Number(item.getAttribute('data-free')) > 0;
        return {
            radius: selected ? 11 : 7,
            weight: selected ? 3 : 2,
            color: selected ? '#1b1f24' : '#ffffff',
            fillColor: free ? '#1e6b3a' : '#4a5563',
            fillOpacity: 0.9
        };
    }

    function select(id) {
        items.forEach(function (item) {
            var selected = item.getAttribute('data-id') === id;
            item.classList.toggle('is-selected', selected);
            var marker = markers[item.getAttribute('data-id')];
            if (marker) {
                marker.setStyle(markerStyle(item, selected));
                if (selected) {
                    marker.bringToFront();
                }
            }
        });
        var chosen = markers[id];
        if (map && chosen && !map.getBounds().contains(chosen.getLatLng())) {
            map.panTo(chosen.getLatLng());
        }
    }

    // Loads the card of the item's kindergarten into the page; on any failure follows the link as if there were no script.
    function showCard(link) {
        var item = link.closest('li[data-id]');
        var id = item.getAttribute('data-id');
        var url = new URL(link.href, window.location.href);
        url.hash = '';
        url.searchParams.set('handler', 'card');
        if (loading) {
            loading.abort();
        }
        loading = new AbortController();
        card.setAttribute('aria-busy', 'true');
        fetch(url.toString(), { headers: { 'Accept': 'text/html' }, credentials: 'same-origin', signal: loading.signal })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('The card answered ' + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                card.innerHTML = html; // rendered and encoded by the server, like the rest of the page
                card.removeAttribute('aria-busy');
                window.history.replaceState(null, '', link.href);
                select(id);
                card.focus({ preventScroll: true });
                card.scrollIntoView({ block: 'nearest' });
            })
            .catch(function (error) {
                card.removeAttribute('aria-busy');
                if (error && error.name === 'AbortError') {
                    return;
                }
                window.location.href = link.href;
            });
    }

    list.addEventListener('click', function (event) {
        var link = event.target.closest('a.results__name');
        if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) {
            return;
        }
        event.preventDefault();
        showCard(link);
    });

    if (!mapElement || typeof window.L === 'undefined') {
        return;
    }

    var L = window.L;
    mapElement.hidden = false;
    map = L.map(mapElement, { zoomSnap: 0.5 });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');

    var tileUrl = mapElement.getAttribute('data-tile-url');
    if (tileUrl) {
        var tiles = L.tileLayer(tileUrl, { attribution: mapElement.getAttribute('data-attribution') || '', maxZoom: 19 });
        var notice = document.getElementById('map-tiles-failed');
        tiles.on('tileerror', function () {
            if (notice) {
                notice.hidden = false;
            }
        });
        tiles.addTo(map);
    }

    // The view comes first: Leaflet draws a marker (and so gives it an element) only on a map that has one.
    var points = items.map(function (item) {
        return { item: item, lat: Number(item.getAttribute('data-lat')), lon: Number(item.getAttribute('data-lon')), link: item.querySelector('a.results__name') };
    }).filter(function (p) {
        return isFinite(p.lat) && isFinite(p.lon) && p.link;
    });
    if (points.length > 0) {
        map.fitBounds(points.map(function (p) { return [p.lat, p.lon]; }), { padding: [24, 24], maxZoom: 15 });
    } else {
        map.setView([54.9, 87.1], 6); // the whole of Kuzbass when nothing matches
    }

    points.forEach(function (p) {
        var id = p.item.getAttribute('data-id');
        var label = document.createElement('span');
        label.textContent = p.link.textContent; // text, never HTML, from the list
        var marker = L.circleMarker([p.lat, p.lon], markerStyle(p.item, p.item.classList.contains('is-selected')))
            .bindTooltip(label)
            .on('click', function () { showCard(p.link); })
            .addTo(map);
        marker.getElement().setAttribute('data-id', id);
        markers[id] = marker;
    });
}());
