// HTTP edge for signing up, in and out, and changing the password; sets and clears the session cookie.
import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChangePasswordBody, LoginBody, Routes, SignUpBody, type Me } from '@glossa/contracts';
import { CurrentActor, Public, type Actor } from '../auth/actor';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../auth/cookies';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { parseInput } from '../common/domain-error';
import { Sessions } from '../sessions/sessions';
import { ChangePassword } from './commands/changePassword';
import { LogIn } from './commands/logIn';
import { SignUp } from './commands/signUp';
import { GetMe } from './queries/getMe';

@Controller()
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signUp: SignUp,
    private readonly logIn: LogIn,
    private readonly changePassword: ChangePassword,
    private readonly sessions: Sessions,
    private readonly getMe: GetMe,
  ) {}

  @Public()
  @Post(Routes.signUp)
  @HttpCode(201)
  async signUpRoute(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: unknown): Promise<Me> {
    const input = parseInput(SignUpBody, body);
    const previous = readSessionCookie(request, this.config);
    const { userId, session } = await this.signUp.run(input, request.ip);
    if (previous !== undefined) await this.sessions.end(previous);
    setSessionCookie(reply, this.config, session.id);
    return this.getMe.run(userId);
  }

  @Public()
  @Post(Routes.login)
  @HttpCode(200)
  async login(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: unknown): Promise<Me> {
    const input = parseInput(LoginBody, body);
    const { userId, session } = await this.logIn.run(input, request.ip, readSessionCookie(request, this.config));
    setSessionCookie(reply, this.config, session.id);
    return this.getMe.run(userId);
  }

  @Public()
  @Post(Routes.logout)
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const sessionId = readSessionCookie(request, this.config);
    if (sessionId !== undefined) await this.sessions.end(sessionId);
    clearSessionCookie(reply, this.config);
  }

  @Post(Routes.password)
  @HttpCode(204)
  async password(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<void> {
    await this.changePassword.run(actor, parseInput(ChangePasswordBody, body));
  }
}
