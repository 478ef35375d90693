// Injected into every benchmark page before any of its scripts run
// (Playwright's addInitScript), identical for every variant. It only
// observes; results are read from window.__bench by bench/run.mjs.
//
// "Painted" here means: the first animation frame in which the card's
// headline is in the DOM, laid out with a non-zero box and styled by the
// card's stylesheet has finished its main-thread rendering (style, layout,
// paint recording, commit). It is found by checking the cards at the start
// of every frame (requestAnimationFrame, which runs right before that
// frame's style and layout, so what it sees is what the frame renders), and
// the time is taken in a task posted from that callback, which runs once
// the frame's rendering steps are done. Works the same whether the card
// came from a script, a framework or the HTML parser (declarative shadow
// roots), because it looks at the result, not at who made it.
(() => {
  if (window.__bench) return;
  const B = (window.__bench = {
    first: null, // { frame, painted } of the first card
    all: null, // { frame, painted, count } once every card on the page is
    wasmMemories: [],
    lcp: [],
    events: [],
    toggle: null,
  });

  // -- wasm memory: keep every Memory an instance exports or JS creates.
  const keepMemory = (m) => { if (m instanceof WebAssembly.Memory && !B.wasmMemories.includes(m)) B.wasmMemories.push(m); };
  const keepInstance = (instance) => {
    for (const value of Object.values(instance?.exports ?? {})) keepMemory(value);
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        keepInstance(result instanceof WebAssembly.Instance ? result : result.instance);
        return result;
      });
    };
  }
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget);
      keepInstance(instance);
      return instance;
    },
  });
  WebAssembly.Memory = new Proxy(WebAssembly.Memory, {
    construct(target, args, newTarget) {
      const memory = Reflect.construct(target, args, newTarget);
      keepMemory(memory);
      return memory;
    },
  });
  B.wasmMemoryBytes = () => B.wasmMemories.reduce((sum, m) => sum + m.buffer.byteLength, 0);

  // -- Cross-checks from the browser's own paint reporting.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.lcp.push({ time: e.renderTime || e.startTime, size: e.size, node: e.element ? `${e.element.localName}.${e.element.className}` : null, url: e.url });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.events.push({ name: e.name, start: e.startTime, duration: e.duration, processingStart: e.processingStart });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch { /* older browsers: no cross-checks */ }

  const SELECTOR = '[data-article-card], article-card';
  const cardRoot = (el) => el.shadowRoot ?? el;

  // A card counts as painted when its headline is laid out (non-zero box,
  // not hidden) and the card's stylesheet applies to it: the unstyled card
  // root has no padding, the styled one has.
  function isPainted(el) {
    const headline = cardRoot(el).querySelector('.ac-headline__text');
    if (!headline) return false;
    const card = headline.closest('.ac-card');
    if (!card || !headline.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const box = headline.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(card).paddingTop !== '0px';
  }

  // Calls back after the rendering steps of the current frame: a task
  // posted from a frame callback runs once the frame's rendering is done.
  // At user-blocking priority (where the browser has scheduler.postTask),
  // so that the page's own queued tasks, such as the next card's, do not
  // run first and add to the time.
  function afterFrame(callback) {
    const done = () => callback(performance.now());
    if (globalThis.scheduler?.postTask) {
      globalThis.scheduler.postTask(done, { priority: 'user-blocking' });
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = done;
    channel.port2.postMessage(null);
  }

  let checked = 0; // cards before this index are known to be painted
  function watchCards(frameTime) {
    const cards = document.querySelectorAll(SELECTOR);
    if (!B.first && cards.length && isPainted(cards[0])) {
      const first = { frame: frameTime };
      B.first = first;
      afterFrame((t) => { first.painted = t; });
    }
    while (checked < cards.length && isPainted(cards[checked])) checked += 1;
    // The page must be parsed, or more placeholders may still come.
    if (document.readyState !== 'loading' && cards.length && checked === cards.length) {
      const all = { frame: frameTime, count: cards.length };
      afterFrame((t) => {
        all.painted = t;
        B.all = all;
      });
      return;
    }
    requestAnimationFrame(watchCards);
  }
  requestAnimationFrame(watchCards);

  B.cardsPainted = () => new Promise((resolve) => {
    const poll = () => (B.all && B.first?.painted != null ? resolve({ first: B.first, all: B.all }) : setTimeout(poll, 20));
    poll();
  });

  // Toggle latency: from the click's own timestamp (when the browser got
  // the input) to the end of the first frame that shows the panel.
  B.armToggle = (cardIndex, toggleSelector, panelSelector) => {
    const root = cardRoot(document.querySelectorAll(SELECTOR)[cardIndex]);
    const panel = root.querySelector(panelSelector);
    if (!panel || panel.checkVisibility()) throw new Error('no closed panel to open');
    const state = { click: null, frame: null, painted: null };
    B.toggle = state;
    addEventListener('click', (event) => { state.click ??= event.timeStamp; }, { capture: true, once: true });
    const watch = (frameTime) => {
      if (state.click != null && panel.checkVisibility() && panel.getBoundingClientRect().height > 0) {
        state.frame = frameTime;
        afterFrame((t) => { state.painted = t; });
        return;
      }
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    const box = root.querySelector(toggleSelector).getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  };
  B.toggleDone = () => new Promise((resolve) => {
    const poll = () => (B.toggle?.painted != null ? resolve(B.toggle) : setTimeout(poll, 10));
    poll();
  });

  // Two frames, then an idle moment: lets a page settle before an input.
  B.settle = () => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)));
  });
})();
