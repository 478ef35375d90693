// Types of the article card's embed script (article-card.js): the JS API on
// `window.ArticleCard`, the `<article-card>` element and the
// `article-card:share` event. The contract they describe is in the README
// ("Embedding") and CHANGELOG.md; the article format in
// docs/article-format.md and docs/article.schema.json.

/** An address: absolute `http(s)`, or relative to the page where allowed. */
export type Url = string;

/** An RFC 3339 date and time with its offset, such as `2025-08-17T14:30:00+02:00`. */
export type Timestamp = string;

export interface Link {
  label: string;
  url: Url;
}

export interface Hero {
  url: Url;
  /** Describe the image, or `""` for a purely decorative one. */
  alt: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
}

export interface Topic {
  label: string;
  url?: Url;
}

/** One block of the body, told apart by `type`. */
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'quote'; text: string; speaker?: string }
  | { type: 'background'; title?: string; text: string }
  | { type: 'related'; title?: string; links: Link[] };

/** One article in the card's own format; only `url` and `headline` are required. */
export interface Article {
  /** Canonical address of the full article: absolute http(s). */
  url: Url;
  headline: string;
  /** BCP 47, such as `de` or `en-GB`. */
  language?: string;
  section?: string;
  overline?: string;
  hero?: Hero;
  summary?: string[];
  lead?: string;
  body?: Block[];
  source?: string;
  topics?: Array<string | Topic>;
  published?: Timestamp;
  modified?: Timestamp;
  follow?: Link;
  standards?: Link;
  /** `false` marks an article for subscribers. */
  free?: boolean;
}

/**
 * A schema.org `NewsArticle` (or `Article`, `BlogPosting`, …) as JSON-LD,
 * also accepted wherever an article is: a node, an array of nodes or an
 * `@graph` document.
 */
export type JsonLdDocument = ({ '@type': string | string[] } | { '@graph': unknown[] }) & {
  '@context'?: unknown;
  [property: string]: unknown;
};

export type Language = 'de' | 'en' | 'fr' | 'it' | 'es' | 'nl' | 'pl';
export type Layout = 'card' | 'compact' | 'teaser' | 'full';
export type Theme = 'auto' | 'light' | 'dark';
export type HeadingLevel = 2 | 3 | 4 | 5 | 6 | '2' | '3' | '4' | '5' | '6';
export type Service =
  | 'whatsapp' | 'facebook' | 'x' | 'twitter' | 'linkedin' | 'xing' | 'telegram' | 'bluesky'
  | 'threema' | 'pinterest' | 'reddit' | 'mail' | 'email' | 'copy' | 'print';
export type NativeShare = 'on' | 'only' | 'off';
export type Orientation = 'horizontal' | 'vertical';
export type ButtonStyle = 'standard' | 'icon';

/**
 * A card's options, by their documented names or in camelCase. An invalid
 * value falls back to the default with a console warning.
 */
export interface CardOptions {
  /** Language of the card's own texts, with or without a region (`de-AT`). */
  lang?: Language | `${Language}-${string}`;
  layout?: Layout;
  theme?: Theme;
  'heading-level'?: HeadingLevel;
  headingLevel?: HeadingLevel;
  /** In the order shown; a comma-separated string or a list; empty for none. */
  services?: string | Service[];
  'native-share'?: NativeShare;
  nativeShare?: NativeShare;
  orientation?: Orientation;
  'button-style'?: ButtonStyle;
  buttonStyle?: ButtonStyle;
  /** An absolute http(s) address to share instead of the article's. */
  'share-url'?: Url;
  shareUrl?: Url;
  'share-title'?: string;
  shareTitle?: string;
  /** Query parameters added to the shared address, such as `utm_source=share`. */
  'referrer-track'?: string;
  referrerTrack?: string;
}

/** What `mount` and `update` take: an article, JSON-LD, or either as JSON text. */
export type ArticleData = Article | JsonLdDocument | JsonLdDocument[] | string;

export interface ArticleCardApi {
  /**
   * Renders `data` into `element`. Resolves once the card shows it; rejects
   * with a `TypeError` for an element a card may not go in or without data,
   * with an `Error` when the data cannot make a card, and with an
   * `AbortError` when a later call on the same element took over.
   */
  mount(element: Element, data: ArticleData, options?: CardOptions): Promise<void>;
  /** Same as `mount`: new data or options in the same place. */
  update(element: Element, data: ArticleData, options?: CardOptions): Promise<void>;
  /** Removes the card (cancelling a load); the element shows its own content again. */
  unmount(element: Element): void;
  /** Mounts the placeholders below `root` that are not mounted yet. */
  scan(root?: ParentNode): Promise<void>;
}

/** Where a placeholder stands, in its `data-article-card-state` attribute. */
export type CardState = 'loading' | 'prerendered' | 'mounted' | 'failed';

/**
 * `<article-card src="article.json" layout="full">` with a fallback link
 * inside. Its attributes are the options by their documented names, plus
 * `src` and `timeout` (seconds, default 10); changing one renders again.
 */
export interface ArticleCardElement extends HTMLElement {}

/** The detail of the `article-card:share` event every share click dispatches. */
export interface ShareEventDetail {
  /** The service's name (`whatsapp`, `mail`, `copy`, …), or `native` for the share sheet. */
  service: Service | 'native';
  /** The article's address (before any `share-url` or tracking). */
  url: Url;
}

export type ShareEvent = CustomEvent<ShareEventDetail>;

declare global {
  interface Window {
    ArticleCard: ArticleCardApi;
  }
  // eslint-disable-next-line no-var
  var ArticleCard: ArticleCardApi;

  interface HTMLElementTagNameMap {
    'article-card': ArticleCardElement;
  }

  interface DocumentEventMap {
    'article-card:share': ShareEvent;
  }

  interface HTMLElementEventMap {
    'article-card:share': ShareEvent;
  }
}
