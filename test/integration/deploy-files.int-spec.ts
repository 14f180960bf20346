import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { generateKeys, keysAsEnv } from '../../src/config/generate-keys';
import { ConfigError, loadConfig, type Env } from '../../src/config/load-config';
import { HealthController } from '../../src/health/health.controller';
import { configVariableNames } from '../support/config-variables';

/**
 * There is no Docker engine or cluster here, so the deployment files are checked against the
 * code instead: the variable names against what loadConfig reads, the values through loadConfig
 * itself, the probes against the health routes, and the example Strapi against its config files.
 */
const root = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const bffVariables = configVariableNames();

// ---- docker compose ----------------------------------------------------------------------------

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean | null>;
  ports?: string[];
  profiles?: string[];
  depends_on?: Record<string, { condition: string }>;
}

const composeText = read('docker-compose.yml');
const compose = parse(composeText) as { services: Record<string, ComposeService> };
const services = compose.services;

interface Interpolation {
  name: string;
  /** `:-`/`-` give a default, `:?`/`?` demand a value; none means "empty when unset". */
  operator: string | undefined;
}

const INTERPOLATION = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

function interpolations(text: string): Interpolation[] {
  return [...text.matchAll(INTERPOLATION)].filter(([match]) => match !== '$$').map((match) => ({ name: match[1] ?? match[4], operator: match[2] }));
}

/** What docker compose makes of a value, given the .env it reads. */
function interpolate(value: string, variables: Record<string, string>): string {
  return value.replace(INTERPOLATION, (match, braced: string | undefined, operator: string | undefined, argument: string | undefined, bare: string | undefined) => {
    if (match === '$$') return '$';
    const name = (braced ?? bare)!;
    const given = variables[name];
    const missing = given === undefined || (operator?.startsWith(':') === true && given === '');
    if (operator?.endsWith('?') && missing) throw new Error(`compose would stop: ${name}: ${argument}`);
    if (operator?.endsWith('-') && missing) return argument ?? '';
    return given ?? '';
  });
}

function environmentOf(service: string, variables: Record<string, string>): Env {
  const environment = services[service].environment ?? {};
  return Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, interpolate(String(value ?? ''), variables)]));
}

/** `NAME=value` lines, and `# NAME=value` ones that a user uncomments; quotes as compose reads them. */
function envFileEntries(text: string): Map<string, { value: string; commented: boolean }> {
  const entries = new Map<string, { value: string; commented: boolean }>();
  for (const line of text.split('\n')) {
    const match = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) entries.set(match[2], { value: match[3].replace(/^'(.*)'$/, '$1'), commented: match[1] !== undefined });
  }
  return entries;
}

const envExample = envFileEntries(read('.env.example'));
const generated = generateKeys();
const keyLines = envFileEntries(keysAsEnv(generated));

/** The .env a user ends up with: .env.example filled in, with the keys keys:generate appends. */
function filledInDotEnv(): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, { value, commented }] of envExample) {
    if (!commented) variables[name] = value === '' ? `filled-in-${name.toLowerCase()}-0123456789abcdef` : value;
  }
  // Optional settings left empty stay empty.
  for (const optional of ['JWT_PREVIOUS_PUBLIC_KEYS', 'CORS_ORIGINS', 'STRAPI_API_TOKEN', 'PUBLIC_URL', 'REDIS_URL', 'PWNED_PASSWORDS_URL']) variables[optional] = '';
  for (const [name, { value, commented }] of keyLines) if (!commented) variables[name] = value;
  return variables;
}

