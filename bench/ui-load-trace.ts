/**
 * Where a window load's time went, read from one Chromium performance trace (Tracing over CDP) and the page's own
 * Resource Timing: the main thread's script compile + evaluation, the host requests before the window was ready, and
 * the main thread's work between the host's answer and ready (React's render of the whole tree, style, layout).
 */
import { type Browser, type Page } from 'playwright-core';

export interface LoadTrace {
  /** Navigation start → bundle (JS and CSS) received, ms. */
  bundleArrivedMs: number;
  /** Main thread: compiling and evaluating the bundle (v8.compile*, v8.evaluateModule, EvaluateScript), ms. */
  scriptMs: number;
  /** The first load's host requests (started before its first answer), by method. */
  hostMethods: string[];
  /** How many: one since issue 16 (three before). */
  hostRequests: number;
  /** Navigation start → the first host request started, ms. */
  firstRequestAtMs: number;
  /** The longest of those requests, start to answer received, ms. */
  hostRequestMs: number;
  /** Main thread busy from the last answer before ready to ready: the first render with data, style, layout, ms. */
  renderAfterAnswerMs: number;
  /** Navigation start → ready, ms (this traced run; tracing slows it). */
  readyMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { documentLoaderURL?: string } };
}

const SCRIPT = new Set(['v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'EvaluateScript', 'v8.produceModuleCache']);
const READY = '.window[data-ready="true"]';

/** One traced load of `url` in `page` (a fresh context's page); `ready` is when the window says it is ready. */
export async function traceLoad(browser: Browser, page: Page, url: string): Promise<LoadTrace> {
  // When the window turns ready, in the page's own clock (an init script: the page's CSP does not apply to it).
  await page.addInitScript((sel: string) => {
    const w = window as unknown as { erReadyAt?: number };
    new MutationObserver((_m, obs) => {
      if (document.querySelector(sel)) {
        w.erReadyAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, READY);
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'v8', 'blink.user_timing', 'loading'],
  });
  await page.goto(url);
  await page.locator(READY).waitFor();
  const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const timing = await page.evaluate(() => ({
    ready: (window as unknown as { erReadyAt?: number }).erReadyAt ?? performance.now(),
    pageEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? 0,
    resources: performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return { name: r.name, start: r.startTime, end: r.responseEnd };
    }),
  }));

  // The page's main thread: the CrRendererMain busiest in tasks (the about:blank it started from may be another process).
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const busy = new Map<string, number>();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (mains.has(k) && e.name === 'RunTask') busy.set(k, (busy.get(k) ?? 0) + (e.dur ?? 0));
  }
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const own = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const starts = events.filter((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main);
  const ours = starts.find((e) => (e.args?.data?.documentLoaderURL ?? '').startsWith(new URL(url).origin)) ?? starts.at(-1);
  const nav = ours?.ts ?? own[0]?.ts ?? 0;
  const ms = (ts: number) => (ts - nav) / 1000;

  let scriptUs = 0;
  let end = 0;
  for (const e of own) {
    if (!SCRIPT.has(e.name) || e.ts < end) continue; // nested in one already counted
    scriptUs += e.dur!;
    end = e.ts + e.dur!;
  }
  // The first load's requests: those started before its first answer arrived (the state bar asks once it is ready).
  // None when serve put the answer into the page (issue 16): the page's own end is then the answer.
  const calls = timing.resources.filter((r) => new URL(r.name).pathname.startsWith('/api/') && r.start < timing.ready);
  const firstAnswer = Math.min(Infinity, ...calls.map((r) => r.end));
  const api = calls.filter((r) => r.start < firstAnswer);
  const bundle = timing.resources.filter((r) => /\.(js|css)$/.test(new URL(r.name).pathname) && r.start < timing.ready);
  // The window's own answer (windowLoad; else the last one received before ready).
  const answered = Math.max(api.length > 0 ? 0 : timing.pageEnd, ...api.filter((r) => r.end <= timing.ready).map((r) => r.end));
  // Main-thread tasks between the answer and ready (the page's clock and the trace's are both from navigation start).
  let busyUs = 0;
  for (const e of own) {
    if (e.name !== 'RunTask') continue;
    const from = Math.max(ms(e.ts), answered);
    const to = Math.min(ms(e.ts + e.dur!), timing.ready);
    if (to > from) busyUs += (to - from) * 1000;
  }
  return {
    bundleArrivedMs: Math.max(0, ...bundle.map((r) => r.end)),
    scriptMs: scriptUs / 1000,
    hostRequests: api.length,
    hostMethods: api.map((r) => new URL(r.name).pathname.slice('/api/'.length)),
    firstRequestAtMs: api.length > 0 ? Math.min(...api.map((r) => r.start)) : NaN,
    hostRequestMs: Math.max(0, ...api.map((r) => r.end - r.start)),
    renderAfterAnswerMs: busyUs / 1000,
    readyMs: timing.ready,
  };
}
