/** Administration of local user accounts (admin only, see the policy table). Passwords are never answered. */
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountError, User, Users } from '@libs/accounts';
import { ProblemException } from '../http/problem';
import { NewUserDto, PasswordDto, UserDto, UserListDto, UsernameParams } from './accounts.dto';
import { ApiUserProblems } from './openapi-problems';
import { sessionUser } from './sessions.controller';

function userAnswer(user: User): UserDto {
  return { ...sessionUser(user), disabled: user.disabled, createdAt: user.createdAt };
}

function problemOf(error: unknown): unknown {
  if (!(error instanceof AccountError)) return error;
  if (error.code === 'user-exists') return ProblemException.of(409, 'user-exists', error.message);
  if (error.code === 'user-not-found') return ProblemException.of(404, 'not-found', error.message);
  return ProblemException.of(400, 'invalid-request', error.message, {
    errors: [{ field: error.field, rule: error.rule, message: error.message }],
  });
}

@ApiTags('users')
@ApiUserProblems()
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: Users) {}

  @Get()
  @ApiOperation({ summary: 'Every local user account' })
  @ApiOkResponse({ type: UserListDto })
  async list(): Promise<UserListDto> {
    return { items: (await this.users.list()).map(userAnswer) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a local user with roles and an org-unit scope' })
  @ApiCreatedResponse({ type: UserDto })
  async create(@Body() body: NewUserDto): Promise<UserDto> {
    return userAnswer(await this.users.create(body).catch((error: unknown) => Promise.reject(problemOf(error))));
  }

  @Post(':username/password')
  @HttpCode(204)
  @ApiOperation({ summary: "Set a user's password; their sessions end" })
  @ApiNoContentResponse()
  async setPassword(@Param() { username }: UsernameParams, @Body() body: PasswordDto): Promise<void> {
    await this.users.setPassword(username, body.password).catch((error: unknown) => Promise.reject(problemOf(error)));
  }

  @Post(':username/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Disable a user; their sessions end and they cannot sign in' })
  @ApiNoContentResponse()
  async disable(@Param() { username }: UsernameParams): Promise<void> {
    await this.users.disable(username).catch((error: unknown) => Promise.reject(problemOf(error)));
  }
}
