import { Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller';

/** Erasure, restriction and the access log; the security providers come from the global AuthModule. */
@Module({ controllers: [PrivacyController] })
export class PrivacyModule {}
