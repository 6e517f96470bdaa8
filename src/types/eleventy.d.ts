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

declare module '@11ty/eleventy-dev-server' {
  interface DevServerOptions {
    port?: number;
    liveReload?: boolean;
    domDiff?: boolean;
    showVersion?: boolean;
    portReassignmentRetryCount?: number;
    messageOnStart?: (info: { hosts: string[] }) => string;
    logger?: { info: (...a: unknown[]) => void; log: (...a: unknown[]) => void; error: (...a: unknown[]) => void };
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    reload(event?: { files?: string[]; subtype?: string }): void;
    close(): Promise<void>;
  }
}
