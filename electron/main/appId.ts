/**
 * The application id. Windows ties notifications to the Start-menu shortcut with this
 * AppUserModelId, and the installer names that shortcut after `appId` in electron-builder.yml,
 * so the two must match (appId.test.ts checks it).
 */
export const APP_ID = 'vn.crm.desktop';
