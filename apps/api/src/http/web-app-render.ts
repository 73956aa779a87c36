/**
 * A signed-in user's opening page (the dashboard: the renderer says which) rendered here, so that its
 * figures show as the HTML arrives rather than after the app's script has run and asked for them
 * (measured: `npm run bench -- web`).
 * The render is the web app's own (apps/web/src/opening/render.tsx), built into dist/web/.server/render.cjs
 * and required from the build, never from the app's sources. What it renders from is read from the public
 * API over this server's own address with the browser's own cookie: the same routes, policy, scope, rate
 * limits and suppression as if the browser had asked. The answers go into the page beside the render, for
 * the browser to hydrate it with; the page is then the user's alone (web-app.ts: private, no-store).
 */
import { existsSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Opening, openingLinks, withLinks } from './web-app-opening';

type Lang = 'zh-CN' | 'en';

export interface OpeningState {
  path: string;
  lang: Lang;
  answers: Record<string, unknown>;
}

export interface Renderer {
  /** Whether it renders the page at this path (the dashboard); other pages only name their reads. */
  renders(path: string): boolean;
  renderOpening(state: OpeningState): string | undefined;
  warmUp(): void;
}

/** A page's reads must answer within this, or the page is served unrendered (its reads named instead). */
const READS_TIMEOUT_MS = 5_000;
const logger = new Logger('WebApp');

/** The build's renderer, loaded once at start (its first render is the slow one); undefined without it. */
export function loadRenderer(dir: string): Renderer | undefined {
  const file = join(dir, '.server', 'render.cjs');
  if (!existsSync(file)) return undefined;
  try {
    // A build artefact, found at run time: the API does not import the web app's sources.
    const renderer = require(file) as Renderer;
    renderer.warmUp();
    return renderer;
  } catch (error) {
    logger.warn(`pages are served unrendered: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * The page in two parts. First its head without its scripts: the browser sets up the page and reads the
 * style sheet while this server reads the answers. Then the body, with the render and the state it was
 * made from, and the scripts after them: loading and compiling the app (most of a load's CPU) would
 * otherwise compete with those reads on the same cores (measured: `npm run bench -- web`), and the render
 * needs none of it to be drawn. Without a render (a read refused or late) the body names the reads instead.
 */
export async function sendRendered(renderer: Renderer, request: Request, response: Response, index: string, opening: Opening) {
  const lang = langOf(request);
  const root = index.indexOf(EMPTY_ROOT);
  if (root < 0) return void response.type('html').send(withLinks(index, openingLinks(opening))); // not the app's build
  const scripts = index.slice(0, root).match(SCRIPTS) ?? [];
  const head = index
    .slice(0, root)
    .replace(SCRIPTS, '')
    .replace(/<html lang="[^"]*"/, `<html lang="${lang}"`);
  const end = `${openingLinks({ reads: [], modules: opening.modules })}${scripts.join('')}${index.slice(root + EMPTY_ROOT.length)}`;
  response.type('html');
  response.write(head);
  (response as Response & { flush?: () => void }).flush?.(); // through compression's buffer
  let body = `${openingLinks({ reads: opening.reads, modules: [] })}${EMPTY_ROOT}${end}`;
  try {
    const state: OpeningState = { path: request.path, lang, answers: await readAnswers(request, opening.reads) };
    const html = renderer.renderOpening(state);
    if (html !== undefined) body = `<div id="root">${html}</div>${stateScript(state)}${end}`;
  } catch (error) {
    logger.warn(`a page was served unrendered: ${(error as Error).message}`);
  } finally {
    response.end(body);
  }
}

/** The build's script elements and module preloads in index.html's head (Vite writes each on one line). */
const SCRIPTS = /<script\b[^>]*><\/script>\s*|<link rel="modulepreload"[^>]*>\s*/g;

const EMPTY_ROOT = '<div id="root"></div>';

/** The state as a data block: `<` escaped so that no answer's text can end the element; U+2028/9 too. */
function stateScript(state: OpeningState): string {
  const json = JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="opening-state">${json}</script>`;
}

/** The language the browser chose (its `lang` cookie, set by the app), zh-CN otherwise. */
function langOf(request: Request): Lang {
  return /(?:^|;\s*)lang=en(?:;|$)/.test(request.headers.cookie ?? '') ? 'en' : 'zh-CN';
}

/** Each read's answer, by path, from this server as the browser would ask it; the ones not answered 200 left out. */
async function readAnswers(request: Request, reads: string[]): Promise<Record<string, unknown>> {
  const origin = ownOrigin(request);
  const headers = { accept: 'application/json', cookie: request.headers.cookie ?? '' };
  const signal = AbortSignal.timeout(READS_TIMEOUT_MS);
  const answers = await Promise.all(
    reads.map(async (path) => {
      const answer = await getJson(`${origin}${path}`, headers, signal);
      return answer === undefined ? undefined : ([path, answer] as const);
    }),
  );
  return Object.fromEntries(answers.filter((answer) => answer !== undefined));
}

// node:http on kept-alive sockets: a third of fetch()'s CPU a request (measured), on the path of every page.
const ownAgent = new Agent({ keepAlive: true });

/** A 200's JSON body; undefined for any other answer, or one late or unreadable (the browser then asks itself). */
function getJson(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => {
    const asked = get(url, { headers, signal, agent: ownAgent }, (answer) => {
      if (answer.statusCode !== 200) return void answer.resume().on('end', () => resolve(undefined));
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('error', () => resolve(undefined));
      answer.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          resolve(undefined);
        }
      });
    });
    asked.on('error', () => resolve(undefined));
  });
}

/** The address this request reached the server at (a loopback one when the browser is on this machine). */
function ownOrigin(request: Request): string {
  const raw = request.socket.localAddress ?? '127.0.0.1';
  const address = raw.startsWith('::ffff:') ? raw.slice('::ffff:'.length) : raw;
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${request.socket.localPort}`;
}
