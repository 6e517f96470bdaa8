declare module '@11ty/eleventy' {
  interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string;
    config?: (eleventyConfig: import('../render/eleventy-plugin.ts').EleventyConfig) => void | Promise<void>;
  }
  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Resolves to `[passthroughCopies, pagesWritten]`. */
    write(): Promise<[unknown[], unknown[]]>;
  }
  export default Eleventy;
}

