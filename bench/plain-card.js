// The hand-written card: the benchmark's baseline, in plain JavaScript
// without any framework. It does for a reader what the wasm embed does –
// finds [data-article-card] placeholders (and <article-card>), reads the
// article from data-src or an inline <script type="application/json">,
// attaches an open shadow root with the project's stylesheet as a
// constructed stylesheet, and renders the same DOM as the Yew card – and
// nothing it does is tuned for the benchmark.
//
// The markup lives in the "Markup" section below: one small function per
// part of the card, written as HTML templates so that a change to the Yew
// card's markup is a change to a few lines here. `node bench/check-dom.mjs`
// shows where the two drift apart.
//
// The module also runs in Node (without a DOM): `renderCardHtml` gives the
// card's markup as text, which bench/server.mjs offers to page templates as
// {{markup}} (for pre-rendered pages).
//
// Not shipped to readers; served minified by bench/server.mjs as
// /bench/plain-card.min.js, as the real bundle's JS is minified too.

// ---------------------------------------------------------------- Texts

const MONTHS = {
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const TEXTS = {
  de: {
    tag: 'de',
    summary: 'Das Wichtigste in Kürze',
    background: 'Hintergrund',
    related: 'Mehr zum Thema',
    topics: 'Themen',
    readArticle: 'Ganzen Artikel lesen',
    published: 'Veröffentlicht',
    updated: 'Aktualisiert',
    imageCredit: 'Bild',
    error: 'Dieser Artikel kann gerade nicht angezeigt werden.',
    errorLink: 'Zum Artikel',
    share: 'Artikel teilen',
    shareNative: 'Teilen…',
    shareOn: (brand) => `Bei ${brand} teilen`,
    mail: 'E-Mail',
    shareByMail: 'Per E-Mail teilen',
    copyLink: 'Link kopieren',
    linkCopied: 'Link kopiert',
    linkToCopy: 'Link zum Kopieren',
    print: 'Drucken',
    show: 'anzeigen',
    hide: 'ausblenden',
    readingTime: (minutes) => `${minutes} Min. Lesezeit`,
    date: (t) => `${t.day}. ${MONTHS.de[t.month - 1]} ${t.year}, ${pad(t.hour)}:${pad(t.minute)} Uhr`,
  },
  en: {
    tag: 'en',
    summary: 'At a glance',
    background: 'Background',
    related: 'Read more',
    topics: 'Topics',
    readArticle: 'Read the whole article',
    published: 'Published',
    updated: 'Updated',
    imageCredit: 'Image',
    error: 'This article cannot be shown right now.',
    errorLink: 'Open the article',
    share: 'Share article',
    shareNative: 'Share…',
    shareOn: (brand) => `Share on ${brand}`,
    mail: 'Email',
    shareByMail: 'Share by email',
    copyLink: 'Copy link',
    linkCopied: 'Link copied',
    linkToCopy: 'Link to copy',
    print: 'Print',
    show: 'show',
    hide: 'hide',
    readingTime: (minutes) => `${minutes} min read`,
    date: (t) => `${MONTHS.en[t.month - 1]} ${t.day}, ${t.year}, ${t.hour % 12 || 12}:${pad(t.minute)} ${t.hour < 12 ? 'AM' : 'PM'}`,
  },
};

const pad = (n) => String(n).padStart(2, '0');

/// German unless the tag says otherwise; any other language gets English.
const langOf = (tag) => (tag == null || tag.split('-')[0].toLowerCase() === 'de' ? 'de' : 'en');
const primary = (tag) => tag.split('-')[0].toLowerCase();
const RTL = ['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi'];
/// The writing direction of a language tag.
const direction = (tag) => (RTL.includes(primary(tag)) ? 'rtl' : 'ltr');

// ---------------------------------------------------------------- Sharing

// name -> [brand shown (null: from the texts), link builder (null: a button)]
const SERVICES = {
  whatsapp: ['WhatsApp', (s) => `https://wa.me/?text=${s.titleAndUrl}`],
  facebook: ['Facebook', (s) => `https://www.facebook.com/sharer/sharer.php?u=${s.url}`],
  x: ['X', (s) => `https://x.com/intent/tweet?text=${s.title}&url=${s.url}`],
  linkedin: ['LinkedIn', (s) => `https://www.linkedin.com/sharing/share-offsite/?url=${s.url}`],
  xing: ['XING', (s) => `https://www.xing.com/spi/shares/new?url=${s.url}`],
  telegram: ['Telegram', (s) => `https://t.me/share/url?url=${s.url}&text=${s.title}`],
  bluesky: ['Bluesky', (s) => `https://bsky.app/intent/compose?text=${s.titleAndUrl}`],
  threema: ['Threema', (s) => `https://threema.id/compose?text=${s.titleAndUrl}`],
  pinterest: ['Pinterest', (s) => `https://www.pinterest.com/pin/create/button/?url=${s.url}${s.image ? `&media=${encode(s.image)}` : ''}&description=${s.title}`],
  reddit: ['Reddit', (s) => `https://www.reddit.com/submit?url=${s.url}&title=${s.title}`],
  // RFC 6068: everything reserved percent-encoded, line breaks as CRLF.
  mail: [null, (s) => `mailto:?subject=${s.title}&body=${encode(s.text ? `${s.text}\r\n\r\n${s.rawUrl}` : s.rawUrl)}`],
  copy: [null, null],
  print: [null, null],
};
const DEFAULT_SERVICES = ['whatsapp', 'facebook', 'x', 'mail', 'copy'];

const ICONS = {
  native: 'M12 3v12M8 7l4-4 4 4M5 11v9h14v-9',
  whatsapp: 'M12 3a8.5 8.5 0 0 0-7.3 12.9L3.5 20.5l4.7-1.2A8.5 8.5 0 1 0 12 3zM9 9c0 3 2.6 6 6 6',
  facebook: 'M15 3h-2a4 4 0 0 0-4 4v14M6 11h8',
  x: 'M5 4l14 16M19 4L5 20',
  linkedin: 'M3 3h18v18H3zM8 10v7M8 7v.01M12 17v-4a2 2 0 0 1 4 0v4M12 10v7',
  xing: 'M6 7l2.5 4.5L6 16M17 3l-6 10.5 4.5 7.5',
  telegram: 'M21 4L3 11l7 2 2 7 9-16zM10 13l11-9',
  bluesky: 'M12 11C10 7 6 4 4 5s0 6 3 7c-3 1-3 5 0 6s4-2 5-5c1 3 2 6 5 5s3-5 0-6c3-1 5-6 3-7s-6 2-8 6z',
  threema: 'M12 3c-5 0-9 3.2-9 7.2 0 2.2 1.2 4.2 3.2 5.5L5.5 19l4-1.6c.8.2 1.6.3 2.5.3 5 0 9-3.2 9-7.2S17 3 12 3zM10 9.5v-1a2 2 0 0 1 4 0v1M9 9.5h6v3.5H9zM8 21.5h.01M12 21.5h.01M16 21.5h.01',
  pinterest: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM10 17.5l2-9.5M11 8h2.5a2.5 2.5 0 0 1 0 5h-2.3',
  reddit: 'M12 9c-4.4 0-8 2.4-8 5.3S7.6 19.5 12 19.5s8-2.4 8-5.2S16.4 9 12 9zM12 9l1.5-5 4 1M18 5h.01M9 13.5h.01M15 13.5h.01M9.5 16.5c1.5 1 3.5 1 5 0',
  mail: 'M3 5h18v14H3zM3 5l9 8 9-8',
  copy: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  print: 'M6 9V3h12v6M6 18H4v-7h16v7h-2M6 14h12v7H6z',
};

/// Percent-encodes all but RFC 3986's unreserved characters, as UTF-8
/// (encodeURIComponent also spares !'()*, so those are encoded here).
export function encode(text) {
  return encodeURIComponent(String(text).toWellFormed())
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/// Adds tracking parameters to the query of `url`, before any fragment.
function withTracking(url, tracking) {
  const params = (tracking ?? '').replace(/^[?&]+/, '');
  if (!params) return url;
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  const joiner = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
  return base + joiner + params + fragment;
}

// ---------------------------------------------------------------- Data

const LIMIT = 256 * 1024;

/// An http(s) address, or (unless `absolute`) a relative one.
function urlProblem(url, absolute) {
  if (!url) return 'is required';
  if (url.length > 2048) return 'is longer than 2048 characters';
  if (/[\s\p{Cc}]/u.test(url)) return 'contains spaces or control characters; encode them (%20)';
  const scheme = /^([^:/?#]*):/.exec(url)?.[1];
  if (scheme == null) return absolute ? 'must be a full address starting with https:// or http://' : null;
  if (!/^https?$/i.test(scheme)) return 'only http and https links are allowed';
  return /^[^:]+:\/\/[^/?#]/.test(url) ? null : 'has no host name after the //';
}

/// `YYYY-MM-DDTHH:MM:SS[.f](Z|±HH:MM)`, as written (no time zone change).
function parseTime(text) {
  const m = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:[Zz]|([+-])(\d\d):(\d\d))$/.exec(text ?? '');
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days || hour > 23 || minute > 59 || second > 60) return null;
  const offset = m[7] ? (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) : 0;
  return { year, month, day, hour, minute, utc: Date.UTC(year, month - 1, day, hour, minute) / 60000 - offset };
}

const LIMITS = {
  headline: 300, section: 60, overline: 150, lead: 2000, source: 200, bullet: 400, bullets: 8,
  paragraph: 5000, heading: 300, speaker: 150, boxTitle: 150, boxText: 3000, label: 300,
  links: 10, blocks: 200, topics: 20, topic: 60, caption: 500, credit: 200, alt: 500,
};

/// Reads article data (object or JSON text) into what the card shows:
/// texts trimmed, empty optional texts dropped; every problem collected,
/// as the Rust card does, so that broken data shows the error notice.
export function readArticle(input) {
  const problems = [];
  const fail = (path, message) => problems.push(path ? `${path}: ${message}` : message);
  let json = input;
  if (typeof input === 'string') {
    if (input.length > LIMIT) return { problems: ['the article is larger than 256 KB'] };
    try {
      json = JSON.parse(input);
    } catch (error) {
      return { problems: [`not JSON: ${error.message}`] };
    }
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { problems: ['must be an object'] };
  const text = (obj, key, path, max, required = false) => {
    const value = obj?.[key];
    if (value == null) {
      if (required) fail(path, 'is required');
      return null;
    }
    if (typeof value !== 'string') {
      fail(path, `must be text, not ${Array.isArray(value) ? 'a list' : typeof value}`);
      return null;
    }
    const trimmed = value.trim();
    if (!trimmed) {
      if (required) fail(path, 'is empty');
      return null;
    }
    if (max && [...trimmed].length > max) fail(path, `is ${[...trimmed].length} characters long; the limit is ${max}`);
    return trimmed;
  };
  const list = (obj, key, path, max) => {
    const value = obj?.[key];
    if (value == null) return [];
    if (!Array.isArray(value)) {
      fail(path, 'must be a list');
      return [];
    }
    if (value.length > max) fail(path, `has ${value.length} items; the limit is ${max}`);
    return value;
  };
  const url = (value, path, absolute) => {
    if (value == null) return null;
    const problem = urlProblem(value, absolute);
    if (problem) fail(path, problem);
    return value;
  };
  const link = (obj, path) => obj && typeof obj === 'object'
    ? { label: text(obj, 'label', `${path}.label`, LIMITS.label, true), url: url(text(obj, 'url', `${path}.url`, 0, true), `${path}.url`) }
    : (fail(path, 'must be an object'), null);

  const a = {
    url: url(text(json, 'url', 'url', 0, true), 'url', true),
    language: text(json, 'language', 'language'),
    section: text(json, 'section', 'section', LIMITS.section),
    overline: text(json, 'overline', 'overline', LIMITS.overline),
    headline: text(json, 'headline', 'headline', LIMITS.headline, true),
    hero: null,
    summary: list(json, 'summary', 'summary', LIMITS.bullets)
      .map((b, i) => text({ b }, 'b', `summary[${i}]`, LIMITS.bullet, true)).filter((b) => b != null),
    lead: text(json, 'lead', 'lead', LIMITS.lead),
    body: [],
    source: text(json, 'source', 'source', LIMITS.source),
    topics: [],
    published: text(json, 'published', 'published'),
    modified: text(json, 'modified', 'modified'),
    follow: json.follow == null ? null : link(json.follow, 'follow'),
    standards: json.standards == null ? null : link(json.standards, 'standards'),
  };
  if (a.language && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(a.language)) fail('language', 'is not a language tag such as de or en-GB');
  if (json.hero != null) {
    const h = json.hero;
    const side = (key) => {
      if (h[key] == null) return null;
      if (!Number.isInteger(h[key]) || h[key] < 1 || h[key] > 10000) fail(`hero.${key}`, 'must be between 1 and 10000 pixels');
      return h[key];
    };
    const alt = typeof h.alt === 'string' ? h.alt.trim() : (fail('hero.alt', 'is required'), '');
    a.hero = {
      url: url(text(h, 'url', 'hero.url', 0, true), 'hero.url'),
      alt,
      caption: text(h, 'caption', 'hero.caption', LIMITS.caption),
      credit: text(h, 'credit', 'hero.credit', LIMITS.credit),
      width: side('width'),
      height: side('height'),
    };
    if ((a.hero.width == null) !== (a.hero.height == null)) fail('hero', 'give both width and height, or neither');
  }
  list(json, 'body', 'body', LIMITS.blocks).forEach((b, i) => {
    const path = `body[${i}]`;
    const t = (key, max, required) => text(b, key, `${path}.${key}`, max, required);
    switch (b?.type) {
      case 'paragraph': a.body.push({ type: 'paragraph', text: t('text', LIMITS.paragraph, true) }); break;
      case 'heading': a.body.push({ type: 'heading', text: t('text', LIMITS.heading, true) }); break;
      case 'quote': a.body.push({ type: 'quote', text: t('text', LIMITS.paragraph, true), speaker: t('speaker', LIMITS.speaker) }); break;
      case 'background': a.body.push({ type: 'background', title: t('title', LIMITS.boxTitle), text: t('text', LIMITS.boxText, true) }); break;
      case 'related': {
        const links = list(b, 'links', `${path}.links`, LIMITS.links).map((l, j) => link(l, `${path}.links[${j}]`));
        if (!links.length) fail(`${path}.links`, 'list is empty');
        a.body.push({ type: 'related', title: t('title', LIMITS.label), links });
        break;
      }
      default: fail(`${path}.type`, 'is not one of paragraph, heading, quote, background or related');
    }
  });
  list(json, 'topics', 'topics', LIMITS.topics).forEach((topic, i) => {
    const path = `topics[${i}]`;
    if (typeof topic === 'string') {
      a.topics.push({ label: text({ topic }, 'topic', path, LIMITS.topic, true), url: null });
    } else {
      a.topics.push({ label: text(topic, 'label', `${path}.label`, LIMITS.topic, true), url: url(text(topic, 'url', `${path}.url`), `${path}.url`) });
    }
  });
  const published = a.published && parseTime(a.published);
  const modified = a.modified && parseTime(a.modified);
  if (a.published && !published) fail('published', 'is not an RFC 3339 date and time');
  if (a.modified && !modified) fail('modified', 'is not an RFC 3339 date and time');
  if (published && modified && modified.utc < published.utc) fail('modified', 'is earlier than published');
  if (problems.length) {
    const safeUrl = typeof json.url === 'string' && !urlProblem(json.url.trim(), true) ? json.url.trim() : null;
    return { problems, url: safeUrl, language: a.language };
  }
  return { article: a };
}

/// Minutes to read the whole article at 200 words a minute; null without
/// running text (paragraphs or quotes).
function readingMinutes(a) {
  const words = (s) => (s ? s.split(/\s+/).filter(Boolean).length : 0);
  let count = words(a.headline) + words(a.lead) + a.summary.reduce((n, s) => n + words(s), 0);
  let running = false;
  for (const b of a.body) {
    if (b.type === 'paragraph' || b.type === 'quote') running = true;
    if (b.type !== 'related') count += words(b.text);
  }
  return running ? Math.max(1, Math.ceil(count / 200)) : null;
}

// ---------------------------------------------------------------- Options

const OPTIONS = ['lang', 'layout', 'theme', 'heading-level', 'services', 'share-url', 'share-title',
  'orientation', 'button-style', 'native-share', 'referrer-track'];
const CHOICES = {
  layout: ['card', 'compact', 'teaser', 'full'],
  theme: ['auto', 'light', 'dark'],
  nativeShare: ['on', 'only', 'off'],
  orientation: ['horizontal', 'vertical'],
  buttonStyle: ['standard', 'icon'],
};
const ALIASES = { twitter: 'x', email: 'mail', 'e-mail': 'mail' };

/// Option strings (camelCase keys, as from data-*) -> checked options;
/// a bad value falls back to the default with a console warning.
export function readOptions(raw = {}, warn = () => {}) {
  const o = {
    lang: null, layout: 'card', theme: 'auto', headingLevel: 2, services: DEFAULT_SERVICES,
    nativeShare: 'on', orientation: 'horizontal', buttonStyle: 'standard',
    shareUrl: null, shareTitle: null, referrerTrack: null,
  };
  for (const [name, value] of Object.entries(raw)) {
    if (value == null) continue;
    const key = name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const v = String(value);
    let ok = true;
    if (CHOICES[key]) ok = CHOICES[key].includes(v) && Boolean(o[key] = v);
    else if (key === 'lang') ok = ['de', 'en'].includes(v.split('-')[0].toLowerCase()) && Boolean(o.lang = langOf(v));
    else if (key === 'headingLevel') ok = /^[2-6]$/.test(v) && Boolean(o.headingLevel = Number(v));
    else if (key === 'shareUrl') ok = !urlProblem(v, true) && Boolean(o.shareUrl = v);
    else if (key === 'shareTitle') ok = Boolean(v.trim()) && Boolean(o.shareTitle = v.trim());
    else if (key === 'referrerTrack') ok = /^[?&]*[\w.~=%+-]+(&[\w.~=%+-]+)*$/.test(v) && Boolean(o.referrerTrack = v);
    else if (key === 'services') {
      o.services = [];
      for (const item of v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
        const name = ALIASES[item] ?? item;
        if (!SERVICES[name]) warn(`services: "${item}" is not a known service; skipping it`);
        else if (o.services.includes(name)) warn(`services: "${item}" is listed twice`);
        else o.services.push(name);
      }
    }
    if (!ok) warn(`${key} "${v}" is not allowed; using the default`);
  }
  return o;
}

// ---------------------------------------------------------------- Markup
//
// One function per part of the card, each returning HTML text. Everything
// interpolated into html`…` is escaped unless it is itself html`…`; lists
// are joined; null, undefined and false render nothing.

class Html {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}

export const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function show(value) {
  if (value == null || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(show).join('');
  return escapeHtml(value);
}

function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i += 1) out += show(values[i]) + strings[i + 1];
  return new Html(out);
}

/// ` name="value"`, or nothing when the value is null.
const attr = (name, value) => (value == null ? '' : html` ${new Html(name)}="${value}"`);

const TAGS = ['h2', 'h3', 'h4', 'h5', 'h6'];

// What every part needs: the texts `t`, the sub-heading tag, and `ui`, the
// lang and dir attributes of the card's own texts where they differ from
// the article's (an English card for a German article).
function card(a, o, t, idPrefix) {
  const tag = TAGS[o.headingLevel - 2];
  const sub = TAGS[Math.min(o.headingLevel - 1, 4)];
  const lang = a.language ?? t.tag;
  const dir = direction(lang);
  const differ = primary(lang) !== primary(t.tag);
  const ui = html`${attr('lang', differ ? t.tag : null)}${attr('dir', differ && dir !== direction(t.tag) ? direction(t.tag) : null)}`;
  const c = { t, sub, ui, uiLang: differ };
  const headlineId = `${idPrefix}-headline`;
  const { layout } = o;
  const teaser = layout === 'teaser';
  const full = layout === 'full';
  const teaserLine = a.lead ?? a.summary[0];
  const inner = teaser
    ? teaserLine != null && html`<p class="ac-teaser-text" part="teaser-text">${teaserLine}</p>`
    : [
      layout !== 'compact' && a.hero && figure(a.hero, c),
      shareBar(a, o, c, `${idPrefix}-share`),
      a.summary.length > 0 && summary(a.summary, c, layout === 'compact'),
      (full || !a.summary.length) && a.lead && html`<p class="ac-lead" part="lead">${a.lead}</p>`,
      a.body.filter((b) => full || b.type === 'background' || b.type === 'related').map((b) => block(b, c)),
      a.topics.length > 0 && topics(a.topics, c),
    ];
  return html`<article class="ac-card ac-card--${layout}" part="card" lang="${lang}" dir="${dir}"${attr('data-theme', o.theme === 'auto' ? null : o.theme)} aria-labelledby="${headlineId}">${header(a, c, tag, headlineId, !teaser)}${inner}${footer(a, c, headlineId, teaser)}</article>`;
}

function header(a, { t, ui }, tag, id, dateline) {
  const time = (label, value) => {
    const at = parseTime(value);
    return at && html`<span class="ac-dateline__item">${label}: <time datetime="${value}">${t.date(at)}</time></span>`;
  };
  const minutes = readingMinutes(a);
  const items = [
    time(t.published, a.published),
    time(t.updated, a.modified),
    minutes && html`<span class="ac-dateline__item ac-reading-time">${t.readingTime(minutes)}</span>`,
  ].filter(Boolean);
  return html`<header class="ac-header" part="header">${
    a.section && html`<p class="ac-kicker" part="kicker">${a.section}</p>`
  }<${new Html(tag)} class="ac-headline" part="headline" id="${id}">${
    a.overline && html`<span class="ac-overline" part="overline">${a.overline}</span> `
  }<span class="ac-headline__text">${a.headline}</span></${new Html(tag)}>${
    dateline && items.length > 0 && html`<p class="ac-dateline" part="dateline"${ui}>${items.map((item, i) => [i > 0 && ' ', item])}</p>`
  }</header>`;
}

function figure(hero, { t, ui, uiLang }) {
  const label = uiLang ? html`<span${ui}>${t.imageCredit}</span>` : t.imageCredit;
  const caption = (hero.caption || hero.credit) && html`<figcaption class="ac-figure__caption" part="caption">${
    hero.caption && html`<span class="ac-figure__text">${hero.caption}</span> `
  }${hero.credit && html`<span class="ac-figure__credit">${label}: ${hero.credit}</span>`}</figcaption>`;
  return html`<figure class="ac-figure" part="figure"><img class="ac-figure__image" part="image" src="${hero.url}" alt="${hero.alt}"${attr('width', hero.width)}${attr('height', hero.height)} loading="lazy" decoding="async">${caption}</figure>`;
}

const icon = (name) => html`<svg class="ac-share__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="${ICONS[name]}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"></path></svg>`;

/// What is shared: the (tracked) address, title and a sentence.
function shared(a, o) {
  const rawUrl = withTracking(o.shareUrl ?? a.url, o.referrerTrack);
  const title = o.shareTitle ?? a.headline;
  const text = a.summary[0] ?? a.lead ?? null;
  const image = a.hero?.url.startsWith('http') ? a.hero.url : null;
  return { rawUrl, rawTitle: title, text, image, url: encode(rawUrl), title: encode(title), titleAndUrl: encode(`${title} ${rawUrl}`) };
}

/// Whether the browser has a share sheet; null where that is not known
/// (in Node, for pre-rendered markup).
const shareSheet = () => (typeof navigator === 'undefined' ? null : typeof navigator.share === 'function');

// The list items: a link or button per service, then the share-sheet
// button (last, so that leaving it out moves nothing).
function shareItems(s, o, t, sheetFailed) {
  const sheet = shareSheet();
  const native = o.nativeShare !== 'off' && sheet !== false;
  const links = !(o.nativeShare === 'only' && sheet === true) || sheetFailed;
  return [
    links && o.services.map((name) => {
      const [brand, build] = SERVICES[name];
      const href = build?.(s);
      const label = brand ?? { mail: t.mail, copy: t.copyLink, print: t.print }[name];
      const accessible = brand ? t.shareOn(brand) : name === 'mail' ? t.shareByMail : null;
      const newTab = href != null && name !== 'mail';
      const content = html`${icon(name)}<span class="ac-share__label">${label}</span>`;
      return href == null
        ? html`<li class="ac-share__item"><button class="ac-share__button ac-share__button--${name}" type="button">${content}</button></li>`
        : html`<li class="ac-share__item"><a class="ac-share__button ac-share__button--${name}" href="${href}"${newTab && html` target="_blank" rel="noopener noreferrer"`}${attr('aria-label', accessible)}>${content}</a></li>`;
    }),
    native && html`<li class="ac-share__item"><button type="button" class="ac-share__button ac-share__button--native">${icon('native')}<span class="ac-share__label">${t.shareNative}</span></button></li>`,
  ];
}

function shareBar(a, o, { t, ui }, id) {
  if (!(o.nativeShare !== 'off' && shareSheet() !== false) && !o.services.length) return '';
  const s = shared(a, o);
  const modifiers = `${o.orientation === 'vertical' ? ' ac-share--vertical' : ''}${o.buttonStyle === 'icon' ? ' ac-share--icons' : ''}`;
  return html`<div class="ac-share${modifiers}" part="share" role="group" aria-labelledby="${id}"${ui}><p class="ac-share__title" id="${id}">${t.share}</p><ul class="ac-share__list" role="list">${shareItems(s, o, t, false)}</ul><p class="ac-share__status" role="status" aria-live="polite"></p></div>`;
}

/// A collapsible part, collapsed at first: a native <details>, so the
/// browser opens and closes it (the stylesheet shows the fitting hint).
/// `title` is the card's own text unless `fromArticle`.
function disclosure(kind, title, fromArticle, { t, sub, ui }, content) {
  const h = new Html(sub);
  return html`<details class="ac-${kind} ac-disclosure" part="${kind} disclosure"><summary class="ac-disclosure__toggle" part="${kind}-toggle toggle"><${h} class="ac-disclosure__heading"><span class="ac-disclosure__title"${fromArticle ? '' : ui}>${title}</span></${h}><span class="ac-disclosure__hint" aria-hidden="true"${ui}><span class="ac-disclosure__show">${t.show}</span><span class="ac-disclosure__hide">${t.hide}</span></span><svg class="ac-disclosure__icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16"><path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" stroke-width="2"></path></svg></summary><div class="ac-disclosure__panel" part="${kind}-panel panel">${content}</div></details>`;
}

function summary(bullets, c, collapsed) {
  const h = new Html(c.sub);
  const list = html`<ul class="ac-summary__list">${bullets.map((b) => html`<li class="ac-summary__item">${b}</li>`)}</ul>`;
  return collapsed
    ? disclosure('summary', c.t.summary, false, c, list)
    : html`<div class="ac-summary" part="summary"><${h} class="ac-summary__heading ac-visually-hidden"${c.ui}>${c.t.summary}</${h}>${list}</div>`;
}

function block(b, c) {
  const { t, ui } = c;
  const h = new Html(c.sub);
  switch (b.type) {
    case 'paragraph': return html`<p class="ac-paragraph">${b.text}</p>`;
    case 'heading': return html`<${h} class="ac-subheading">${b.text}</${h}>`;
    case 'quote': return html`<figure class="ac-quote" part="quote"><blockquote class="ac-quote__text"><p>${b.text}</p></blockquote>${
      b.speaker && html`<figcaption class="ac-quote__speaker">${b.speaker}</figcaption>`}</figure>`;
    case 'background': return disclosure('background', b.title ?? t.background, b.title != null, c, html`<p class="ac-background__text">${b.text}</p>`);
    default: return html`<div class="ac-related" part="related"><${h} class="ac-related__title"${b.title == null && ui}>${b.title ?? t.related}</${h}><ul class="ac-related__list" role="list">${
      b.links.map((l) => html`<li class="ac-related__item"><a class="ac-related__link" href="${l.url}">${l.label}</a></li>`)}</ul></div>`;
  }
}

function topics(list, { t, sub, ui }) {
  const h = new Html(sub);
  return html`<div class="ac-topics" part="topics"><${h} class="ac-topics__title"${ui}>${t.topics}</${h}><ul class="ac-topics__list" role="list">${
    list.map((topic) => html`<li class="ac-topics__item">${topic.url
      ? html`<a class="ac-topic" href="${topic.url}">${topic.label}</a>`
      : html`<span class="ac-topic">${topic.label}</span>`}</li>`)}</ul></div>`;
}

function footer(a, { t, ui }, headlineId, brief) {
  const link = (cls, l) => l && html`<p class="${cls}"><a href="${l.url}">${l.label}</a></p>`;
  return html`<footer class="ac-footer" part="footer">${!brief && [
    a.source && html`<p class="ac-source" part="source">${a.source}</p>`,
    link('ac-follow', a.follow),
    link('ac-standards', a.standards),
  ]}<a class="ac-readmore" part="readmore" href="${a.url}" aria-describedby="${headlineId}"${ui}>${t.readArticle}</a></footer>`;
}

function errorCard(t, o, url) {
  return html`<div class="ac-card ac-card--error ac-card--${o.layout}" part="card" lang="${t.tag}" dir="ltr"${attr('data-theme', o.theme === 'auto' ? null : o.theme)} role="note"><p class="ac-error">${t.error}</p>${
    url && html`<a class="ac-readmore" part="readmore" href="${url}">${t.errorLink}</a>`}</div>`;
}

/// The card for `data` (article object or JSON text) and option strings,
/// as HTML text. `idPrefix` starts its element ids (ac-headline); with
/// `log`, the problems and warnings go there.
export function renderCardHtml(data, rawOptions = {}, { idPrefix = 'ac', log = null } = {}) {
  return prepare(data, rawOptions, idPrefix, log).markup;
}

function prepare(data, rawOptions, idPrefix, log) {
  const options = readOptions(rawOptions, (w) => log?.warn(`article card: ${w}`));
  const read = readArticle(data);
  if (!read.article) {
    log?.error(`article card: this article cannot be shown:\n  ${read.problems.join('\n  ')}`);
    const t = TEXTS[options.lang ?? langOf(read.language)];
    return { markup: errorCard(t, options, read.url).text, options, t, failed: true };
  }
  const a = read.article;
  const t = TEXTS[options.lang ?? langOf(a.language)];
  // The page keeps only what the share controls need, not the article.
  return { markup: card(a, options, t, idPrefix).text, articleUrl: a.url, share: shared(a, options), options, t };
}

// ---------------------------------------------------------------- Browser

const STATE = 'articleCardState';
const PLACEHOLDER = '[data-article-card], article-card';
const cards = new Map(); // element -> { host, box, articleUrl, share, options, t }
const byHost = new WeakMap(); // shadow root (or box) -> the same record
let sheet = null;

function stylesheet() {
  sheet ??= fetch(new URL('../www/dist/article-card.css', import.meta.url))
    .then((r) => {
      if (!r.ok) throw new Error(`the stylesheet answered ${r.status}`);
      return r.text();
    })
    .then((css) => {
      const constructed = new CSSStyleSheet();
      constructed.replaceSync(css);
      return constructed;
    });
  sheet.catch(() => { sheet = null; });
  return sheet;
}

let cardCount = 0;

// Whether the publisher gave content of their own to show without a card.
const hasFallback = (element) => [...element.childNodes].some((node) => (node.nodeType === 3
  ? node.data.trim() !== ''
  : node.nodeType === 1 && !node.matches('script, template, style')));

/// Renders the card into the element's shadow root (or, where an element
/// cannot have one, into the element). Data that cannot make a card shows
/// the error notice, unless the publisher's own content can stay.
function mount(element, data, rawOptions, css) {
  const inShadow = Boolean(element.shadowRoot) || canHostShadow(element);
  const idPrefix = inShadow ? 'ac' : `ac${(cardCount += 1)}`;
  const { markup, ...state } = prepare(data, rawOptions, idPrefix, { warn: (m) => console.warn(m, element), error: (m) => console.error(m, element) });
  if (state.failed && !cards.has(element) && hasFallback(element)) {
    element.dataset[STATE] = 'failed';
    return;
  }
  let root = element.shadowRoot;
  if (!root && inShadow) root = element.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.innerHTML = markup;
  if (root) {
    root.adoptedStyleSheets = [css];
    root.replaceChildren(box);
  } else {
    if (!document.adoptedStyleSheets.includes(css)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, css];
    element.replaceChildren(box);
  }
  // One listener per card handles every control in it.
  const host = root ?? box;
  host.addEventListener('click', onClick);
  const record = { host, box, ...state };
  cards.set(element, record);
  byHost.set(host, record);
  element.dataset[STATE] = state.failed ? 'failed' : 'mounted';
}

// Elements that can hold a shadow root; others (<li>, <td>…) get the card
// in their light DOM.
const SHADOW_HOSTS = ['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'main', 'nav', 'p', 'section', 'span'];
const canHostShadow = (element) => SHADOW_HOSTS.includes(element.localName) || element.localName.includes('-');

function unmount(element) {
  const record = cards.get(element);
  if (!record) return;
  cards.delete(element);
  if (element.shadowRoot) element.shadowRoot.replaceChildren(document.createElement('slot'));
  else record.box.remove();
  delete element.dataset[STATE];
}

// The disclosures are native <details>: they open without script. Only
// the share controls need a listener.
function onClick(event) {
  const control = event.target.closest?.('.ac-share__button');
  const record = byHost.get(event.currentTarget);
  if (control && record) onShare(control, record);
}

function onShare(button, record) {
  const { articleUrl, share: s, options, t } = record;
  const service = /ac-share__button--(\w+)/.exec(button.className)?.[1];
  // Counted by the publisher if they like; it leaves the shadow root.
  button.closest('.ac-card')?.dispatchEvent(new CustomEvent('article-card:share', {
    bubbles: true, composed: true, detail: { service, url: articleUrl },
  }));
  if (service === 'copy') copyLink(button, s.rawUrl, t);
  else if (service === 'print') window.print();
  else if (service === 'native') {
    const data = { title: s.rawTitle, url: s.rawUrl, ...(s.text ? { text: s.text } : {}) };
    navigator.share(data).catch((error) => {
      if (error?.name === 'AbortError') return;
      const list = button.closest('.ac-share__list');
      if (list) list.innerHTML = show(shareItems(s, options, t, true));
    });
  }
}

let copiedTimer = 0;
function copyLink(button, url, t) {
  const bar = button.closest('.ac-share');
  const status = bar.querySelector('.ac-share__status');
  const manual = () => {
    let field = bar.querySelector('.ac-share__manual-field');
    if (!field) {
      status.insertAdjacentHTML('afterend', show(html`<label class="ac-share__manual"><span class="ac-share__manual-label">${t.linkToCopy}</span><input class="ac-share__manual-field" type="text" readonly value="${url}"></label>`));
      field = bar.querySelector('.ac-share__manual-field');
    }
    field.focus();
    field.select();
  };
  if (typeof navigator.clipboard?.writeText !== 'function') {
    manual();
    return;
  }
  navigator.clipboard.writeText(url).then(() => {
    status.textContent = t.linkCopied;
    clearTimeout(copiedTimer);
    copiedTimer = setTimeout(() => { status.textContent = ''; }, 4000);
  }, manual);
}

function optionsOf(element) {
  const options = {};
  for (const name of OPTIONS) {
    const value = element.getAttribute(`data-${name}`) ?? (element.localName === 'article-card' ? element.getAttribute(name) : null);
    if (value !== null) options[name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = value;
  }
  return options;
}

async function articleJson(element) {
  const inline = element.querySelector(':scope > script[type="application/json"]');
  if (inline) return inline.textContent;
  const src = element.getAttribute('data-src') ?? element.getAttribute('src');
  if (!src) throw new Error('the placeholder has neither data-src nor an inline JSON script');
  const response = await fetch(new URL(src, document.baseURI));
  if (!response.ok) throw new Error(`${src} answered ${response.status}`);
  return response.text();
}

async function load(element) {
  element.dataset[STATE] = 'loading';
  try {
    // The stylesheet and the article load side by side.
    const [json, css] = await Promise.all([articleJson(element), stylesheet()]);
    mount(element, json, optionsOf(element), css);
  } catch (error) {
    element.dataset[STATE] = 'failed';
    console.error('article card: could not load the article:', error.message, element);
  }
}

function scan(root = document) {
  const found = [];
  if (root.matches?.(PLACEHOLDER)) found.push(root);
  found.push(...(root.querySelectorAll?.(PLACEHOLDER) ?? []));
  return Promise.all(found.filter((el) => !el.dataset[STATE]).map(load));
}

function start() {
  scan();
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1) scan(node);
      for (const node of record.removedNodes) {
        if (node.nodeType !== 1) continue;
        for (const element of cards.keys()) {
          if (node === element || node.contains(element)) queueMicrotask(() => { if (!element.isConnected) unmount(element); });
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (typeof document !== 'undefined' && !window.PlainArticleCard) {
  const render = async (element, data, options = {}) => mount(element, data, options, await stylesheet());
  window.PlainArticleCard = Object.freeze({ mount: render, update: render, unmount, scan });
  if (!customElements.get('article-card')) {
    customElements.define('article-card', class extends HTMLElement {
      connectedCallback() {
        const go = () => { if (this.isConnected && !this.dataset[STATE]) load(this); };
        if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
        else go();
      }

      disconnectedCallback() { queueMicrotask(() => { if (!this.isConnected) unmount(this); }); }
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
