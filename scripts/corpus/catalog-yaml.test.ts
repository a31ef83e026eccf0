import { describe, expect, it } from 'vitest';
import { CatalogError, formatCatalog, parseCatalog } from './catalog-yaml';

const TEXT = `
# a comment
- id: bashar-al-assad
  name: Bashar al-Assad
  type: person
  aliases:
    - Assad
    - { text: al-Assad, weak: true, shared: true, default: true }
    - text: "2015"
  summary:
    - text: President of Syria until December 2024.
      evidence:
        - "Bashar al-Assad fled Syria for Russia on 8 December, 2024"
  roles:
    - { title: President of Syria, from: "2000", until: 2024-12-08, quote: "Syrian President Bashar al-Assad" }
  related:
    - { id: hafez-al-assad, relation: son of, quote: "true" }

- id: astana-talks
  name: Astana talks
  type: meeting
  aliases: []
  summary: []
  dates:
    - { start: 2017-01-23, end: 2017-01-24, inferred: true, quote: "This week’s Russian-sponsored Syria peace talks in Astana" }
  participants: [russia, turkey, iran]
`;

describe('parseCatalog', () => {
  it('normalises string aliases to { text } and reads scalars as strings', () => {
    const [assad, astana] = parseCatalog(TEXT, 'people.yaml');
    expect(assad!.aliases).toEqual([
      { text: 'Assad' },
      { text: 'al-Assad', weak: true, shared: true, default: true },
      { text: '2015' },
    ]);
    expect(assad!.roles).toEqual([{ title: 'President of Syria', from: '2000', until: '2024-12-08', quote: 'Syrian President Bashar al-Assad' }]);
    expect(assad!.related).toEqual([{ id: 'hafez-al-assad', relation: 'son of', quote: 'true' }]);
    expect(astana!.dates).toEqual([
      { start: '2017-01-23', end: '2017-01-24', inferred: true, quote: 'This week’s Russian-sponsored Syria peace talks in Astana' },
    ]);
    expect(astana!.participants).toEqual(['russia', 'turkey', 'iran']);
  });

  it('round-trips: parse → format → parse is the identity', () => {
    const once = parseCatalog(TEXT, 'a.yaml');
    const text = formatCatalog(once);
    expect(parseCatalog(text, 'b.yaml')).toEqual(once);
    // And formatting is stable.
    expect(formatCatalog(parseCatalog(text, 'b.yaml'))).toBe(text);
    expect(parseCatalog(formatCatalog([]), 'empty.yaml')).toEqual([]);
  });

  it('lists every structural problem with file and entry id', () => {
    const bad = `
- id: a
  name: A
  type: person
  aliases: [ { weak: true } ]
  colour: red
  summary: []
- name: No id
  type: person
  aliases: []
  summary: []
`;
    try {
      parseCatalog(bad, 'bad.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogError);
      const lines = (e as CatalogError).message.split('\n').slice(1);
      expect(lines).toEqual([
        'bad.yaml: a: unknown field "colour"',
        'bad.yaml: a: alias #1: "text" must be a non-empty string',
        'bad.yaml: (entry #2): "id" must be a non-empty string',
      ]);
    }
  });

  it('rejects a file that is not a list', () => {
    expect(() => parseCatalog('id: x', 'x.yaml')).toThrow(/x.yaml: \(file\): must be a YAML list/);
  });
});
