// Accounts: sign-up, sign-in, sign-out, password changes and the "me" view of the signed-in person.
import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { ChangePassword } from './commands/changePassword';
import { LogIn } from './commands/logIn';
import { SignUp } from './commands/signUp';
import { SwitchWorkspace } from './commands/switchWorkspace';
import { MeController } from './me.controller';
import { GetMe } from './queries/getMe';

@Module({
  controllers: [AuthController, MeController],
  providers: [SignUp, LogIn, ChangePassword, SwitchWorkspace, GetMe],
  exports: [GetMe],
})
export class AccountsModule {}