describe('docker-compose.yml and .env.example', () => {
  it('runs Postgres, the example Strapi, the BFF, and Redis only under the redis profile', () => {
    expect(Object.keys(services).sort()).toEqual(['bff', 'postgres', 'redis', 'strapi']);
    expect(services.redis.profiles).toEqual(['redis']);
    for (const always of ['bff', 'postgres', 'strapi']) expect(services[always].profiles).toBeUndefined();
    expect(services.bff.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
  });

  it('gives the BFF only variables the BFF reads', () => {
    const unknown = Object.keys(services.bff.environment ?? {}).filter((name) => !bffVariables.has(name));
    expect(unknown).toEqual([]);
  });

  it('bakes into the image only variables the BFF reads', () => {
    const dockerfile = read('Dockerfile').replace(/\\\n\s*/g, ' ');
    const names = [...dockerfile.matchAll(/^ENV (.+)$/gm)].flatMap(([, pairs]) => pairs.trim().split(/\s+/).map((pair) => pair.split('=')[0]));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !bffVariables.has(name))).toEqual([]);
  });

  it('starts the BFF in production, on the compose Postgres and Strapi, once .env is filled in as .env.example says', () => {
    const dotEnv = filledInDotEnv();
    const config = loadConfig(environmentOf('bff', dotEnv), join(root, 'does-not-exist'));
    expect(config.env).toBe('production');
    expect(config.keys.signing.kid).toBe(generated.kid);
    expect(config.keys.devKeysFile).toBeUndefined();

    const database = new URL(config.database.url!);
    const postgres = environmentOf('postgres', dotEnv);
    expect({ host: database.hostname, user: database.username, password: decodeURIComponent(database.password), db: database.pathname.slice(1) }).toEqual({
      host: 'postgres',
      user: postgres.POSTGRES_USER,
      password: postgres.POSTGRES_PASSWORD,
      db: postgres.POSTGRES_DB,
    });
    expect(new URL(config.strapi.url).hostname).toBe('strapi');
  });

  it('refuses to start without the secrets, with a message pointing at .env.example', () => {
    const dotEnv = filledInDotEnv();
    for (const secret of ['SESSION_ENCRYPTION_KEY', 'JWT_PRIVATE_KEY', 'POSTGRES_PASSWORD']) {
      const without = Object.fromEntries(Object.entries(dotEnv).filter(([name]) => name !== secret));
      expect(() => environmentOf(secret === 'POSTGRES_PASSWORD' ? 'postgres' : 'bff', without)).toThrow(/\.env\.example/);
    }
  });

  it('takes every key keys:generate prints under the name it prints', () => {
    const printed = [...keyLines].filter(([, { commented }]) => !commented).map(([name]) => name);
    expect(printed.sort()).toEqual(['JWT_PRIVATE_KEY', 'SESSION_ENCRYPTION_KEY']);
    for (const name of printed) expect(services.bff.environment?.[name]).toContain(`\${${name}:?`);
  });

  it('lists in .env.example every variable compose needs, and nothing compose does not use', () => {
    const used = interpolations(composeText);
    const required = used.filter(({ operator }) => operator === undefined || operator.endsWith('?')).map(({ name }) => name);
    expect(required.filter((name) => !envExample.has(name))).toEqual([]);
    const usedNames = new Set(used.map(({ name }) => name));
    expect([...envExample.keys()].filter((name) => !usedNames.has(name))).toEqual([]);
  });

  it('keeps real secrets out of .env.example', () => {
    for (const [name, { value, commented }] of envExample) {
      if (/KEY|SECRET|SALT|PASSWORD|TOKEN/.test(name) && !commented) expect({ name, value }).toEqual({ name, value: '' });
    }
  });
});

// ---- the example Strapi ------------------------------------------------------------------------

type Lookup = (name: string, fallback?: unknown) => unknown;
type StrapiEnv = Lookup & { int: Lookup; float: Lookup; bool: Lookup; json: Lookup; date: Lookup; array: Lookup };

/** Strapi's `env` helper, recording which variables a config file reads without a fallback. */
function recordingStrapiEnv(values: Env): { env: StrapiEnv; required: Set<string> } {
  const required = new Set<string>();
  const lookUp = (name: string, fallback?: unknown): unknown => {
    if (fallback === undefined) required.add(name);
    return values[name] ?? fallback;
  };
  const env: StrapiEnv = Object.assign(lookUp, {
    int: lookUp,
    float: lookUp,
    bool: lookUp,
    json: lookUp,
    date: lookUp,
    array: (name: string, fallback?: unknown) => {
      const value = lookUp(name, fallback);
      return typeof value === 'string' ? value.split(',') : value;
    },
  });
  return { env, required };
}

