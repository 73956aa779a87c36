/**
 * Every route the running app answers, read from Express's router stack (Nest's controllers and anything
 * mounted directly, such as the OpenAPI page), so that tests can hold each one against the policy table.
 */
import { NestExpressApplication } from '@nestjs/platform-express';

export interface RegisteredRoute {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

export function registeredRoutes(app: NestExpressApplication): RegisteredRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = express.router?.stack ?? express._router?.stack ?? [];
  const routes = new Map<string, RegisteredRoute>();
  const walk = (layers: Layer[]) => {
    for (const layer of layers) {
      if (layer.route && typeof layer.route.path === 'string') {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (!on || method === '_all') continue;
          const route = { method: method.toUpperCase(), path: layer.route.path };
          routes.set(`${route.method} ${route.path}`, route);
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk(stack);
  return [...routes.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
