// Imports team/team.js once, on demand, and opens a library with it (src/bridge/team.rs).
let team = null;
export function openTeam(path, options, report) {
  team = team || import(new URL(path, document.baseURI).href).catch((e) => {
    team = null;
    const failed = new Error(String((e && e.message) || e));
    failed.name = 'TeamLoadError';
    throw failed;
  });
  return team.then((t) => t.openJson(options, report));
}