const fixtureDir = join(root, 'test', 'strapi-fixture');
const exampleConfigDir = join(root, 'docker', 'strapi', 'config');
// Node's own require: jest keeps the fixture out of its module map.
const nodeRequire = createRequire(join(root, 'package.json'));

/** The config folder of the example image: the fixture's, with docker/strapi/config's files on top. */
function exampleStrapiConfig(values: Env): { config: Record<string, unknown>; required: Set<string> } {
  const { env, required } = recordingStrapiEnv(values);
  const files = new Map(readdirSync(join(fixtureDir, 'config')).map((file) => [file, join(fixtureDir, 'config', file)]));
  for (const file of readdirSync(exampleConfigDir)) files.set(file, join(exampleConfigDir, file));
  const config: Record<string, unknown> = {};
  for (const [file, path] of files) {
    const exported = nodeRequire(path) as unknown;
    config[file.replace(/\.js$/, '')] = typeof exported === 'function' ? (exported as (context: { env: StrapiEnv }) => unknown)({ env }) : exported;
  }
  return { config, required };
}

describe('the example Strapi (docker/strapi)', () => {
  it('replaces only files the fixture has', () => {
    const fixtureFiles = new Set(readdirSync(join(fixtureDir, 'config')));
    expect(readdirSync(exampleConfigDir).filter((file) => !fixtureFiles.has(file))).toEqual([]);
  });

  it('trusts the BFF’s forwarded headers the way Strapi 5 reads it (server.proxy.koa)', () => {
    const { config } = exampleStrapiConfig(environmentOf('strapi', filledInDotEnv()));
    expect((config.server as { proxy: unknown }).proxy).toEqual({ koa: true });
  });

  it('gets from compose every variable its config reads without a fallback', () => {
    const environment = environmentOf('strapi', filledInDotEnv());
    const { required } = exampleStrapiConfig(environment);
    expect(required.size).toBeGreaterThan(0);
    expect([...required].filter((name) => !environment[name])).toEqual([]);
  });

  it('is reachable only through the BFF', () => {
    expect(services.strapi.ports).toBeUndefined();
  });

  it('leaves out every test-only API of the fixture', () => {
    const dockerfile = read('docker/strapi/Dockerfile');
    const testApis = readdirSync(join(fixtureDir, 'src', 'api')).filter((name) => name.startsWith('test-'));
    expect(testApis.length).toBeGreaterThan(0);
    expect(testApis.filter((name) => !new RegExp(`rm -rf[^\\n]*src/api/${name}\\b`).test(dockerfile))).toEqual([]);
  });
});

// ---- Kubernetes --------------------------------------------------------------------------------

interface Probe {
  httpGet: { path: string; port: string | number };
}

interface Container {
  name: string;
  ports: Array<{ name: string; containerPort: number }>;
  env: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string; optional?: boolean } } }>;
  startupProbe?: Probe;
  livenessProbe: Probe;
  readinessProbe: Probe;
}

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown>;
  stringData?: Record<string, string>;
  resources?: string[];
}

const manifestDir = join(root, 'deploy', 'kubernetes');
const manifestFiles = readdirSync(manifestDir).filter((file) => file.endsWith('.yaml'));
const manifests = manifestFiles.flatMap((file) => parseAllDocuments(readFileSync(join(manifestDir, file), 'utf8')).map((document) => ({ file, manifest: document.toJS() as Manifest })));

function only(kind: string): Manifest {
  const found = manifests.filter(({ manifest }) => manifest.kind === kind);
  expect(found).toHaveLength(1);
  return found[0].manifest;
}

const deployment = only('Deployment');
const podTemplate = deployment.spec.template as { metadata: { labels: Record<string, string> }; spec: { containers: Container[] } };
const container = podTemplate.spec.containers[0];
const secret = only('Secret');

