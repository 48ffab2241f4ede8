import { streamId } from '@app/domain';
import type { DeploymentRow } from '../queries/organisation-state';
import { byText, when, type Record, type When } from './record';

export interface Deployment {
  readonly id: string;
  readonly organisation: string;
  readonly host: string;
  readonly requested: When;
  readonly authorized: When | null;
  readonly contingents: readonly (When & { readonly contributor: string })[];
  readonly withdrawalStarted: When | null;
  readonly ended: When | null;
}

/** The organisation's deployments (those it was requested of), by id. */
export function deploymentsOf(record: Record, organisation: string): Deployment[] {
  return record
    .ids('deployment')
    .map((id) => readDeployment(record, id))
    .filter((deployment): deployment is Deployment => deployment?.organisation === organisation)
    .sort((a, b) => byText(a.id, b.id));
}

/** A deployment as its stream tells it: the first fact of each phase, every contingent. Undefined until requested. */
function readDeployment(record: Record, id: string): Deployment | undefined {
  let requested: (When & { organisation: string; host: string }) | null = null;
  let authorized: When | null = null;
  let withdrawalStarted: When | null = null;
  let ended: When | null = null;
  const contingents: (When & { contributor: string })[] = [];
  for (const fact of record.stream(streamId('deployment', id))) {
    const event = fact.event;
    const at = when(fact);
    switch (event.type) {
      case 'DeploymentRequested':
        requested ??= { ...at, organisation: event.organisation, host: event.host };
        break;
      case 'DeploymentAuthorized':
        authorized ??= at;
        break;
      case 'ContingentDeployed':
        contingents.push({ ...at, contributor: event.contributor });
        break;
      case 'DeploymentWithdrawalStarted':
        withdrawalStarted ??= at;
        break;
      case 'DeploymentEnded':
        ended ??= at;
        break;
      default:
        break;
    }
  }
  if (requested === null) return undefined;
  const { organisation, host, ...at } = requested;
  return { id, organisation, host, requested: at, authorized, contingents, withdrawalStarted, ended };
}

/** The phases the record has reached, in the order of phases (not of dates), each with the fact that began it. */
export function phasesOf(deployment: Deployment): { status: DeploymentRow['status'] | 'ended'; at: When }[] {
  const phases: [DeploymentRow['status'] | 'ended', When | null | undefined][] = [
    ['requested', deployment.requested],
    ['authorized', deployment.authorized],
    ['active', deployment.contingents[0]],
    ['withdrawing', deployment.withdrawalStarted],
    ['ended', deployment.ended],
  ];
  return phases.flatMap(([status, at]) => (at ? [{ status, at }] : []));
}
