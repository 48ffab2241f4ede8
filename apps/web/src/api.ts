import type { AuditTrail, OrganisationEntry } from '@app/history';
import type { OrganisationHistory, OrganisationState } from '@app/projections';
import type { ParticipantName } from './names';

/** A problem+json answer, or a network failure, in words for the page. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The query arguments the server refused, each with its reason. */
    readonly fields: readonly { readonly path: string; readonly reason: string }[] = [],
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'annals.token';

/** The API the page is served by, with the reader token the user gave, if the server asks for one. */
export class Api {
  token: string | null = sessionStorage.getItem(TOKEN_KEY);

  useToken(token: string): void {
    this.token = token;
    sessionStorage.setItem(TOKEN_KEY, token);
  }

  organisations(knownAt: string | null): Promise<{ organisations: OrganisationEntry[] }> {
    return this.get('/organisations', { knownAt });
  }

  history(organisation: string, knownAt: string | null): Promise<OrganisationHistory> {
    return this.get(`/organisations/${encodeURIComponent(organisation)}/history`, { knownAt });
  }

  state(
    organisation: string,
    asOf: string,
    knownAt: string | null,
    signal?: AbortSignal,
  ): Promise<OrganisationState> {
    return this.get(`/organisations/${encodeURIComponent(organisation)}/state`, { asOf, knownAt }, signal);
  }

  participantNames(): Promise<{ participants: ParticipantName[] }> {
    return this.get('/participant-names', {});
  }

  event(id: string): Promise<AuditTrail> {
    return this.get(`/events/${encodeURIComponent(id)}`, {});
  }

  private async get<T>(path: string, query: Record<string, string | null>, signal?: AbortSignal): Promise<T> {
    const search = new URLSearchParams(
      Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== null),
    );
    const url = search.toString() === '' ? path : `${path}?${search.toString()}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token !== null) headers['authorization'] = `Bearer ${this.token}`;
    const response = await fetch(url, { headers, ...(signal ? { signal } : {}) });
    if (response.ok) return (await response.json()) as T;
    const problem = (await response.json().catch(() => ({}))) as {
      title?: string;
      detail?: string;
      errors?: { path: string; reason: string }[];
    };
    const details = problem.errors?.map((e) => `${e.path}: ${e.reason}`).join('; ') ?? problem.detail ?? '';
    throw new ApiError(
      response.status,
      `${problem.title ?? response.statusText}${details ? ` — ${details}` : ''}`,
      problem.errors ?? [],
    );
  }
}
