import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadYaml } from '../../src/parse/yaml.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string; license: string; files: string[] };

describe('package metadata', () => {
  it('CITATION.cff names the current version, the data licence and the source it derives from', () => {
    const cff = loadYaml(readFileSync(`${ROOT}/CITATION.cff`, 'utf8')).value as Record<string, unknown>;
    expect(cff['cff-version']).toBe('1.2.0');
    expect(cff.version).toBe(pkg.version);
    expect(cff.license).toBe('CC-BY-SA-4.0');
    expect(JSON.stringify(cff.references)).toContain('Kleptocracy Timeline');
  });

  it('keeps the code and data licences apart', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(`${ROOT}/LICENSE`, 'utf8')).toContain('MIT License');
    expect(readFileSync(`${ROOT}/DATA_LICENSE`, 'utf8')).toContain('CC BY-SA 4.0');
    expect(pkg.files).toContain('DATA_LICENSE');
  });

  it('has a CHANGELOG entry for the current version or Unreleased', () => {
    expect(readFileSync(`${ROOT}/CHANGELOG.md`, 'utf8')).toMatch(new RegExp(`## (Unreleased|${pkg.version.replace(/\./g, '\\.')})`));
  });
});