/** The container's environment, with the Secret's values (or replacements for them) filled in. */
function containerEnv(secretValues: Record<string, string>): Env {
  return Object.fromEntries(container.env.map((entry) => [entry.name, entry.value ?? secretValues[entry.valueFrom!.secretKeyRef.key]]));
}

function routeOf(method: keyof HealthController): string {
  return `/${Reflect.getMetadata('path', HealthController) as string}/${Reflect.getMetadata('path', HealthController.prototype[method]) as string}`;
}

const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([key, value]) => labels[key] === value);

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  it('has a Deployment, a Service, a Secret template and a PodDisruptionBudget; kustomize applies all but the template', () => {
    expect(manifests.map(({ manifest }) => manifest.kind).sort()).toEqual(['Deployment', 'Kustomization', 'PodDisruptionBudget', 'Secret', 'Service']);
    const secretFile = manifests.find(({ manifest }) => manifest.kind === 'Secret')!.file;
    const kustomization = only('Kustomization');
    expect([...kustomization.resources!].sort()).toEqual(manifestFiles.filter((file) => file !== 'kustomization.yaml' && file !== secretFile).sort());
  });

  it('gives the BFF only variables the BFF reads', () => {
    expect(container.env.map((entry) => entry.name).filter((name) => !bffVariables.has(name))).toEqual([]);
  });

  it('takes the secrets from the Secret the template describes', () => {
    const references = container.env.flatMap((entry) => (entry.valueFrom ? [entry.valueFrom.secretKeyRef] : []));
    expect(references.map((reference) => reference.key).sort()).toEqual(expect.arrayContaining(['DATABASE_URL', 'JWT_PRIVATE_KEY', 'SESSION_ENCRYPTION_KEY']));
    for (const reference of references) {
      expect(reference.name).toBe(secret.metadata.name);
      expect(Object.keys(secret.stringData!)).toContain(reference.key);
    }
  });

  it('cannot go live with the template’s placeholder secrets', () => {
    let refusal: unknown;
    try {
      loadConfig(containerEnv(secret.stringData!), join(root, 'does-not-exist'));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as ConfigError).problems.join('\n')).toMatch(/SESSION_ENCRYPTION_KEY[\s\S]*JWT_PRIVATE_KEY/);
  });

  it('starts in production on all interfaces, on the container port the probes use, with real secrets', () => {
    const config = loadConfig(
      containerEnv({ ...secret.stringData!, SESSION_ENCRYPTION_KEY: generated.sessionEncryptionKey, JWT_PRIVATE_KEY: generated.jwtPrivateKey }),
      join(root, 'does-not-exist'),
    );
    expect(config.env).toBe('production');
    expect(config.host).toBe('0.0.0.0');
    expect(config.database.url).toBeDefined();
    expect(container.ports).toEqual([{ name: 'http', containerPort: config.port }]);
  });

  it('probes liveness and startup at /health/live and readiness at /health/ready, on the named port', () => {
    expect(container.livenessProbe.httpGet).toEqual({ path: routeOf('live'), port: 'http' });
    expect(container.startupProbe?.httpGet).toEqual({ path: routeOf('live'), port: 'http' });
    expect(container.readinessProbe.httpGet).toEqual({ path: routeOf('ready'), port: 'http' });
  });

  it('runs several instances, and the Service and the disruption budget select exactly them', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    const service = only('Service');
    const pdb = only('PodDisruptionBudget');
    const labels = podTemplate.metadata.labels;
    expect(matches((deployment.spec.selector as { matchLabels: Record<string, string> }).matchLabels, labels)).toBe(true);
    expect(matches(service.spec.selector as Record<string, string>, labels)).toBe(true);
    expect(service.spec.ports).toEqual([expect.objectContaining({ targetPort: 'http' })]);
    expect(matches((pdb.spec.selector as { matchLabels: Record<string, string> }).matchLabels, labels)).toBe(true);
    // The budget must leave room to drain a node, and keep an instance serving while it does.
    expect(pdb.spec.maxUnavailable).toBeGreaterThanOrEqual(1);
    expect(pdb.spec.maxUnavailable).toBeLessThan(deployment.spec.replicas as number);
  });
});
