/** Types of ./build-web.js (plain JavaScript, so that it runs without the TypeScript build). */
export type ViteRunner = (root: string, web: string, quiet: boolean) => void;
export function buildWeb(options?: { force?: boolean; quiet?: boolean; root?: string; run?: ViteRunner }): boolean;
export function sourceHash(root?: string): string;
