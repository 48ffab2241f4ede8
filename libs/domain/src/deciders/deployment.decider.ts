import { DomainError, type InvariantCode } from '../errors';
import { isDeploymentEvent, type DeploymentEvent } from '../events/catalogue';
import { deciderOf } from './decider';

/** A deployment moves forward through these phases and never back. */
export const DEPLOYMENT_PHASES = [
  'none',
  'requested',
  'authorized',
  'deployed',
  'withdrawing',
  'ended',
] as const;
export type DeploymentPhase = (typeof DEPLOYMENT_PHASES)[number];

export interface DeploymentState {
  readonly phase: DeploymentPhase;
}

/** What a fact needs and does: the phases it may happen in, the phase it leads to, and why it is too early. */
interface Step {
  readonly from: readonly DeploymentPhase[];
  readonly to: DeploymentPhase;
  readonly tooEarly: InvariantCode;
}

function stepOf(event: DeploymentEvent): Step {
  switch (event.type) {
    case 'DeploymentRequested':
      return { from: ['none'], to: 'requested', tooEarly: 'DEPLOYMENT_PHASE_PASSED' };
    case 'DeploymentAuthorized':
      return { from: ['requested'], to: 'authorized', tooEarly: 'DEPLOYMENT_NOT_REQUESTED' };
    case 'ContingentDeployed':
      return { from: ['authorized', 'deployed'], to: 'deployed', tooEarly: 'DEPLOYMENT_NOT_AUTHORIZED' };
    case 'DeploymentWithdrawalStarted':
      return { from: ['deployed'], to: 'withdrawing', tooEarly: 'DEPLOYMENT_NOT_DEPLOYED' };
    case 'DeploymentEnded':
      return { from: ['withdrawing'], to: 'ended', tooEarly: 'WITHDRAWAL_NOT_STARTED' };
  }
}

function initialState(): DeploymentState {
  return { phase: 'none' };
}

function evolve(_state: DeploymentState, event: DeploymentEvent): DeploymentState {
  return { phase: stepOf(event).to };
}

function violation(state: DeploymentState, event: DeploymentEvent): DomainError | undefined {
  const step = stepOf(event);
  if (step.from.includes(state.phase)) return undefined;
  const rank = (phase: DeploymentPhase): number => DEPLOYMENT_PHASES.indexOf(phase);
  const tooEarly = rank(state.phase) < Math.min(...step.from.map(rank));
  return new DomainError(
    tooEarly ? step.tooEarly : 'DEPLOYMENT_PHASE_PASSED',
    `${event.type}: ${event.deployment} is ${state.phase === 'none' ? 'not yet requested' : `at phase ${state.phase}`} on ${event.effectiveDate}`,
  );
}

/** The deployment stream: requested → authorized → contingents deployed → withdrawal → ended. */
export const deploymentDecider = deciderOf({ accepts: isDeploymentEvent, initialState, evolve, violation });
