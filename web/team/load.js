// Loads the team sync client (team/team.js in the build, bundled by scripts/team.js) on demand, the
// first time a team library opens; later calls get the same module. The path is resolved against
// the document's base URL, so the app works under any path. Imported by src/bridge/team.rs.
let loading = null;

export function loadTeam(path) {
  if (!loading) {
    loading = import(new URL(path, document.baseURI).href).catch((error) => {
      loading = null; // a failed load (offline, not yet cached) may be tried again
      throw error;
    });
  }
  return loading;
}
