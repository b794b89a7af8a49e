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

// Loads the client and opens a library: `options` is the JSON of open()'s plain options, and every
// callback reaches `report` as one JSON string, `[kind, ...arguments]` (kind: entries, text,
// status, presence). One callback of one type keeps the app's own glue code small.
export async function openTeam(path, options, report) {
  let team;
  try {
    team = await loadTeam(path);
  } catch (error) {
    const failed = new Error(String((error && error.message) || error));
    failed.name = 'TeamLoadError'; // not loaded, as opposed to refused by open()
    throw failed;
  }
  const send = (kind) => (...args) => report(JSON.stringify([kind, ...args]));
  return team.open({
    ...JSON.parse(options),
    onEntries: send('entries'),
    onText: send('text'),
    onStatus: send('status'),
    onPresence: send('presence'),
  });
}
