declare module '@11ty/eleventy' {
  interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string;
    /** The path every root-relative URL starts with once HtmlBasePlugin rewrites the HTML, such as `/repo/`. */
    pathPrefix?: string;
    config?: (eleventyConfig: import('../render/eleventy-plugin.ts').EleventyConfig) => void | Promise<void>;
  }
  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Resolves to `[passthroughCopies, pagesWritten]`. */
    write(): Promise<[unknown[], unknown[]]>;
    /** Renders every page without writing it or copying anything: each page's URL, output path (or false) and content. */
    toJSON(): Promise<Array<{ url: string | false; outputPath: string | false; content?: string | Buffer }>>;
    /** Stops Eleventy logging (its errors still reach the caller of `write`). */
    disableLogger(): void;
  }
  /** Rewrites root-relative URLs in HTML output to start with the path prefix. */
  export function HtmlBasePlugin(eleventyConfig: never): void;
  export default Eleventy;
}
