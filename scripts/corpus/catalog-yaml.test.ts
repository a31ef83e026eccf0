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

  it('reads and round-trips what dates and marks a claim: at, ended, outsideCorpus, a dated fact’s label', () => {
    const text = `- id: hafez
  name: Hafez
  type: person
  aliases: []
  summary:
    - { text: Capital of nowhere., evidence: [], outsideCorpus: true }
  roles:
    - { title: President of Syria, at: "1998", ended: death, quote: "When Syrian President Hafez al-Assad died" }
  dates:
    - { start: "1975", label: Arms exports begin, quote: "started in 1975" }
  related:
    - { id: bashar, relation: father of, quote: "53 years", outsideCorpus: true }
`;
    const [entry] = parseCatalog(text, 'a.yaml');
    expect(entry!.summary).toEqual([{ text: 'Capital of nowhere.', evidence: [], outsideCorpus: true }]);
    expect(entry!.roles).toEqual([{ title: 'President of Syria', at: '1998', ended: 'death', quote: 'When Syrian President Hafez al-Assad died' }]);
    expect(entry!.dates).toEqual([{ start: '1975', label: 'Arms exports begin', quote: 'started in 1975' }]);
    expect(entry!.related).toEqual([{ id: 'bashar', relation: 'father of', quote: '53 years', outsideCorpus: true }]);
    expect(parseCatalog(formatCatalog([entry!]), 'b.yaml')).toEqual([entry]);
    expect(() => parseCatalog(text.replace('ended: death', 'ended: retired'), 'c.yaml')).toThrow('role "President of Syria": "ended" must be "death" or "former"');
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
