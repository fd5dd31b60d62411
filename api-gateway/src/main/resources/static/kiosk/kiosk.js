// Kiosk display of one lot's free spaces per floor.
// Address: /kiosk/index.html?lot={lotId}[&name={lot name}][&refresh={seconds}]. Without a name
// parameter the page reads the lot name once from GET /api/lots/{lotId}, which only drivers and
// operators may read, so a kiosk without such a token shows "Lot {lotId}" instead. It follows the Server-Sent Events of
// GET /api/lots/{lotId}/availability/stream, whose "availability" events carry
// {lotId, free, total, stale, floors: [{floorId, floorNumber, status, free, total}]}. Where the
// browser has no EventSource, or the stream fails, it polls GET /api/lots/{lotId}/availability
// every refresh interval instead and tries the stream again after STREAM_RETRY_MILLIS. When the
// counts fail or are stale, the last counts stay on screen under a "Counts unavailable,
// retrying" banner.
'use strict';

(function () {
  const DEFAULT_REFRESH_SECONDS = 5;
  const MAX_NAME_LENGTH = 80;
  const MIN_REFRESH_SECONDS = 1;
  const MAX_REFRESH_SECONDS = 3600;
  // A request gets the refresh interval to finish, within these bounds. The upper bound is above
  // the gateway's time limit for the availability service (5 s by default), after which the
  // gateway itself returns 503.
  const MIN_REQUEST_MILLIS = 2000;
  const MAX_REQUEST_MILLIS = 10000;
  // A floor shows as "few" when at most this many spaces, or this share of its spaces, is free.
  const FEW_SPACES = 3;
  const FEW_SHARE = 0.1;
  const LOT_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
  // After the stream fails, the page polls for this long before it opens the stream again.
  const STREAM_RETRY_MILLIS = 60000;

  const params = new URLSearchParams(window.location.search);
  const lotId = (params.get('lot') || '').trim();
  const refreshMillis = refreshSeconds(params.get('refresh')) * 1000;
  // A kiosk is set up for one lot, so its address may carry the name to show.
  const configuredName = (params.get('name') || '').trim().slice(0, MAX_NAME_LENGTH);
  const requestMillis = Math.min(Math.max(refreshMillis, MIN_REQUEST_MILLIS), MAX_REQUEST_MILLIS);

  const element = (id) => document.getElementById(id);
  const tiles = new Map();
  let lotName = null;
  // Set when the gateway rejects the lot name request (401, 403), because a retry would fail too.
  let lotNameRejected = false;
  let pollTimer = null;
  let pollingUntil = 0;

  function refreshSeconds(value) {
    if (value === null || value.trim() === '') {
      return DEFAULT_REFRESH_SECONDS;
    }
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds < MIN_REFRESH_SECONDS || seconds > MAX_REFRESH_SECONDS) {
      console.warn(`Invalid refresh=${value}: expected ${MIN_REFRESH_SECONDS} to ${MAX_REFRESH_SECONDS} seconds, using ${DEFAULT_REFRESH_SECONDS}`);
      return DEFAULT_REFRESH_SECONDS;
    }
    return seconds;
  }

  function showUsage(problem) {
    element('usage-problem').textContent = problem;
    element('usage').hidden = false;
    element('kiosk').hidden = true;
    document.title = 'Parking availability: lot missing';
  }

  async function getJson(path) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), requestMillis);
    try {
      const response = await fetch(path, {
        headers: { Accept: 'application/json' },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (!response.ok) {
        const failure = new Error(`${path} returned HTTP ${response.status}`);
        failure.status = response.status;
        throw failure;
      }
      return await response.json();
    } catch (error) {
      if (error.name === 'AbortError') {
        throw new Error(`${path} timed out after ${requestMillis / 1000} s`);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async function loadLotName() {
    const lot = await getJson(`/api/lots/${encodeURIComponent(lotId)}`);
    if (typeof lot.name === 'string' && lot.name.trim() !== '') {
      lotName = lot.name;
      element('lot-name').textContent = lotName;
      document.title = `${lotName}: free spaces`;
    }
  }

  function levelOf(floor) {
    const { free, total } = floor;
    if (floor.status === 'closed') {
      return 'closed';
    }
    if (free <= 0) {
      return 'full';
    }
    if (free <= Math.max(FEW_SPACES, Math.floor(total * FEW_SHARE))) {
      return 'few';
    }
    return 'plenty';
  }

  const STATE_TEXT = { closed: 'Closed', full: 'Full', few: 'Few left', plenty: '' };

  function createTile() {
    const tile = document.createElement('article');
    tile.className = 'floor';
    for (const part of ['floor-name', 'floor-free', 'floor-total', 'floor-state']) {
      const child = document.createElement(part === 'floor-name' ? 'h2' : 'p');
      child.className = part;
      tile.appendChild(child);
    }
    return tile;
  }

  function renderFloor(tile, floor) {
    const level = levelOf(floor);
    tile.className = `floor ${level}`;
    tile.querySelector('.floor-name').textContent = `Floor ${floor.floorNumber}`;
    tile.querySelector('.floor-free').textContent = String(floor.free);
    tile.querySelector('.floor-total').textContent = `of ${floor.total}`;
    tile.querySelector('.floor-state').textContent = STATE_TEXT[level];
  }

  // Chooses a grid that keeps the digits large: one row for up to three floors, then two rows
  // up to eight floors, then four columns per row.
  function layoutGrid(container, count) {
    let rows = Math.ceil(count / 4);
    if (count <= 3) {
      rows = 1;
    } else if (count <= 8) {
      rows = 2;
    }
    const columns = Math.max(1, Math.ceil(count / rows));
    container.style.setProperty('--rows', String(rows));
    container.style.setProperty('--columns', String(columns));
  }

  function render(availability) {
    element('total-free').textContent = String(availability.free);

    const floors = Array.isArray(availability.floors) ? [...availability.floors] : [];
    floors.sort((a, b) => a.floorNumber - b.floorNumber);

    const container = element('floors');
    const shown = new Set();
    for (const floor of floors) {
      const key = String(floor.floorId);
      let tile = tiles.get(key);
      if (!tile) {
        tile = createTile();
        tiles.set(key, tile);
      }
      renderFloor(tile, floor);
      container.appendChild(tile);
      shown.add(key);
    }
    for (const [key, tile] of tiles) {
      if (!shown.has(key)) {
        tile.remove();
        tiles.delete(key);
      }
    }
    layoutGrid(container, floors.length);

    element('updated').textContent = `Last updated ${new Date().toLocaleTimeString()}`;
    if (availability.stale === true) {
      showFailure(new Error('the counts are being rebuilt and may be out of date'));
    } else {
      clearFailure();
    }
  }

  function showFailure(error) {
    console.warn('Loading the counts failed', error);
    element('banner-detail').textContent = `(${error.message})`;
    element('banner').hidden = false;
    element('kiosk').classList.add('stale');
  }

  function clearFailure() {
    element('banner').hidden = true;
    element('kiosk').classList.remove('stale');
  }

  function loadLotNameOnce() {
    if (lotName === null && !lotNameRejected && configuredName === '') {
      // The name is decoration: a failure is retried later and does not hide counts.
      loadLotName().catch((error) => {
        lotNameRejected = error.status === 401 || error.status === 403;
        console.warn('Loading the lot name failed', error);
      });
    }
  }

  async function poll() {
    pollTimer = null;
    loadLotNameOnce();
    try {
      render(await getJson(`/api/lots/${encodeURIComponent(lotId)}/availability`));
    } catch (error) {
      showFailure(error);
    }
    if (window.EventSource && Date.now() >= pollingUntil) {
      follow();
    } else {
      pollTimer = setTimeout(poll, refreshMillis);
    }
  }

  // Follows the lot's change stream; on failure, falls back to polling for a while.
  function follow() {
    loadLotNameOnce();
    const source = new EventSource(`/api/lots/${encodeURIComponent(lotId)}/availability/stream`);
    source.addEventListener('availability', (event) => {
      try {
        render(JSON.parse(event.data));
      } catch (error) {
        showFailure(error);
      }
    });
    source.onerror = () => {
      source.close();
      showFailure(new Error('the change stream failed, polling instead'));
      pollingUntil = Date.now() + STREAM_RETRY_MILLIS;
      if (pollTimer === null) {
        pollTimer = setTimeout(poll, refreshMillis);
      }
    };
  }

  if (lotId === '') {
    showUsage('The address has no lot parameter.');
    return;
  }
  if (!LOT_ID_PATTERN.test(lotId)) {
    showUsage(`"${lotId}" is not a lot id: use letters, digits, "-" or "_" only.`);
    return;
  }
  if (configuredName !== '') {
    lotName = configuredName;
    document.title = `${lotName}: free spaces`;
  }
  element('lot-name').textContent = lotName || `Lot ${lotId}`;
  element('kiosk').hidden = false;
  if (window.EventSource) {
    follow();
  } else {
    poll();
  }
})();
