/**
 * Browser sign-in: a session cookie for a username and password, the session's user and CSRF token, and
 * sign-out. Public in the policy table: these answer from the cookie (or the password) themselves.
 */
import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { ActiveSession, Sessions, SignIn, User } from '@libs/accounts';
import { ProblemException } from '../http/problem';
import { SessionDto, SessionUserDto, SignInDto } from './accounts.dto';
import { ApiSessionProblems, ApiSignInProblems, CSRF_HEADER } from './openapi-problems';
import { clearSessionCookie, requireCsrfToken, sessionIdOf, setSessionCookie } from './session-cookie';

export function sessionUser(user: User): SessionUserDto {
  return {
    username: user.username,
    displayName: user.displayName,
    roles: [...user.roles],
    ou: user.ou,
    ...(user.department !== undefined && { department: user.department }),
  };
}

function answer(session: ActiveSession): SessionDto {
  return { user: sessionUser(session.user), csrfToken: session.csrfToken };
}

@ApiTags('sign-in')
@Controller('auth')
export class SessionsController {
  constructor(
    private readonly signIn: SignIn,
    private readonly sessions: Sessions,
  ) {}

  @Post('sessions')
  @ApiOperation({
    summary: 'Sign in: sets the fl_session cookie (HttpOnly, SameSite=Strict)',
    description: '401 invalid-credentials for a wrong username or password alike; 429 with Retry-After after repeated failures.',
  })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiSignInProblems()
  async create(@Body() body: SignInDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    const result = await this.signIn.attempt(body.username, body.password, request.ip ?? 'unknown');
    if (result.kind === 'throttled') {
      response.setHeader('Retry-After', String(result.retryAfterSeconds));
      throw ProblemException.of(429, 'sign-in-throttled', 'too many failed sign-ins; wait before trying again', {
        retryAfterSeconds: result.retryAfterSeconds,
      });
    }
    if (result.kind === 'invalid-credentials') throw ProblemException.of(401, 'invalid-credentials', 'the username or password is wrong');
    // The browser's previous session (perhaps another user's on a shared machine) ends with the new one.
    const previous = sessionIdOf(request);
    if (previous !== undefined) await this.sessions.end(previous);
    setSessionCookie(request, response, result.session.id);
    return answer(result.session);
  }

  @Get('session')
  @ApiOperation({ summary: "The signed-in user and the session's CSRF token; 401 without a live session cookie" })
  @ApiOkResponse({ type: SessionDto })
  @ApiSessionProblems()
  async current(@Req() request: Request): Promise<SessionDto> {
    const id = sessionIdOf(request);
    const session = id === undefined ? undefined : await this.sessions.find(id);
    if (!session) throw ProblemException.of(401, 'unauthenticated', 'no live session: sign in at POST /auth/sessions');
    return answer(session);
  }

  @Delete('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session and clears the cookie (needs X-CSRF-Token)' })
  @ApiNoContentResponse()
  @ApiSessionProblems()
  @CSRF_HEADER
  async end(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const id = sessionIdOf(request);
    const session = id === undefined ? undefined : await this.sessions.find(id);
    if (id !== undefined && session) {
      requireCsrfToken(request, id);
      await this.sessions.end(id);
    }
    clearSessionCookie(request, response);
  }
}
