// Imports team/team.js once, on demand, and opens a library with it (src/bridge/team.rs).
let team = null;
function load(path) {
  team = team || import(new URL(path, document.baseURI).href).catch((e) => {
    team = null;
    const failed = new Error(String((e && e.message) || e));
    failed.name = 'TeamLoadError';
    throw failed;
  });
  return team;
}
export function openTeam(path, options, report) {
  return load(path).then((t) => t.openJson(options, report));
}
/** The sync server's HTTP API (team.mjs `api`): resolves to the answer's JSON text. */
export function callTeamApi(path, base, method, route, token, body) {
  return load(path).then((t) => t.api(base, method, route, token, body));
}
