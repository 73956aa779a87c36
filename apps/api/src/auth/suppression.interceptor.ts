/**
 * Applies small-cell suppression to JSON answers of the endpoints whose policy entry asks for it, so the
 * indicator endpoints need not each remember to. Answers shaped `{ rows: [...] }` (or a bare array) are
 * suppressed, complements within the groups of siblings the rows hold included; an answer its controller
 * suppressed with its siblings (markSuppressed) passes as it is. CSV and other text answers must be suppressed
 * by their controllers.
 */
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { map, Observable } from 'rxjs';
import { CellLayout, isSuppressed, suppressCells } from '@libs/auth';
import { parentOrgUnit } from '@libs/indicators';
import { AuthenticatedRequest } from './access.guard';

@Injectable()
export class SuppressionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.policy?.suppressSmallCells) return next.handle();
    return next.handle().pipe(map((body: unknown) => suppressBody(body, request)));
  }
}

function suppressBody(body: unknown, request: AuthenticatedRequest): unknown {
  if (isSuppressed(body)) return body;
  if (Array.isArray(body)) return suppressCells(body, request.principal, layoutOf(undefined));
  if (body !== null && typeof body === 'object' && Array.isArray((body as { rows?: unknown }).rows)) {
    const { rows, by } = body as { rows: Record<string, unknown>[]; by?: unknown };
    return { ...body, rows: suppressCells(rows, request.principal, layoutOf(by)) };
  }
  return body;
}

function layoutOf(by: unknown): CellLayout {
  const names = Array.isArray(by) ? by.filter((name): name is string => typeof name === 'string') : [];
  return { by: names, parentOf: parentOrgUnit };
}
