import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * No Docker engine runs here, so `docker compose config` cannot: the two Compose files are parsed instead (with
 * YAML merge keys, as Compose reads them) and checked for what a real start needs.
 */
interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  networks?: string[] | Record<string, unknown>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, unknown>;
}

const ROOT = join(__dirname, '..', '..', '..', '..');
const read = (file: string): ComposeFile =>
  parse(readFileSync(join(ROOT, file), 'utf8'), { merge: true }) as ComposeFile;
const nodesOf = (compose: ComposeFile): [string, Service][] =>
  Object.entries(compose.services).filter(([, service]) => service.image?.startsWith('eventstore/'));
const healthCommand = (service: Service): string => service.healthcheck?.test.slice(1).join(' ') ?? '';

describe.each(['docker-compose.yml', 'docker-compose.cluster.yml'])(
  '%s, parsed (no Docker engine runs here)',
  (file) => {
    const compose = read(file);
    const nodes = nodesOf(compose);
    const api = compose.services['api']!;

    it('declares every named volume and network its services use, and each service has an image or a build', () => {
      for (const [name, service] of Object.entries(compose.services)) {
        expect([name, Boolean(service.image ?? service.build)]).toEqual([name, true]);
        for (const volume of service.volumes ?? []) {
          const source = volume.split(':')[0]!;
          if (!source.startsWith('.') && !source.startsWith('/'))
            expect(Object.keys(compose.volumes ?? {})).toContain(source);
        }
        const networks = Array.isArray(service.networks)
          ? service.networks
          : Object.keys(service.networks ?? {});
        for (const network of networks) expect(Object.keys(compose.networks ?? {})).toContain(network);
      }
    });

    it('runs no EventStoreDB projection: annals uses none, and the standard ones fill $all with link events', () => {
      expect(nodes.length).toBeGreaterThan(0);
      for (const [, node] of nodes) {
        expect(node.environment).toMatchObject({
          EVENTSTORE_RUN_PROJECTIONS: 'None',
          EVENTSTORE_START_STANDARD_PROJECTIONS: 'false',
        });
      }
    });

    it('calls a node healthy only once it is ready with a leader, not merely live', () => {
      for (const [, node] of nodes) {
        const check = healthCommand(node);
        expect(check).toContain('http://localhost:2113/info');
        expect(check).toMatch(/\(leader\|follower\)/);
        expect(check).not.toContain('/health/live');
      }
    });

    it('keeps each node’s data and logs in named volumes and publishes its HTTP port', () => {
      const published = nodes.map(([, node]) => node.ports?.[0]?.split(':')[0]);
      expect(new Set(published).size).toBe(nodes.length);
      for (const [, node] of nodes) {
        expect(node.ports).toEqual([expect.stringMatching(/^\d+:2113$/)]);
        const mounts = (node.volumes ?? []).map((volume) => volume.split(':')[1]);
        expect(mounts).toEqual(expect.arrayContaining(['/var/lib/eventstore', '/var/log/eventstore']));
      }
    });

    it('starts the API once every node is ready, with a health check and writer tokens from the environment', () => {
      expect(Object.keys(api.depends_on ?? {}).sort()).toEqual(nodes.map(([name]) => name).sort());
      for (const dependency of Object.values(api.depends_on ?? {}))
        expect(dependency.condition).toBe('service_healthy');
      expect(healthCommand(api)).toContain('http://127.0.0.1:3000/health');
      expect(api.environment).toMatchObject({
        ANNALS_STORE: 'eventstoredb',
        ANNALS_WRITER_TOKENS: '${ANNALS_WRITER_TOKENS:-}',
        HOST: '0.0.0.0',
      });
      const hosts = /^esdb:\/\/([^?]+)\?/
        .exec(String(api.environment?.['EVENTSTORE_CONNECTION_STRING']))?.[1]
        ?.split(',');
      expect(hosts).toEqual(nodes.map(([name]) => `${name}:2113`));
    });
  },
);

describe('docker-compose.cluster.yml, its gossip (no Docker engine runs here)', () => {
  it("lists only each node's peers in its gossip seed, and advertises each node by its service name", () => {
    const nodes = nodesOf(read('docker-compose.cluster.yml'));
    expect(nodes).toHaveLength(3);
    for (const [name, node] of nodes) {
      const seeds = String(node.environment?.['EVENTSTORE_GOSSIP_SEED']).split(',');
      const peers = nodes.filter(([other]) => other !== name).map(([other]) => `${other}:2113`);
      expect([name, seeds.sort()]).toEqual([name, peers.sort()]);
      expect(node.environment).toMatchObject({
        EVENTSTORE_CLUSTER_SIZE: 3,
        EVENTSTORE_ADVERTISE_HOST_TO_CLIENT_AS: name,
      });
    }
  });
});
