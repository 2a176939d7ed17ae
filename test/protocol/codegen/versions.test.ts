import t from 'tap';
import { formatRange, intersect, parseVersions, versionCondition } from '../../../src/protocol/codegen/versions.js';

t.test('version ranges', async (t) => {
  t.strictSame(parseVersions('0-11', 'x'), { min: 0, max: 11 });
  t.strictSame(parseVersions('9+', 'x'), { min: 9, max: Infinity });
  t.strictSame(parseVersions('4', 'x'), { min: 4, max: 4 });
  t.equal(formatRange(parseVersions('none', 'x')), 'none');
  t.throws(() => parseVersions('1..2', 'x'), { message: /bad version range/ });
  t.equal(formatRange(intersect(parseVersions('3+', 'x'), parseVersions('0-11', 'x'))), '3-11');
});

t.test('version conditions are as small as the valid range allows', async (t) => {
  const valid = parseVersions('4-17', 'x');
  t.equal(versionCondition(parseVersions('0+', 'x'), valid), 'true');
  t.equal(versionCondition(parseVersions('3+', 'x'), valid), 'true');
  t.equal(versionCondition(parseVersions('13+', 'x'), valid), 'version >= 13');
  t.equal(versionCondition(parseVersions('0-12', 'x'), valid), 'version <= 12');
  t.equal(versionCondition(parseVersions('7-12', 'x'), valid), 'version >= 7 && version <= 12');
  t.equal(versionCondition(parseVersions('0-3', 'x'), valid), 'false');
});
