/**
 * Applies small-cell suppression to JSON answers of the endpoints whose policy entry asks for it, so the
 * indicator endpoints need not each remember to. Answers shaped `{ rows: [...] }` (or a bare array) are
 * suppressed; CSV and other text answers must call suppressSmallCells themselves.
 */
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { map, Observable } from 'rxjs';
import { suppressSmallCells } from '@libs/auth';
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
  if (Array.isArray(body)) return suppressSmallCells(body, request.principal);
  if (body !== null && typeof body === 'object' && Array.isArray((body as { rows?: unknown }).rows)) {
    return { ...body, rows: suppressSmallCells((body as { rows: Record<string, unknown>[] }).rows, request.principal) };
  }
  return body;
}
