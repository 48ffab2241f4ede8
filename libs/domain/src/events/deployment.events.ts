import { EventFields } from './common';
import { Optional, Required, integer, LIMITS, participant, slug, text } from './field-rules';

/** Events of the stream `deployment-<deployment>`. */
abstract class DeploymentFields extends EventFields {
  @Required(slug) readonly deployment!: string;
}

export class DeploymentRequested extends DeploymentFields {
  declare readonly type: 'DeploymentRequested';
  @Required(slug) readonly organisation!: string;
  @Required(participant) readonly host!: string;
  @Required(participant) readonly requestedBy!: string;
}

export class DeploymentAuthorized extends DeploymentFields {
  declare readonly type: 'DeploymentAuthorized';
  @Required(slug) readonly decidedBy!: string;
  @Required(text(LIMITS.SHORT_TEXT)) readonly legalBasis!: string;
  @Required(text(LIMITS.LONG_TEXT)) readonly mandate!: string;
  @Optional(text(LIMITS.SHORT_TEXT)) readonly duration?: string;
}

export class ContingentDeployed extends DeploymentFields {
  declare readonly type: 'ContingentDeployed';
  @Required(participant) readonly contributor!: string;
  @Optional(integer(1, 1_000_000)) readonly size?: number;
}

export class DeploymentWithdrawalStarted extends DeploymentFields {
  declare readonly type: 'DeploymentWithdrawalStarted';
}

export class DeploymentEnded extends DeploymentFields {
  declare readonly type: 'DeploymentEnded';
}

/** Wire name → class. */
export const DEPLOYMENT_EVENTS = {
  DeploymentRequested,
  DeploymentAuthorized,
  ContingentDeployed,
  DeploymentWithdrawalStarted,
  DeploymentEnded,
} as const;

export type DeploymentEvent = InstanceType<(typeof DEPLOYMENT_EVENTS)[keyof typeof DEPLOYMENT_EVENTS]>;
