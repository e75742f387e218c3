import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditOrigins } from '../../src/background/live-audit-service';
import { EXCHANGE_IDS } from '../../src/exchanges/types';

interface Manifest {
  permissions: string[];
  optional_permissions: string[];
  optional_host_permissions: string[];
  host_permissions?: string[];
  content_scripts: { matches: string[] }[];
}

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Manifest;
const readme = readFileSync('README.md', 'utf8');
const permissionsSection = readme.slice(
  readme.indexOf('## Permissions'),
  readme.indexOf('## ', readme.indexOf('## Permissions') + 3),
);

describe('manifest permissions', () => {
  it('asks for no host access up front: API hosts are optional, requested when a live audit is first run', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    const needed = [...new Set(EXCHANGE_IDS.flatMap((id) => auditOrigins(id)))].sort();
    expect([...manifest.optional_host_permissions].sort()).toEqual(needed);
  });

  it('explains every permission in the README', () => {
    for (const permission of [...manifest.permissions, ...manifest.optional_permissions]) {
      expect(permissionsSection, permission).toContain(`\`${permission}\``);
    }
    expect(permissionsSection).toContain('optional host permissions');
    expect(permissionsSection).toContain('`<all_urls>`');
  });
});
