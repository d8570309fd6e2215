// electron-builder hook. The shell imports only 'electron' and node: built-ins (packaging.test.ts
// checks this), while package.json's dependencies belong to the server. Returning false tells
// electron-builder that node_modules are handled elsewhere, so it neither copies nor rebuilds them.
export default async function beforeBuild() {
  return false;
}
